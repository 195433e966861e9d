import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { apiAgreementSchema, collectionSchema, agreementMetadataSchema } from '../../../../shared/api/partner-center';
import { api, CLOUD, confirmBody, contosoCustomers, MCA, requestId, SAMPLE_CUSTOMER, startTestSandbox, tokenFor } from './helpers';

let sandbox: RunningSandbox;
let admin: ReturnType<typeof api>;
let customers: Array<{ id: string; companyName: string; domain: string }>;
let now = new Date('2026-03-10T12:00:00Z');
let next = 0;
/** A Contoso customer no other test in this file touches. */
const freshCustomer = () => {
  next += 1;
  const customer = customers[customers.length - next];
  if (!customer) throw new Error('out of customers');
  return customer.id;
};

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => now });
  const token = await tokenFor(sandbox, 'admin@contoso.example');
  admin = api(sandbox, token);
  customers = (await contosoCustomers(sandbox, token)).filter((c) => c.id !== SAMPLE_CUSTOMER);
});
afterAll(() => sandbox.stop());

describe('GET /v1/agreements (metadata)', () => {
  it('returns only the Microsoft Cloud Agreement when agreementType is omitted (the documented pitfall)', async () => {
    const reply = await admin.get('/v1/agreements');
    expect(reply.status).toBe(200);
    expect(reply.body.items).toHaveLength(1);
    expect(reply.body.items[0]).toMatchObject({ agreementType: 'MicrosoftCloudAgreement', templateId: CLOUD });
  });

  it('returns the documented sample for MicrosoftCustomerAgreement', async () => {
    const reply = await admin.get('/v1/agreements?agreementType=MicrosoftCustomerAgreement');
    expect(reply.body).toEqual({
      totalCount: 1,
      items: [
        { templateId: MCA, agreementType: 'MicrosoftCustomerAgreement', agreementLink: 'https://aka.ms/customeragreement', versionRank: 0 },
      ],
      attributes: { objectType: 'Collection' },
    });
    expect(collectionSchema(agreementMetadataSchema).safeParse(reply.body).success).toBe(true);
  });

  it('returns both for * and refuses unknown types', async () => {
    expect((await admin.get('/v1/agreements?agreementType=*')).body.totalCount).toBe(2);
    const bad = await admin.get('/v1/agreements?agreementType=Nonsense');
    expect(bad.status).toBe(400);
  });

  it('is readable by every role', async () => {
    const helpdesk = api(sandbox, await tokenFor(sandbox, 'helpdesk@contoso.example'));
    expect((await helpdesk.get('/v1/agreements?agreementType=MicrosoftCustomerAgreement')).status).toBe(200);
  });
});

