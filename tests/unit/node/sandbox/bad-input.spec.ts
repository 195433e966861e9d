import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { api, confirmBody, contosoCustomers, startTestSandbox, tokenFor } from './helpers';

let sandbox: RunningSandbox;
let admin: ReturnType<typeof api>;
let customers: Array<{ id: string }>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const token = await tokenFor(sandbox, 'admin@contoso.example');
  admin = api(sandbox, token);
  customers = await contosoCustomers(sandbox, token);
});
afterAll(() => sandbox.stop());

async function counts() {
  return {
    agreements: (await sandbox.inspect.agreements()).length,
    customers: (await contosoCustomers(sandbox, await tokenFor(sandbox, 'admin@contoso.example'))).length,
  };
}

const nasty = ["Robert'); DROP TABLE agreements;--", '<script>alert(1)</script>', '" onmouseover="alert(1)', '%_\\', '${7*7}{{7*7}}'];

describe('bad input never crashes the sandbox nor changes data', () => {
  it('refuses malformed JSON, wrong types, wrong content types and deep nesting with 4xx', async () => {
    const before = await counts();
    const target = `/v1/customers/${customers[3]!.id}/agreements`;
    const bodies: unknown[] = [
      '{',
      '{"primaryContact":',
      'nul',
      '"just a string"',
      '12',
      'true',
      '[1,2,3]',
      '\u0000',
      JSON.stringify(confirmBody({ dateAgreed: 12345 })),
      JSON.stringify(confirmBody({ templateId: { $ne: null } })),
      JSON.stringify(confirmBody({ primaryContact: ['a', 'b'] })),
      JSON.stringify(confirmBody({}, { firstName: 42 })),
      JSON.stringify(confirmBody({}, { email: ['a@b.example'] })),
      JSON.stringify(confirmBody({}, { firstName: 'a\u0000b' })),
      JSON.stringify(confirmBody({}, { lastName: 'x'.repeat(101) })),
      JSON.stringify(confirmBody({ templateId: 'a\u0000b' })),
      JSON.stringify(confirmBody({ dateAgreed: '2019-02-30T00:00:00Z' })),
      '['.repeat(5000) + ']'.repeat(5000),
      `{"a":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`,
    ];
    for (const body of bodies) {
      const reply = await admin.post(target, body as string);
      expect(reply.status, String(body).slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    }
    const form = await fetch(`${sandbox.url}${target}`, {
      method: 'POST',
      headers: {
        authorization:
          (await admin.get('/v1/profiles/me')).status === 200 ? `Bearer ${await tokenFor(sandbox, 'admin@contoso.example')}` : '',
        'content-type': 'text/plain',
      },
      body: JSON.stringify(confirmBody()),
    });
    expect(form.status).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it('limits the body size (413) without reading it all', async () => {
    const before = await counts();
    const huge = JSON.stringify(confirmBody({ agreementLink: 'x'.repeat(2 * 1024 * 1024) }));
    const reply = await admin.post(`/v1/customers/${customers[3]!.id}/agreements`, huge);
    expect(reply.status).toBe(413);
    const bulk = await admin.post('/v1/CreateBulkReAttestation', `[${'{"a":1},'.repeat(200_000)}{}]`);
    expect(bulk.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('ignores unknown fields (and prototype keys) instead of storing them', async () => {
    const id = customers[4]!.id;
    const body = `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"isAdmin":true,"userId":"someone",${JSON.stringify(confirmBody({}, { email: 'unknown.fields@example.com', middleName: 'X', extra: { a: 1 } })).slice(1)}`;
    const reply = await admin.post(`/v1/customers/${id}/agreements`, body);
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.body).sort()).toEqual(['dateAgreed', 'primaryContact', 'templateId', 'type', 'userId']);
    expect(Object.keys(reply.body.primaryContact).sort()).toEqual(['email', 'firstName', 'lastName', 'phoneNumber']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers 400 for invalid GUIDs everywhere', async () => {
    for (const bad of ['123', "1' or '1'='1", '%27%3B%20DROP%20TABLE%20customers%3B--', '00000000-0000-4000-8000-00000000000Z', '<svg>']) {
      expect((await admin.get(`/v1/customers/${bad}`)).status).toBe(400);
      expect((await admin.get(`/v1/customers/${bad}/agreements`)).status).toBe(400);
      expect((await admin.get(`/v1/customers/${bad}/directSignedMicrosoftCustomerAgreementStatus`)).status).toBe(400);
      expect((await admin.post(`/v1/customers/${bad}/agreements`, confirmBody())).status).toBe(400);
      expect((await api(sandbox).post(`/sandbox/customers/${bad}/accept`, {})).status).toBe(400);
      expect((await api(sandbox).get(`/sandbox/agreements?customerId=${bad}`)).status).toBe(400);
    }
  });

  it('stores SQL and HTML in every string field as plain text and returns it unchanged', async () => {
    for (const [i, text] of nasty.entries()) {
      const id = customers[10 + i]!.id;
      const reply = await admin.post(
        `/v1/customers/${id}/agreements`,
        confirmBody({}, { firstName: text, lastName: text, email: `n${i}@example.com` }),
      );
      expect(reply.status).toBe(201);
      const list = await admin.get(`/v1/customers/${id}/agreements?agreementType=MicrosoftCustomerAgreement`);
      expect(list.body.items.at(-1).primaryContact).toMatchObject({ firstName: text, lastName: text });
      const created = await admin.post('/v1/customers', {
        companyProfile: { domain: `nasty${i}.onmicrosoft.com` },
        billingProfile: {
          email: `a${i}@nasty.example`,
          culture: 'en-US',
          language: 'en',
          companyName: text,
          defaultAddress: {
            firstName: text.slice(0, 50),
            lastName: 'L',
            addressLine1: text,
            addressLine2: text,
            city: text,
            postalCode: '1234',
            country: 'NL',
          },
        },
      });
      expect(created.status).toBe(201);
      expect(created.body.companyProfile.companyName).toBe(text);
      const filter = encodeURIComponent(JSON.stringify({ Field: 'CompanyName', Value: text, Operator: 'starts_with' }));
      const found = await admin.get(`/v1/customers?filter=${filter}`);
      expect(found.status).toBe(200);
      expect(found.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
    }
    // The explainer page never renders stored text; the tables are intact.
    expect((await admin.get('/v1/customers?size=500')).body.items.length).toBeGreaterThan(60);
    expect((await sandbox.inspect.agreements()).length).toBeGreaterThan(60);
  });

  it('refuses control characters and bad values in query parameters', async () => {
    for (const query of [
      `filter=${encodeURIComponent(JSON.stringify({ Field: 'CompanyName', Value: 'a\u0000', Operator: 'starts_with' }))}`,
      `filter=${encodeURIComponent('{"Field":"CompanyName","Value":"' + 'x'.repeat(300) + '","Operator":"starts_with"}')}`,
      'size=99999999999999999999',
    ])
      expect((await admin.get(`/v1/customers?${query}`)).status).toBe(400);
    expect((await admin.get('/v1/agreementtemplates/%00/document')).status).toBe(404);
    expect((await admin.get('/v1/agreementtemplates/117a77b0-9360-443b-8795-c6dedc750cf9/document?country=%00')).status).toBe(400);
    expect((await api(sandbox).get('/sandbox/agreements?requestId=%27')).status).toBe(400);
  });

  it('answers unknown paths and methods with 404 JSON', async () => {
    const reply = await admin.get('/v1/nothing/here');
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe(404);
    expect((await admin.post('/v1/agreements', {})).status).toBe(404);
  });

  it('is still up and consistent after all of this', async () => {
    expect((await admin.get('/v1/profiles/me')).status).toBe(200);
  });
});
