import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../sandbox/index';
import { enhancedAgreementSchema } from '../../../../shared/api/enhanced-attestation';
import {
  api,
  appTokenFor,
  attestationBody,
  attestations,
  CLOUD,
  confirmBody,
  CONTOSO,
  CONTOSO_APP,
  contosoCustomers,
  FABRIKAM_APP,
  MCA,
  requestId,
  startTodaySandbox,
  tokenFor,
} from './helpers';

let sandbox: RunningSandbox;
const now = new Date('2026-06-01T09:30:00Z');
let app: ReturnType<typeof api>;
let admin: ReturnType<typeof api>;
let byName: (name: string) => string;

beforeAll(async () => {
  sandbox = await startTodaySandbox({ clock: () => now });
  app = api(sandbox, await appTokenFor(sandbox, CONTOSO_APP));
  admin = api(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
  const customers = await contosoCustomers(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
  byName = (name) => customers.find((customer) => customer.companyName === name)!.id;
});
afterAll(() => sandbox.stop());

const finaliseBody = (attestationId: string, extra: Record<string, unknown> = {}) => ({
  attestationId,
  type: 'MicrosoftCustomerAgreement',
  ...extra,
});

async function created(customer: string, overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  const answer = await app.post('/v1/attestations/enhanced', attestationBody(customer, overrides));
  expect(answer.status).toBe(201);
  return answer.body;
}

const accept = (id: string) => api(sandbox).post(`/sandbox/attestations/${id}/accept`, {});

describe('finalise: POST /v1/customers/{id}/agreements with { attestationId, type }', () => {
  it('refuses a pending attestation (409 600072), then makes the agreement once the signer accepted (201)', async () => {
    const customer = byName('Southridge Video');
    const attestation = await created(customer);
    const early = await app.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id));
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 600072, errorName: 'AttestationNotAccepted' });
    expect(early.body.description).toMatch(/not accepted yet/);
    await accept(attestation.id);

    const key = requestId();
    const final = await app.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id), { 'MS-RequestId': key });
    expect(final.status).toBe(201);
    expect(final.body).toEqual({
      primaryContact: { firstName: 'Sanne', lastName: 'de Vries', email: 'sanne.devries@molenaar.example', phoneNumber: '+31 20 794 0000' },
      templateId: MCA,
      dateAgreed: '2026-06-01T00:00:00.000Z',
      type: 'MicrosoftCustomerAgreement',
      attestationId: attestation.id,
    });
    expect(enhancedAgreementSchema.safeParse(final.body).success).toBe(true);

    // The attestation is finalized and carries the agreement.
    const read = (await app.get(`/v1/attestations/enhanced/${attestation.id}`)).body;
    expect(read).toMatchObject({ status: 'finalized', acceptedAt: now.toISOString(), agreement: final.body });
    // The customer's agreements and the partner-wide records show it, with the attestation id.
    const history = (await admin.get(`/v1/customers/${customer}/agreements?agreementType=MicrosoftCustomerAgreement`)).body.items;
    expect(history.at(-1)).toMatchObject({
      primaryContact: final.body.primaryContact,
      dateAgreed: '2026-06-01T00:00:00',
      type: 'MicrosoftCustomerAgreement',
      attestationId: attestation.id,
      userId: null,
    });
    const record = (await admin.get('/v1/partners/customeragreementrecords')).body.customerAgreementRecords.find(
      (r: { customerTenantId: string }) => r.customerTenantId === customer,
    );
    expect(record).toMatchObject({
      partnerAttestationCompleted: true,
      lastAgreementPrimaryContact: final.body.primaryContact,
      lastAgreementAttestationId: attestation.id,
    });
    expect(record.lastAgreementDateEpoch).toBe(Date.parse('2026-06-01T00:00:00Z') / 1000);
    const written = (await sandbox.inspect.agreements()).filter((agreement) => agreement.attestationId === attestation.id);
    expect(written).toEqual([expect.objectContaining({ customerId: customer, requestId: key, userName: `app:${CONTOSO_APP}` })]);

    // The same request again: the same 201, still one agreement. Another request: 600061.
    const replay = await app.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id), { 'MS-RequestId': key });
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(final.text);
    const again = await app.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id), { 'MS-RequestId': requestId() });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(600061);
    expect((await sandbox.inspect.agreements()).filter((agreement) => agreement.attestationId === attestation.id)).toHaveLength(1);
  });

  it('makes exactly one agreement for 20 concurrent identical finalise requests, all answered the same 201', async () => {
    const customer = byName('Olivares del Sur');
    const attestation = await created(customer, { signatoryEmail: 'concurrent@olivares.example' });
    await accept(attestation.id);
    const key = requestId();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id), { 'MS-RequestId': key }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect((await sandbox.inspect.agreements()).filter((agreement) => agreement.attestationId === attestation.id)).toHaveLength(1);
    const audit = (await sandbox.inspect.audit()).filter((entry) => entry.requestId === key);
    expect(audit.filter((entry) => entry.action === 'agreement.finalize')).toHaveLength(1);
    expect(audit.filter((entry) => entry.action === 'agreement.replay')).toHaveLength(19);
  });

  it('refuses an expired attestation with 409 600073', async () => {
    const customer = byName('Bäckerei Schäfer KG');
    const attestation = await created(customer);
    await api(sandbox).post(`/sandbox/attestations/${attestation.id}/expire`, {});
    const answer = await app.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id));
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 600073, errorName: 'AttestationExpired' });
  });

  it("answers 404 for another customer's, another partner's or an unknown attestation", async () => {
    const customer = byName('Sevilla Turismo');
    const attestation = await created(customer);
    await accept(attestation.id);
    const before = (await sandbox.inspect.agreements()).length;
    const wrongCustomer = await app.post(`/v1/customers/${byName('Maple Leaf Analytics')}/agreements`, finaliseBody(attestation.id));
    expect(wrongCustomer.status).toBe(404);
    expect(wrongCustomer.body.code).toBe(600071);
    const fabrikam = await api(sandbox, await appTokenFor(sandbox, FABRIKAM_APP)).post(
      `/v1/customers/${customer}/agreements`,
      finaliseBody(attestation.id),
    );
    expect(fabrikam.status).toBe(404);
    expect((await app.post(`/v1/customers/${customer}/agreements`, finaliseBody('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await sandbox.inspect.agreements()).length).toBe(before);
    expect((await app.get(`/v1/attestations/enhanced/${attestation.id}`)).body.status).toBe('accepted');
  });

  it("answers 600061 when the signatory is the customer's latest agreement contact (the duplicate rule, as before)", async () => {
    const customer = byName('Alpine Ski House');
    const latest = (await admin.get(`/v1/customers/${customer}/agreements?agreementType=MicrosoftCustomerAgreement`)).body.items.at(
      -1,
    ).primaryContact;
    const attestation = await created(customer, {
      country: 'US',
      language: 'en-US',
      companyName: 'Alpine Ski House',
      signatoryFirstName: latest.firstName,
      signatoryLastName: latest.lastName,
      signatoryEmail: latest.email,
      signatoryPhoneNumber: latest.phoneNumber,
    });
    await accept(attestation.id);
    const answer = await app.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id));
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe(600061);
    expect((await app.get(`/v1/attestations/enhanced/${attestation.id}`)).body.status).toBe('accepted');
  });

  it('takes AppOnly only, refuses bad bodies with a typed 400 naming the field, and writes nothing', async () => {
    const customer = byName('Great Lakes Shipping');
    const attestation = await created(customer);
    await accept(attestation.id);
    const before = (await sandbox.inspect.agreements()).length;
    const user = await admin.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id));
    expect(user.status).toBe(403);
    expect(user.body.code).toBe(600074);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ attestationId: 'nope', type: 'MicrosoftCustomerAgreement' }, 'attestationId'],
      [{ attestationId: 42, type: 'MicrosoftCustomerAgreement' }, 'attestationId'],
      [{ attestationId: attestation.id, type: 'MicrosoftCloudAgreement' }, 'type'],
      [{ attestationId: attestation.id }, 'type'],
    ];
    for (const [body, field] of cases) {
      const answer = await app.post(`/v1/customers/${customer}/agreements`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.data.map((issue: { field: string }) => issue.field)).toContain(field);
    }
    expect(
      (await app.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id, { templateId: 'unknown' }))).body.description,
    ).toBe("Template ID 'unknown' is not valid.");
    expect((await app.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id, { templateId: CLOUD }))).status).toBe(400);
    expect((await app.post('/v1/customers/not-a-guid/agreements', finaliseBody(attestation.id))).body.description).toBe(
      'Tenant Id must be a GUID.',
    );
    expect((await app.post(`/v1/customers/${customer}/agreements`, '{')).status).toBe(400);
    expect((await sandbox.inspect.agreements()).length).toBe(before);
    // And with the template named explicitly it works.
    expect((await app.post(`/v1/customers/${customer}/agreements`, finaliseBody(attestation.id, { templateId: MCA }))).status).toBe(201);
  });
});