describe('POST /v1/customers/{id}/agreements (confirm)', () => {
  it('answers the documented sample request with the documented 201 response', async () => {
    const reply = await admin.post(`/v1/customers/${SAMPLE_CUSTOMER}/agreements`, confirmBody(), {
      'MS-RequestId': requestId(),
      'MS-CorrelationId': requestId(),
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      userId: '3d6f2c09-eb40-48ca-a4b3-d24c9c007531',
      primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'someone@example.com', phoneNumber: '1234567890' },
      templateId: '117a77b0-9360-443b-8795-c6dedc750cf9',
      dateAgreed: '2018-06-14T00:00:00.000Z',
      type: 'MicrosoftCustomerAgreement',
    });
    expect(apiAgreementSchema.safeParse(reply.body).success).toBe(true);
  });

  it('refuses the same contact again with 600061 and the documented body', async () => {
    const reply = await admin.post(`/v1/customers/${SAMPLE_CUSTOMER}/agreements`, confirmBody());
    expect(reply.status).toBe(409);
    expect(reply.body).toEqual({
      code: 600061,
      message: 'A partner confirmed agreement already exists for the customer.',
      description: 'A partner confirmed agreement already exists for the customer.',
      errorName: 'PartnerConfirmedAgreementAlreadyExists',
      isRetryable: false,
      parameters: {},
      errorMessageExtended: 'InternalErrorCode=600061',
    });
  });

  it('treats the same contact as a duplicate regardless of surrounding spaces and e-mail case', async () => {
    const reply = await admin.post(
      `/v1/customers/${SAMPLE_CUSTOMER}/agreements`,
      confirmBody({}, { firstName: ' Tania ', email: 'SOMEONE@EXAMPLE.COM' }),
    );
    expect(reply.body.code).toBe(600061);
  });

  it('allows a reconfirmation when the contact changed (name, e-mail or phone), and lists every one', async () => {
    const id = freshCustomer();
    const changes = [{}, { phoneNumber: '+31 20 123 4567' }, { email: 'other@example.com' }, { lastName: 'Carr-Smith' }];
    for (const change of changes) expect((await admin.post(`/v1/customers/${id}/agreements`, confirmBody({}, change))).status).toBe(201);
    const list = await admin.get(`/v1/customers/${id}/agreements?agreementType=MicrosoftCustomerAgreement`);
    const mine = list.body.items.slice(-4);
    expect(mine.map((item: { primaryContact: { phoneNumber?: string } }) => item.primaryContact.phoneNumber)).toEqual([
      '1234567890',
      '+31 20 123 4567',
      '1234567890',
      '1234567890',
    ]);
    // Going back to an earlier (not the latest) contact is allowed too.
    expect((await admin.post(`/v1/customers/${id}/agreements`, confirmBody())).status).toBe(201);
  });

  it('refuses a dateAgreed after the server UTC now with 600002, and accepts now itself', async () => {
    const id = freshCustomer();
    const future = new Date(now.getTime() + 1000).toISOString();
    const reply = await admin.post(`/v1/customers/${id}/agreements`, confirmBody({ dateAgreed: future }));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 600002, description: 'Date of agreement cannot be greater than the current date.' });
    // A local calendar date sent as UTC midnight east of UTC early in the day is still in the future.
    const tomorrow = `${new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10)}T00:00:00.000Z`;
    expect((await admin.post(`/v1/customers/${id}/agreements`, confirmBody({ dateAgreed: tomorrow }))).body.code).toBe(600002);
    expect((await admin.post(`/v1/customers/${id}/agreements`, confirmBody({ dateAgreed: now.toISOString() }))).status).toBe(201);
    // Without an offset the date is UTC.
    expect(
      (
        await admin.post(
          `/v1/customers/${id}/agreements`,
          confirmBody({ dateAgreed: '2020-01-01T00:00:00' }, { phoneNumber: '555 1234 99' }),
        )
      ).status,
    ).toBe(201);
  });

  it('lets Admin agents and Sales agents confirm; Helpdesk agents and Billing admins get 403 900150', async () => {
    const id = freshCustomer();
    const sales = api(sandbox, await tokenFor(sandbox, 'sales@contoso.example'));
    expect((await sales.post(`/v1/customers/${id}/agreements`, confirmBody())).status).toBe(201);
    for (const userName of ['helpdesk@contoso.example', 'billing@contoso.example']) {
      const reply = await api(sandbox, await tokenFor(sandbox, userName)).post(
        `/v1/customers/${id}/agreements`,
        confirmBody({}, { email: 'x@example.com' }),
      );
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({
        code: 900150,
        description: 'The supplied role does not have the rights to perform the requested operation.',
      });
    }
  });

  it('refuses an indirect reseller with 403, whatever its role', async () => {
    const tailspin = api(sandbox, await tokenFor(sandbox, 'admin@tailspin.example'));
    const theirs = (await tailspin.get('/v1/customers')).body.items[0].id as string;
    const reply = await tailspin.post(`/v1/customers/${theirs}/agreements`, confirmBody());
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe(900150);
  });

  it('lets an indirect provider confirm for its own customers', async () => {
    const fabrikam = api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example'));
    const theirs = (await fabrikam.get('/v1/customers')).body.items[0].id as string;
    expect((await fabrikam.post(`/v1/customers/${theirs}/agreements`, confirmBody({}, { email: 'fab@example.com' }))).status).toBe(201);
  });

  it("answers 404 for an unknown customer, 403 20002 for another partner's, 400 for a malformed id", async () => {
    const unknown = await admin.post('/v1/customers/00000000-0000-4000-8000-000000000000/agreements', confirmBody());
    expect(unknown.status).toBe(404);
    const fabrikam = api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example'));
    const other = await fabrikam.post(`/v1/customers/${customers[0]!.id}/agreements`, confirmBody());
    expect(other.status).toBe(403);
    expect(other.body.code).toBe(20002);
    const malformed = await admin.post('/v1/customers/not-a-guid/agreements', confirmBody());
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      code: 2000,
      description: 'Tenant Id must be a GUID.',
      data: [],
      source: 'PartnerApiServiceControllers',
    });
  });

  it('refuses an unknown template id (case-sensitive) and the retired Cloud Agreement template with 400', async () => {
    const id = freshCustomer();
    const upper = await admin.post(`/v1/customers/${id}/agreements`, confirmBody({ templateId: MCA.toUpperCase() }));
    expect(upper.status).toBe(400);
    const retired = await admin.post(`/v1/customers/${id}/agreements`, confirmBody({ templateId: CLOUD, type: 'MicrosoftCloudAgreement' }));
    expect(retired.status).toBe(400);
    expect(retired.body.description).toBe(`Microsoft Cloud Agreement Template ID '${CLOUD}' is no longer supported.`);
  });

  it('takes the stored type from the template, not from type', async () => {
    const id = freshCustomer();
    const reply = await admin.post(`/v1/customers/${id}/agreements`, confirmBody({ type: 'MicrosoftCloudAgreement' }));
    expect(reply.status).toBe(201);
    expect(reply.body.type).toBe('MicrosoftCustomerAgreement');
  });

  it('takes userId from the token and ignores one in the body', async () => {
    const id = freshCustomer();
    const reply = await admin.post(`/v1/customers/${id}/agreements`, { ...confirmBody(), userId: 'someone-else' });
    expect(reply.body.userId).toBe('3d6f2c09-eb40-48ca-a4b3-d24c9c007531');
  });

  it('validates the body with the shared schema: 400 with a clear body and nothing written', async () => {
    const id = freshCustomer();
    const before = (await sandbox.inspect.agreements()).length;
    const cases: unknown[] = [
      confirmBody({}, { email: 'not-an-email' }),
      confirmBody({}, { firstName: '' }),
      confirmBody({}, { phoneNumber: '12' }),
      confirmBody({ dateAgreed: '14/06/2018' }),
      confirmBody({ type: 'Other' }),
      { primaryContact: { firstName: 'A' } },
      [],
      'null',
    ];
    for (const body of cases) {
      const reply = await admin.post(`/v1/customers/${id}/agreements`, body);
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe(2000);
      expect(typeof reply.body.description).toBe('string');
    }
    const email = await admin.post(`/v1/customers/${id}/agreements`, confirmBody({}, { email: 'not-an-email' }));
    expect(email.body.data).toContainEqual({ field: 'primaryContact.email', problem: 'invalid-email' });
    expect((await sandbox.inspect.agreements()).length).toBe(before);
  });
});

