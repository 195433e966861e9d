import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { bulkReattestationResultSchema, customerAgreementRecordsPageSchema, epochToDate } from '../../../../shared/api/partner-center';
import { api, CONTOSO, FABRIKAM, MCA, requestId, startTestSandbox, tokenFor } from './helpers';

let sandbox: RunningSandbox;
let admin: ReturnType<typeof api>;
const now = new Date('2026-03-10T12:00:00Z');

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => now });
  admin = api(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
});
afterAll(() => sandbox.stop());

interface RecordsPage {
  customerAgreementRecords: Array<{
    customerTenantId: string;
    lastAgreementPrimaryContact: { firstName: string; lastName: string; email: string; phoneNumber?: string } | null;
    lastAgreementDateEpoch: number | null;
    partnerAttestationCompleted: boolean;
  }>;
  continuationToken?: string;
}

async function allRecords(client: ReturnType<typeof api>, size?: number) {
  const pages: RecordsPage[] = [];
  let path = `/v1/partners/customeragreementrecords${size ? `?size=${size}` : ''}`;
  for (;;) {
    const reply = await client.get(path);
    expect(reply.status).toBe(200);
    expect(customerAgreementRecordsPageSchema.safeParse(reply.body).success).toBe(true);
    pages.push(reply.body);
    if (!reply.body.continuationToken) return pages;
    path = `/v1/partners/customeragreementrecords?continuation_token=${encodeURIComponent(reply.body.continuationToken)}${size ? `&size=${size}` : ''}`;
  }
}

describe('GET /v1/partners/customeragreementrecords', () => {
  it('gives one record per customer with the latest MCA contact and date; the last page has no token', async () => {
    const pages = await allRecords(admin, 10);
    const records = pages.flatMap((p) => p.customerAgreementRecords);
    const customers = (await admin.get('/v1/customers')).body.items as Array<{ id: string }>;
    expect(records.map((r) => r.customerTenantId)).toEqual(customers.map((c) => c.id));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)!.continuationToken).toBeUndefined();
    const attested = records.filter((r) => r.partnerAttestationCompleted);
    const missing = records.filter((r) => !r.partnerAttestationCompleted);
    expect(attested.length).toBeGreaterThan(10);
    expect(missing.length).toBeGreaterThan(10);
    expect(missing.every((r) => r.lastAgreementPrimaryContact === null && r.lastAgreementDateEpoch === null)).toBe(true);
    // The record matches the customer's latest MCA confirmation.
    const sample = attested[0]!;
    const history = (await admin.get(`/v1/customers/${sample.customerTenantId}/agreements?agreementType=MicrosoftCustomerAgreement`)).body
      .items;
    const latest = history.at(-1);
    expect(sample.lastAgreementPrimaryContact).toEqual(latest.primaryContact);
    expect(epochToDate(sample.lastAgreementDateEpoch!).toISOString().slice(0, 19)).toBe(latest.dateAgreed);
  });

  it('pages 500 at a time by default and refuses a bad token', async () => {
    const single = await admin.get('/v1/partners/customeragreementrecords');
    expect(single.body.customerAgreementRecords.length).toBeGreaterThanOrEqual(60);
    expect(single.body.continuationToken).toBeUndefined();
    expect((await admin.get('/v1/partners/customeragreementrecords?continuation_token=abc')).status).toBe(400);
    const token = (await admin.get('/v1/partners/customeragreementrecords?size=5')).body.continuationToken as string;
    const fabrikam = api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example'));
    expect((await fabrikam.get(`/v1/partners/customeragreementrecords?continuation_token=${encodeURIComponent(token)}`)).status).toBe(400);
  });
});

