import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { agreementDocumentSchema } from '../../../../shared/api/partner-center';
import { api, CLOUD, MCA, startTestSandbox, tokenFor } from './helpers';

let sandbox: RunningSandbox;
let admin: ReturnType<typeof api>;
let now = new Date('2026-03-10T12:00:00Z');

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => now, tokenTtlSeconds: 86_400 });
  admin = api(sandbox, await tokenFor(sandbox, 'helpdesk@contoso.example'));
});
afterAll(() => sandbox.stop());

const documentPath = (query: string, template = MCA) => `/v1/agreementtemplates/${template}/document${query}`;

describe('GET /v1/agreementtemplates/{templateId}/document', () => {
  it('answers {displayUri, downloadUri, language, country}, defaulting to US / en-US', async () => {
    const reply = await admin.get(documentPath(''));
    expect(reply.status).toBe(200);
    const doc = agreementDocumentSchema.parse(reply.body);
    expect(doc).toMatchObject({ language: 'en-US', country: 'US' });
    expect(doc.displayUri.startsWith(`${sandbox.url}/`)).toBe(true);
  });

  it("offers the country's language and falls back to en-US when the language is not offered", async () => {
    expect((await admin.get(documentPath('?country=NL&language=nl-NL'))).body).toMatchObject({ country: 'NL', language: 'nl-NL' });
    expect((await admin.get(documentPath('?country=BE&language=fr-FR'))).body).toMatchObject({ country: 'BE', language: 'fr-FR' });
    expect((await admin.get(documentPath('?country=GB&language=nl-NL'))).body).toMatchObject({ country: 'GB', language: 'en-US' });
    expect((await admin.get(documentPath('?country=JP&language=xx-XX'))).body).toMatchObject({ country: 'JP', language: 'en-US' });
  });

  it('treats country as case-sensitive: "us" is refused', async () => {
    const reply = await admin.get(documentPath('?country=us'));
    expect(reply.status).toBe(400);
    expect(reply.body.description).toContain('case-sensitive');
  });

  it('answers 404 for an unknown or differently cased template id and 400 for the Cloud Agreement', async () => {
    expect((await admin.get(documentPath('', MCA.toUpperCase()))).status).toBe(404);
    expect((await admin.get(documentPath('', CLOUD))).status).toBe(400);
  });

  it('gives a fresh link on every call, served by the sandbox, that stops working after five minutes', async () => {
    const first = (await admin.get(documentPath('?country=DE&language=de-DE'))).body;
    const second = (await admin.get(documentPath('?country=DE&language=de-DE'))).body;
    expect(first.displayUri).not.toBe(second.displayUri);
    const preview = await fetch(first.displayUri);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toContain('text/html');
    expect(preview.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await preview.text()).toContain('Microsoft Customer Agreement');
    const download = await fetch(first.downloadUri);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(await download.text()).toContain('country DE, language de-DE');
    now = new Date(now.getTime() + 4 * 60_000);
    expect((await fetch(first.displayUri)).status).toBe(200);
    now = new Date(now.getTime() + 61_000);
    expect((await fetch(first.displayUri)).status).toBe(403);
    expect((await fetch(first.downloadUri)).status).toBe(403);
  });

  it('refuses forged or altered links', async () => {
    const link = (await admin.get(documentPath(''))).body.displayUri as string;
    const altered = link.replace(/\/agreement-documents\/([^.]+)\./, (_m, body: string) => {
      const decoded = JSON.parse(Buffer.from(body, 'base64url').toString());
      return `/agreement-documents/${Buffer.from(JSON.stringify({ ...decoded, e: decoded.e + 3_600_000 })).toString('base64url')}.`;
    });
    expect((await fetch(altered)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/sandbox/agreement-documents/garbage/preview`)).status).toBe(404);
    expect((await fetch(link.replace('/preview', '/other'))).status).toBe(404);
  });
});

describe('GET / (the explainer page)', () => {
  it('says what the sandbox is and lists every seeded user with the password', async () => {
    const page = await fetch(`${sandbox.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('stand-in for the Microsoft Partner Center REST API');
    for (const user of [
      'admin@contoso.example',
      'sales@contoso.example',
      'helpdesk@contoso.example',
      'billing@contoso.example',
      'admin@fabrikam.example',
      'sales@fabrikam.example',
      'admin@tailspin.example',
    ])
      expect(html).toContain(user);
    expect(html).toContain('<code>sandbox</code>');
  });
});