describe('GET /v1/customers/{id}/agreements (confirmations)', () => {
  it('answers the documented sample customer with its confirmation, dateAgreed without offset', async () => {
    const all = await contosoCustomers(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
    const sample = all.find((c) => c.companyName === 'Graphic Design Institute')!;
    const reply = await admin.get(`/v1/customers/${sample.id}/agreements?agreementType=MicrosoftCustomerAgreement`);
    expect(reply.status).toBe(200);
    expect(reply.body.items[0]).toMatchObject({
      primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'SomeEmail@example.com', phoneNumber: '1234567890' },
      templateId: MCA,
      dateAgreed: '2019-08-26T00:00:00',
      type: 'MicrosoftCustomerAgreement',
      agreementLink: 'https://aka.ms/customeragreement',
    });
    expect(collectionSchema(apiAgreementSchema).safeParse(reply.body).success).toBe(true);
  });

  it('defaults to the Cloud Agreement: MCA confirmations show only with agreementType', async () => {
    const id = freshCustomer();
    await admin.post(`/v1/customers/${id}/agreements`, confirmBody());
    expect(
      (await admin.get(`/v1/customers/${id}/agreements`)).body.items.filter(
        (i: { type: string }) => i.type === 'MicrosoftCustomerAgreement',
      ),
    ).toEqual([]);
    expect((await admin.get(`/v1/customers/${id}/agreements?agreementType=MicrosoftCustomerAgreement`)).body.totalCount).toBeGreaterThan(0);
    const star = await admin.get(`/v1/customers/${id}/agreements?agreementType=*`);
    expect(star.status).toBe(200);
  });

  it('shows legacy Cloud Agreement records by default (seeded customers that have only one)', async () => {
    let found = false;
    for (const customer of customers.slice(0, 12)) {
      const reply = await admin.get(`/v1/customers/${customer.id}/agreements`);
      if (reply.body.totalCount > 0) {
        expect(reply.body.items[0].type).toBe('MicrosoftCloudAgreement');
        found = true;
      }
    }
    expect(found).toBe(true);
  });

  it('answers 404, 403 and 400 like the confirm call', async () => {
    expect((await admin.get('/v1/customers/00000000-0000-4000-8000-000000000000/agreements')).status).toBe(404);
    expect((await admin.get('/v1/customers/1234/agreements')).status).toBe(400);
    expect((await admin.get(`/v1/customers/${SAMPLE_CUSTOMER}/agreements?agreementType=bogus`)).status).toBe(400);
    const fabrikam = api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example'));
    expect((await fabrikam.get(`/v1/customers/${SAMPLE_CUSTOMER}/agreements`)).status).toBe(403);
  });
});