describe('the legacy path, retired on 5 January 2026 (the default)', () => {
  it('is the default of startSandbox() without options', async () => {
    const plain = await startSandbox({ memory: true, port: 0, quiet: true });
    try {
      expect(plain.legacyAttestation).toBe('retired');
      const user = api(plain, await tokenFor(plain, 'admin@contoso.example'));
      const answer = await user.post(
        `/v1/customers/${byName('Adatum Corporation')}/agreements`,
        confirmBody({ dateAgreed: '2025-12-01T00:00:00.000Z' }),
      );
      expect(answer.status).toBe(410);
    } finally {
      await plain.stop();
    }
  });

  it('answers the legacy create and CreateBulkReAttestation with one 410 error naming the date and the enhanced flow, and writes nothing', async () => {
    const before = await sandbox.inspect.agreements();
    const customer = byName('Adatum Corporation');
    const legacy = await admin.post(`/v1/customers/${customer}/agreements`, confirmBody({ dateAgreed: '2025-12-01T00:00:00.000Z' }), {
      'MS-RequestId': requestId(),
    });
    const bulk = await admin.post('/v1/CreateBulkReAttestation', [
      {
        partnerId: CONTOSO,
        customerId: customer,
        customerDirectAcceptance: false,
        agreement: { templateId: MCA, primaryContact: confirmBody().primaryContact, dateAgreed: '2025-12-01T00:00:00.000Z' },
      },
    ]);
    const byApp = await app.post(`/v1/customers/${customer}/agreements`, confirmBody());
    for (const answer of [legacy, bulk, byApp]) {
      expect(answer.status).toBe(410);
      expect(answer.body).toMatchObject({ code: 600070, errorName: 'PartnerAttestationRetired', isRetryable: false });
      expect(answer.body.description).toContain('retired on 5 January 2026');
      expect(answer.body.description).toContain('enhanced attestation flow');
      expect(answer.body.description).toContain('/v1/attestations/enhanced');
    }
    // Even a role that could never attest learns the method is gone; a body that is not JSON is still a 400.
    const helpdesk = api(sandbox, await tokenFor(sandbox, 'helpdesk@contoso.example'));
    expect((await helpdesk.post(`/v1/customers/${customer}/agreements`, confirmBody())).status).toBe(410);
    expect((await admin.post(`/v1/customers/${customer}/agreements`, '{"primaryContact":')).status).toBe(400);
    expect(await sandbox.inspect.agreements()).toEqual(before);
    expect((await sandbox.inspect.audit()).filter((entry) => entry.action === 'attestation.legacy-refused').length).toBeGreaterThanOrEqual(
      4,
    );
    // Reads stay App+User and unchanged.
    expect((await admin.get(`/v1/customers/${customer}/agreements?agreementType=MicrosoftCustomerAgreement`)).status).toBe(200);
    expect((await admin.get('/v1/partners/customeragreementrecords')).status).toBe(200);
  });

  it('has its own attestations listed per customer by the sandbox helper', async () => {
    const customer = byName('Southridge Video');
    const listed = await attestations(sandbox, `?customerId=${customer}`);
    expect(listed.map((item) => item.status)).toEqual(['finalized']);
    expect(listed[0]).toMatchObject({ customerTenantId: customer, partnerId: CONTOSO });
  });
});
