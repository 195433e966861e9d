/**
 * The customer's acceptance page at `acceptanceUrl`, read as a browser would (the HTML parsed with
 * happy-dom, no browser): its labels in English and Dutch, the form, the answers for every state, and
 * a Content-Security-Policy under which nothing loads from anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Window, type Document } from 'happy-dom';
import type { RunningSandbox } from '../../../../sandbox/index';
import { api, appTokenFor, attestationBody, CONTOSO_APP, contosoCustomers, startTodaySandbox, tokenFor } from './helpers';

let sandbox: RunningSandbox;
let now = new Date('2026-06-01T09:00:00Z');
let app: ReturnType<typeof api>;
let customer: string;

beforeAll(async () => {
  sandbox = await startTodaySandbox({ clock: () => now });
  app = api(sandbox, await appTokenFor(sandbox, CONTOSO_APP));
  customer = (await contosoCustomers(sandbox, await tokenFor(sandbox, 'admin@contoso.example'))).find(
    (c) => c.companyName === 'Wingtip Toys Australia',
  )!.id;
});
afterAll(() => sandbox.stop());

async function newAttestation(overrides: Record<string, unknown> = {}): Promise<{ id: string; acceptanceUrl: string }> {
  const answer = await app.post('/v1/attestations/enhanced', attestationBody(customer, overrides));
  expect(answer.status).toBe(201);
  return answer.body;
}

interface Page {
  status: number;
  headers: Headers;
  html: string;
  document: Document;
}

async function open(url: string, init?: RequestInit): Promise<Page> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const html = await response.text();
  const window = new Window({ url });
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  return { status: response.status, headers: response.headers, html, document };
}

const submit = (url: string, form: Record<string, string>) =>
  open(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });

const text = (page: Page) => page.document.body.textContent?.replace(/\s+/g, ' ') ?? '';

function expectStrictPage(page: Page): void {
  const csp = page.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  // The one inline style carries the response's nonce; no script, no external resource of any kind.
  const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
  const styles = [...page.document.querySelectorAll('style')];
  expect(styles.every((style) => style.getAttribute('nonce') === nonce)).toBe(true);
  expect(page.document.querySelectorAll('script, link, img, iframe, object, embed, video, audio, source').length).toBe(0);
  expect(page.html).not.toMatch(/\bsrc=|url\(|@import/i);
  for (const link of page.document.querySelectorAll('a[href], form[action]'))
    expect(link.getAttribute('href') ?? link.getAttribute('action')).toMatch(/^\/(?!\/)/);
}

describe('the acceptance page', () => {
  it("shows the agreement in English with the exact labels, naming the company and the signer, and links the country's document", async () => {
    const attestation = await newAttestation({
      language: 'en-AU',
      country: 'AU',
      companyName: 'Wingtip Toys Australia',
      signatoryFirstName: 'Jack',
      signatoryLastName: 'Wilson',
    });
    const page = await open(attestation.acceptanceUrl);
    expect(page.status).toBe(200);
    expectStrictPage(page);
    expect(page.document.documentElement.getAttribute('lang')).toBe('en');
    const checkbox = page.document.querySelector('input[type="checkbox"][name="accept"]')!;
    expect(checkbox).not.toBeNull();
    expect(checkbox.hasAttribute('required')).toBe(true);
    expect(checkbox.closest('label')!.textContent!.trim()).toBe('I accept the Microsoft Customer Agreement');
    expect(page.document.querySelector('form button[type="submit"]')!.textContent).toBe('Accept');
    expect(page.document.querySelector('form')!.getAttribute('method')).toBe('post');
    expect(text(page)).toContain(
      'Jack Wilson, you are asked to accept the Microsoft Customer Agreement on behalf of Wingtip Toys Australia.',
    );
    const documentLink = page.document.querySelector('a')!;
    expect(documentLink.textContent).toBe('Read the Microsoft Customer Agreement (AU)');
    const documentPage = await fetch(new URL(documentLink.getAttribute('href')!, sandbox.url));
    expect(documentPage.status).toBe(200);
    expect(await documentPage.text()).toContain('country AU');
  });

  it('is Dutch for a Dutch attestation (nl, nl-NL, nl-BE), with the Dutch labels', async () => {
    for (const language of ['nl', 'nl-NL', 'nl-BE']) {
      const page = await open((await newAttestation({ language })).acceptanceUrl);
      expect(page.document.documentElement.getAttribute('lang'), language).toBe('nl');
      expect(page.document.querySelector('label')!.textContent!.trim()).toBe('Ik accepteer de Microsoft-klantovereenkomst');
      expect(page.document.querySelector('button')!.textContent).toBe('Accepteren');
      expect(text(page)).toContain('Sanne de Vries, u wordt gevraagd de Microsoft-klantovereenkomst te accepteren namens Molenaar ICT.');
      expectStrictPage(page);
    }
    // Any other language: English.
    expect((await open((await newAttestation({ language: 'de-DE' })).acceptanceUrl)).document.querySelector('button')!.textContent).toBe(
      'Accept',
    );
  });

  it('records the acceptance once: unticked is refused, ticked is recorded, a second acceptance changes nothing', async () => {
    const attestation = await newAttestation({ language: 'nl-NL' });
    const read = async () => (await app.get(`/v1/attestations/enhanced/${attestation.id}`)).body;
    const unticked = await submit(attestation.acceptanceUrl, {});
    expect(unticked.status).toBe(400);
    expect(unticked.document.querySelector('[role="alert"]')!.textContent).toBe(
      'Vink het vakje aan om de overeenkomst te accepteren en kies dan Accepteren.',
    );
    expect(unticked.document.querySelector('input[type="checkbox"]')).not.toBeNull();
    const notAForm = await open(attestation.acceptanceUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"accept":"yes"}',
    });
    expect(notAForm.status).toBe(400);
    expect((await read()).status).toBe('pending');

    const acceptedAt = now.toISOString();
    const accepted = await submit(attestation.acceptanceUrl, { accept: 'yes' });
    expect(accepted.status).toBe(200);
    expectStrictPage(accepted);
    expect(accepted.document.querySelector('[role="status"]')!.textContent).toBe(
      'Dank u. Uw acceptatie van de Microsoft-klantovereenkomst is vastgelegd.',
    );
    expect(await read()).toMatchObject({ status: 'accepted', acceptedAt });

    now = new Date(now.getTime() + 60_000);
    const second = await submit(attestation.acceptanceUrl, { accept: 'yes' });
    expect(second.status).toBe(200);
    expect(second.document.querySelector('[role="status"]')!.textContent).toBe(
      'Deze overeenkomst was al geaccepteerd. Er is niets gewijzigd.',
    );
    const again = await open(attestation.acceptanceUrl);
    expect(again.status).toBe(200);
    expect(again.document.querySelector('form')).toBeNull();
    expect(await read()).toMatchObject({ status: 'accepted', acceptedAt });
    const accepts = (await sandbox.inspect.audit()).filter(
      (entry) => entry.action === 'attestation.accept' && entry.target === attestation.id,
    );
    expect(accepts.map((entry) => (entry.detail as { outcome: string }).outcome)).toEqual(['recorded']);
  });

  it('answers 410 with a page saying so once the link expired, for showing and for accepting', async () => {
    const attestation = await newAttestation({ linkExpiryMinutes: 5, language: 'en-US' });
    now = new Date(now.getTime() + 5 * 60_000);
    const shown = await open(attestation.acceptanceUrl);
    expect(shown.status).toBe(410);
    expectStrictPage(shown);
    expect(text(shown)).toContain('This link has expired. Ask your partner for a new one.');
    expect(shown.document.querySelector('form')).toBeNull();
    const posted = await submit(attestation.acceptanceUrl, { accept: 'yes' });
    expect(posted.status).toBe(410);
    expect((await app.get(`/v1/attestations/enhanced/${attestation.id}`)).body).toMatchObject({ status: 'expired' });
  });

  it('answers 404 for a wrong token, in English and Dutch, and accepts nothing', async () => {
    const attestation = await newAttestation();
    const url = new URL(attestation.acceptanceUrl);
    const token = url.pathname.split('/').pop()!;
    const wrongs = [
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, // one character off
      'A'.repeat(43),
      token.slice(0, 20),
      `${token}x`,
      '..%2F..%2Fsandbox%2Fagreements',
    ];
    for (const wrong of wrongs) {
      for (const page of [
        await open(`${sandbox.url}/customer-acceptance/${wrong}`),
        await submit(`${sandbox.url}/customer-acceptance/${wrong}`, { accept: 'yes' }),
      ]) {
        expect(page.status, wrong).toBe(404);
        expect(text(page)).toContain('This link is not valid.');
        expect(text(page)).toContain('Deze link is niet geldig.');
      }
    }
    expect((await app.get(`/v1/attestations/enhanced/${attestation.id}`)).body.status).toBe('pending');
  });
});