describe('idempotency on MS-RequestId', () => {
  it('creates exactly one agreement for 50 concurrent identical requests, and all get the same 201', async () => {
    const id = freshCustomer();
    const key = requestId();
    const body = confirmBody({}, { email: 'concurrent@example.com' });
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => admin.post(`/v1/customers/${id}/agreements`, body, { 'MS-RequestId': key })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    const written = (await sandbox.inspect.agreements()).filter((a) => a.requestId === key);
    expect(written).toHaveLength(1);
    const audit = (await sandbox.inspect.audit()).filter((a) => a.requestId === key);
    expect(audit.filter((a) => a.action === 'agreement.create')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'agreement.replay')).toHaveLength(49);
    const overHttp = await fetch(`${sandbox.url}/sandbox/agreements?requestId=${key}`).then(
      (r) => r.json() as Promise<{ totalCount: number }>,
    );
    expect(overHttp.totalCount).toBe(1);
  });

  it('replays the original 201 for a retry (not 600061), and a new request id acts again', async () => {
    const id = freshCustomer();
    const key = requestId();
    const first = await admin.post(`/v1/customers/${id}/agreements`, confirmBody(), { 'MS-RequestId': key });
    const retry = await admin.post(`/v1/customers/${id}/agreements`, confirmBody(), { 'MS-RequestId': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    const fresh = await admin.post(`/v1/customers/${id}/agreements`, confirmBody(), { 'MS-RequestId': requestId() });
    expect(fresh.body.code).toBe(600061);
  });

  it('keys request ids per partner, and refuses one id reused for another operation', async () => {
    const key = requestId();
    const id = freshCustomer();
    expect((await admin.post(`/v1/customers/${id}/agreements`, confirmBody(), { 'MS-RequestId': key })).status).toBe(201);
    const other = freshCustomer();
    const reused = await admin.post(`/v1/customers/${other}/agreements`, confirmBody(), { 'MS-RequestId': key });
    expect(reused.status).toBe(400);
    const fabrikam = api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example'));
    const theirs = (await fabrikam.get('/v1/customers')).body.items[1].id as string;
    expect(
      (await fabrikam.post(`/v1/customers/${theirs}/agreements`, confirmBody({}, { email: 'idem@example.com' }), { 'MS-RequestId': key }))
        .status,
    ).toBe(201);
  });

  it('does not remember refusals: a refused request retried after the cause is gone succeeds', async () => {
    const id = freshCustomer();
    const key = requestId();
    const later = new Date(now.getTime() + 3_600_000).toISOString();
    expect(
      (await admin.post(`/v1/customers/${id}/agreements`, confirmBody({ dateAgreed: later }), { 'MS-RequestId': key })).body.code,
    ).toBe(600002);
    now = new Date(now.getTime() + 7_200_000);
    admin = api(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
    expect((await admin.post(`/v1/customers/${id}/agreements`, confirmBody({ dateAgreed: later }), { 'MS-RequestId': key })).status).toBe(
      201,
    );
  });
});
