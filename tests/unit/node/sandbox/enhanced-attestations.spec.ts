import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { enhancedAttestationSchema } from '../../../../shared/api/enhanced-attestation';
import {
  api,
  appTokenFor,
  attestationBody,
  attestations,
  CONTOSO_APP,
  contosoCustomers,
  FABRIKAM_APP,
  requestId,
  startTodaySandbox,
  TAILSPIN_APP,
  tokenFor,
} from './helpers';

let sandbox: RunningSandbox;
let now = new Date('2026-06-01T09:00:00Z');
let app: ReturnType<typeof api>;
let byName: (name: string) => string;

beforeAll(async () => {
  sandbox = await startTodaySandbox({ clock: () => now, tokenTtlSeconds: 30 * 86_400 });
  app = api(sandbox, await appTokenFor(sandbox, CONTOSO_APP));
  const customers = await contosoCustomers(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
  byName = (name) => customers.find((customer) => customer.companyName === name)!.id;
});
afterAll(() => sandbox.stop());

describe('POST /v1/attestations/enhanced', () => {
  it('creates a pending attestation with an acceptance link on the sandbox itself, valid 7 days by default', async () => {
    const customer = byName('Litware Inc.');
    const answer = await app.post('/v1/attestations/enhanced', attestationBody(customer), { 'MS-RequestId': requestId() });
    expect(answer.status).toBe(201);
    expect(enhancedAttestationSchema.safeParse(answer.body).success).toBe(true);
    expect(answer.body).toMatchObject({
      customerTenantId: customer,
      status: 'pending',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 10_080 * 60_000).toISOString(),
      country: 'NL',
      language: 'nl-NL',
      companyName: 'Molenaar ICT',
      signatory: { firstName: 'Sanne', lastName: 'de Vries', email: 'sanne.devries@molenaar.example', phoneNumber: '+31 20 794 0000' },
      attributes: { objectType: 'EnhancedAttestation' },
    });
    expect(answer.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.body.acceptedAt).toBeUndefined();
    expect(answer.body.agreement).toBeUndefined();
    // An unguessable token (256 bits) on the sandbox's own origin, new for every attestation.
    const url = new URL(answer.body.acceptanceUrl);
    expect(url.origin).toBe(sandbox.url);
    expect(url.pathname).toMatch(/^\/customer-acceptance\/[A-Za-z0-9_-]{43}$/);
    const second = await app.post(
      '/v1/attestations/enhanced',
      attestationBody(customer, { linkExpiryMinutes: 5, signatoryPhoneNumber: undefined }),
    );
    expect(second.status).toBe(201);
    expect(second.body.acceptanceUrl).not.toBe(answer.body.acceptanceUrl);
    expect(second.body.expiresAt).toBe(new Date(now.getTime() + 5 * 60_000).toISOString());
    expect(second.body.signatory.phoneNumber).toBeUndefined();
  });

  it('answers a repeated MS-RequestId with the same attestation (200), also 20 at once: one attestation', async () => {
    const customer = byName('Wingtip Toys Australia');
    const key = requestId();
    const body = attestationBody(customer, { country: 'AU', language: 'en-AU', companyName: 'Wingtip Toys Australia' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => app.post('/v1/attestations/enhanced', body, { 'MS-RequestId': key })),
    );
    expect(answers.map((answer) => answer.status).sort((a, b) => b - a)).toEqual([201, ...Array(19).fill(200)]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    const stored = await attestations(sandbox, `?requestId=${key}`);
    expect(stored).toHaveLength(1);
    const audit = (await sandbox.inspect.audit()).filter((entry) => entry.requestId === key);
    expect(audit.filter((entry) => entry.action === 'attestation.create')).toHaveLength(1);
    expect(audit.filter((entry) => entry.action === 'attestation.replay')).toHaveLength(19);
    // A retry after the signer accepted answers the attestation as it is now.
    await api(sandbox).post(`/sandbox/attestations/${stored[0]!.id}/accept`, {});
    const retry = await app.post('/v1/attestations/enhanced', body, { 'MS-RequestId': key });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: stored[0]!.id, status: 'accepted' });
    // The same id for another operation is refused.
    const reused = await app.post(
      `/v1/customers/${customer}/agreements`,
      { attestationId: stored[0]!.id, type: 'MicrosoftCustomerAgreement' },
      { 'MS-RequestId': key },
    );
    expect(reused.status).toBe(400);
  });

  it("works for an indirect provider's own customers; an indirect reseller's app gets 403", async () => {
    const fabrikam = api(sandbox, await appTokenFor(sandbox, FABRIKAM_APP));
    const theirs = (await api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example')).get('/v1/customers')).body.items[0].id as string;
    expect((await fabrikam.post('/v1/attestations/enhanced', attestationBody(theirs))).status).toBe(201);
    const tailspin = api(sandbox, await appTokenFor(sandbox, TAILSPIN_APP));
    const refused = await tailspin.post('/v1/attestations/enhanced', attestationBody(theirs));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe(900150);
    expect((await tailspin.get(`/v1/attestations/enhanced/${(await attestations(sandbox))[0]!.id}`)).status).toBe(403);
  });
});