describe('POST /v1/CreateBulkReAttestation', () => {
  const item = (customerId: string, contact: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
    partnerId: CONTOSO,
    customerId,
    customerDirectAcceptance: false,
    agreement: {
      templateId: MCA,
      primaryContact: { firstName: 'Robin', lastName: 'Bulk', email: 'robin.bulk@example.com', phoneNumber: '0612345678', ...contact },
      dateAgreed: '2026-03-10T00:00:00.000Z',
    },
    ...extra,
  });

  it('answers one result per item: created, already-exists (600061) or failed with the reason', async () => {
    const records = (await admin.get('/v1/partners/customeragreementrecords')).body
      .customerAgreementRecords as RecordsPage['customerAgreementRecords'];
    const attested = records.filter((r) => r.partnerAttestationCompleted).slice(0, 3);
    const fresh = records.filter((r) => !r.partnerAttestationCompleted).slice(0, 2);
    const fabrikamCustomer = (await api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example')).get('/v1/customers')).body.items[0].id;
    // The refresh tool's way: reuse each attested customer's last contact with dateAgreed = now.
    const reuse = attested.map((r) => ({
      ...item(r.customerTenantId),
      agreement: { templateId: MCA, primaryContact: r.lastAgreementPrimaryContact, dateAgreed: now.toISOString() },
    }));
    const body = [
      ...reuse,
      item(fresh[0]!.customerTenantId),
      item(fresh[0]!.customerTenantId),
      item(fresh[1]!.customerTenantId, {}, { agreement: { ...item('x').agreement, dateAgreed: '2027-01-01T00:00:00.000Z' } }),
      item('00000000-0000-4000-8000-000000000000'),
      item(fabrikamCustomer),
      item(fresh[1]!.customerTenantId, { email: 'not-an-email' }),
      { ...item(fresh[1]!.customerTenantId), partnerId: FABRIKAM },
      'garbage',
    ];
    const reply = await admin.post('/v1/CreateBulkReAttestation', body, { 'MS-RequestId': requestId() });
    expect(reply.status).toBe(200);
    const results = bulkReattestationResultSchema.parse(reply.body);
    // The refresh records a new agreement for each re-used contact (a later date); a repeat of the same
    // contact and date in the batch is already-exists.
    expect(results.map((r) => r.status)).toEqual([
      'created',
      'created',
      'created',
      'created',
      'already-exists',
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
    ]);
    expect(results.map((r) => r.code)).toEqual([undefined, undefined, undefined, undefined, 600061, 600002, 60003, 20002, 2000, 403, 2000]);
    expect(results[3]!.customerId).toBe(fresh[0]!.customerTenantId);
    const after = (await admin.get(`/v1/customers/${fresh[0]!.customerTenantId}/agreements?agreementType=MicrosoftCustomerAgreement`)).body
      .items;
    expect(after).toHaveLength(1);
  });

  it('records the MCA refresh: the last contact with a later date is a new agreement; the same contact and date is already-exists', async () => {
    const records = (await admin.get('/v1/partners/customeragreementrecords')).body
      .customerAgreementRecords as RecordsPage['customerAgreementRecords'];
    const target = records.filter((r) => r.partnerAttestationCompleted && r.lastAgreementDateEpoch !== null).at(-1)!;
    const before = (await sandbox.inspect.agreements()).filter((a) => a.customerId === target.customerTenantId);
    const refresh = [
      {
        ...item(target.customerTenantId),
        agreement: { templateId: MCA, primaryContact: target.lastAgreementPrimaryContact, dateAgreed: '2026-03-09T00:00:00.000Z' },
      },
    ];

    const first = await admin.post('/v1/CreateBulkReAttestation', refresh, { 'MS-RequestId': requestId() });
    expect(first.body).toEqual([{ customerId: target.customerTenantId, status: 'created' }]);
    const after = (await sandbox.inspect.agreements()).filter((a) => a.customerId === target.customerTenantId);
    expect(after).toHaveLength(before.length + 1);
    expect(new Date(after.at(-1)!.dateAgreed).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    const latest = (await admin.get('/v1/partners/customeragreementrecords')).body.customerAgreementRecords.find(
      (r: { customerTenantId: string }) => r.customerTenantId === target.customerTenantId,
    );
    expect(epochToDate(latest.lastAgreementDateEpoch).toISOString()).toBe('2026-03-09T00:00:00.000Z');

    // The same item again under another request id (a retry that changed batch): nothing new.
    const again = await admin.post('/v1/CreateBulkReAttestation', refresh, { 'MS-RequestId': requestId() });
    expect(again.body).toEqual([expect.objectContaining({ customerId: target.customerTenantId, status: 'already-exists', code: 600061 })]);
    // An earlier date than the latest confirmation adds nothing either.
    const older = [{ ...refresh[0]!, agreement: { ...refresh[0]!.agreement, dateAgreed: '2026-01-01T00:00:00.000Z' } }];
    expect((await admin.post('/v1/CreateBulkReAttestation', older)).body[0].status).toBe('already-exists');
    expect((await sandbox.inspect.agreements()).filter((a) => a.customerId === target.customerTenantId)).toHaveLength(before.length + 1);

    // The single endpoint keeps its rule: the same contact values are 600061, whatever the date.
    const single = await admin.post(`/v1/customers/${target.customerTenantId}/agreements`, {
      primaryContact: target.lastAgreementPrimaryContact,
      templateId: MCA,
      dateAgreed: '2026-03-10T00:00:00.000Z',
      type: 'MicrosoftCustomerAgreement',
    });
    expect(single.body.code).toBe(600061);
  });

  it('is idempotent on MS-RequestId for the whole batch', async () => {
    const records = (await admin.get('/v1/partners/customeragreementrecords')).body
      .customerAgreementRecords as RecordsPage['customerAgreementRecords'];
    const targets = records.filter((r) => !r.partnerAttestationCompleted).slice(2, 6);
    const key = requestId();
    const body = targets.map((t) => item(t.customerTenantId, { email: 'idem.bulk@example.com' }));
    const [first, second] = await Promise.all([
      admin.post('/v1/CreateBulkReAttestation', body, { 'MS-RequestId': key }),
      admin.post('/v1/CreateBulkReAttestation', body, { 'MS-RequestId': key }),
    ]);
    expect(first.text).toBe(second.text);
    expect(first.body.every((r: { status: string }) => r.status === 'created')).toBe(true);
    expect((await sandbox.inspect.agreements()).filter((a) => a.requestId === key)).toHaveLength(targets.length);
  });

  it('takes at most 500 items and refuses a body that is not a non-empty array', async () => {
    const many = Array.from({ length: 501 }, () => item('00000000-0000-4000-8000-000000000000'));
    expect((await admin.post('/v1/CreateBulkReAttestation', many)).status).toBe(400);
    expect((await admin.post('/v1/CreateBulkReAttestation', [])).status).toBe(400);
    expect((await admin.post('/v1/CreateBulkReAttestation', { items: [] })).status).toBe(400);
    const full = Array.from({ length: 500 }, () => item('00000000-0000-4000-8000-000000000000'));
    const reply = await admin.post('/v1/CreateBulkReAttestation', full);
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveLength(500);
  });

  it('enforces role and partner type on the whole batch (403)', async () => {
    const helpdesk = api(sandbox, await tokenFor(sandbox, 'helpdesk@contoso.example'));
    expect((await helpdesk.post('/v1/CreateBulkReAttestation', [item(CONTOSO)])).status).toBe(403);
    const tailspin = api(sandbox, await tokenFor(sandbox, 'admin@tailspin.example'));
    expect((await tailspin.post('/v1/CreateBulkReAttestation', [item(CONTOSO)])).status).toBe(403);
  });
});