describe('bad input: a typed 400 naming the field, and nothing changes', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['missing country', { country: undefined }, 'country'],
    ['lower-case country', { country: 'nl' }, 'country'],
    ['three-letter country', { country: 'NLD' }, 'country'],
    ['unknown language tag', { language: 'xx-YY' }, 'language'],
    ['malformed language tag', { language: 'nl_NL' }, 'language'],
    ['missing language', { language: undefined }, 'language'],
    ['empty company name', { companyName: '   ' }, 'companyName'],
    ['over-long company name', { companyName: 'x'.repeat(257) }, 'companyName'],
    ['empty first name', { signatoryFirstName: '' }, 'signatoryFirstName'],
    ['over-long last name', { signatoryLastName: 'y'.repeat(101) }, 'signatoryLastName'],
    ['control characters in a name', { signatoryLastName: 'de\u202EVries' }, 'signatoryLastName'],
    ['two emails', { signatoryEmail: 'a@b.example, c@d.example' }, 'signatoryEmail'],
    ['no email', { signatoryEmail: undefined }, 'signatoryEmail'],
    ['bad phone', { signatoryPhoneNumber: '12ab' }, 'signatoryPhoneNumber'],
    ['short phone', { signatoryPhoneNumber: '123' }, 'signatoryPhoneNumber'],
    ['link shorter than 5 minutes', { linkExpiryMinutes: 4 }, 'linkExpiryMinutes'],
    ['link longer than 7 days', { linkExpiryMinutes: 10_081 }, 'linkExpiryMinutes'],
    ['fractional minutes', { linkExpiryMinutes: 5.5 }, 'linkExpiryMinutes'],
    ['minutes as text', { linkExpiryMinutes: '60' }, 'linkExpiryMinutes'],
    ['malformed customer id', { customerTenantId: 'not-a-guid' }, 'customerTenantId'],
  ];

  it.each(cases)('%s', async (_what, change, field) => {
    const before = await attestations(sandbox);
    const answer = await app.post('/v1/attestations/enhanced', attestationBody(byName('Rio Design Studio'), change), {
      'MS-RequestId': requestId(),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(2000);
    expect(answer.body.description).toContain(field);
    expect(answer.body.data.map((issue: { field: string }) => issue.field)).toContain(field);
    expect(await attestations(sandbox)).toEqual(before);
  });

  it('answers 404 for a customer of another partner or none, 413 past the size limit, 415 and 400 for a body that is not JSON', async () => {
    const before = await attestations(sandbox);
    const fabrikamCustomer = (await api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example')).get('/v1/customers')).body.items[1]
      .id as string;
    for (const customer of [fabrikamCustomer, '00000000-0000-4000-8000-000000000000']) {
      const answer = await app.post('/v1/attestations/enhanced', attestationBody(customer));
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe(60003);
    }
    const large = await app.post(
      '/v1/attestations/enhanced',
      attestationBody(byName('Rio Design Studio'), { padding: 'x'.repeat(17 * 1024) }),
    );
    expect(large.status).toBe(413);
    const text = await fetch(`${sandbox.url}/v1/attestations/enhanced`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await appTokenFor(sandbox, CONTOSO_APP)}`, 'content-type': 'text/plain' },
      body: JSON.stringify(attestationBody(byName('Rio Design Studio'))),
    });
    expect(text.status).toBe(415);
    for (const body of ['{', '[]', 'null', '"x"']) expect((await app.post('/v1/attestations/enhanced', body)).status).toBe(400);
    expect(await attestations(sandbox)).toEqual(before);
  });
});

describe('GET /v1/attestations/enhanced/{id}', () => {
  it('answers AppOnly and App+User of the same partner (any role); another partner gets 404; a malformed id 400', async () => {
    const created = (await app.post('/v1/attestations/enhanced', attestationBody(byName('Barcelona Diseño')))).body;
    const own = await app.get(`/v1/attestations/enhanced/${created.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toEqual(created);
    const helpdesk = await api(sandbox, await tokenFor(sandbox, 'helpdesk@contoso.example')).get(
      `/v1/attestations/enhanced/${created.id.toUpperCase()}`,
    );
    expect(helpdesk.status).toBe(200);
    expect(helpdesk.body.id).toBe(created.id);
    const fabrikam = await api(sandbox, await appTokenFor(sandbox, FABRIKAM_APP)).get(`/v1/attestations/enhanced/${created.id}`);
    expect(fabrikam.status).toBe(404);
    expect(fabrikam.body.code).toBe(600071);
    expect(
      (await api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example')).get(`/v1/attestations/enhanced/${created.id}`)).status,
    ).toBe(404);
    expect((await app.get('/v1/attestations/enhanced/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const malformed = await app.get('/v1/attestations/enhanced/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.data).toEqual([{ field: 'id', problem: 'invalid-attestation-id' }]);
  });
});

describe('expiry in real time (the server clock), and the sandbox helpers', () => {
  it('turns a pending attestation expired the moment its link runs out; accepting is then 410', async () => {
    const created = (await app.post('/v1/attestations/enhanced', attestationBody(byName('Tasman Marine'), { linkExpiryMinutes: 5 }))).body;
    now = new Date(now.getTime() + 5 * 60_000 - 1);
    expect((await app.get(`/v1/attestations/enhanced/${created.id}`)).body.status).toBe('pending');
    now = new Date(now.getTime() + 1);
    expect((await app.get(`/v1/attestations/enhanced/${created.id}`)).body.status).toBe('expired');
    const accept = await api(sandbox).post(`/sandbox/attestations/${created.id}/accept`, {});
    expect(accept.status).toBe(410);
    expect((await app.get(`/v1/attestations/enhanced/${created.id}`)).body).toMatchObject({ status: 'expired' });
    expect((await app.get(`/v1/attestations/enhanced/${created.id}`)).body.acceptedAt).toBeUndefined();
  });

  it('expires a pending link now (POST /sandbox/attestations/{id}/expire), idempotently; not an accepted one', async () => {
    const pending = (await app.post('/v1/attestations/enhanced', attestationBody(byName('Amazonas Logística')))).body;
    const expired = await api(sandbox).post(`/sandbox/attestations/${pending.id}/expire`, {});
    expect(expired.status).toBe(200);
    expect(expired.body).toMatchObject({ id: pending.id, status: 'expired', expiresAt: now.toISOString(), alreadyExpired: false });
    expect((await api(sandbox).post(`/sandbox/attestations/${pending.id}/expire`, {})).body).toMatchObject({
      status: 'expired',
      alreadyExpired: true,
    });

    const other = (await app.post('/v1/attestations/enhanced', attestationBody(byName('Amazonas Logística')))).body;
    const accepted = await api(sandbox).post(`/sandbox/attestations/${other.id}/accept`, {});
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedAt: now.toISOString(), alreadyAccepted: false });
    const again = await api(sandbox).post(`/sandbox/attestations/${other.id}/accept`, {});
    expect(again.body).toMatchObject({ status: 'accepted', acceptedAt: now.toISOString(), alreadyAccepted: true });
    const refused = await api(sandbox).post(`/sandbox/attestations/${other.id}/expire`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe(600076);
    expect((await app.get(`/v1/attestations/enhanced/${other.id}`)).body.status).toBe('accepted');
  });

  it('answers the helpers 404 for an unknown id and 400 for a malformed one', async () => {
    for (const action of ['accept', 'expire']) {
      expect((await api(sandbox).post(`/sandbox/attestations/00000000-0000-4000-8000-000000000000/${action}`, {})).status).toBe(404);
      expect((await api(sandbox).post(`/sandbox/attestations/nope/${action}`, {})).status).toBe(400);
    }
    expect((await api(sandbox).get('/sandbox/attestations?customerId=nope')).status).toBe(400);
    expect((await api(sandbox).get('/sandbox/attestations?requestId=nope')).status).toBe(400);
  });
});
