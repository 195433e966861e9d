import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import {
  apiCustomerListItemSchema,
  apiCustomerSchema,
  collectionSchema,
  relationshipRequestSchema,
} from '../../../../shared/api/partner-center';
import { api, CONTOSO, SAMPLE_CUSTOMER, startTestSandbox, TAILSPIN, tokenFor } from './helpers';

let sandbox: RunningSandbox;
let admin: ReturnType<typeof api>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = api(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
});
afterAll(() => sandbox.stop());

interface Page {
  totalCount: number;
  items: Array<{ id: string; companyProfile: { companyName: string; domain: string } }>;
  links: { self: unknown; next?: { uri: string; method: string; headers: Array<{ key: string; value: string }> } };
}

/** Follows links.next as a client must: GET the uri, sending every header it lists. */
async function allPages(client: ReturnType<typeof api>, first: string): Promise<Page[]> {
  const pages: Page[] = [];
  let reply = await client.get(first);
  for (;;) {
    expect(reply.status).toBe(200);
    pages.push(reply.body);
    const next = (reply.body as Page).links.next;
    if (!next) return pages;
    expect(next.uri.startsWith('/v1/customers?')).toBe(true);
    reply = await client.get(next.uri, Object.fromEntries(next.headers.map((h) => [h.key, h.value])));
  }
}

describe('GET /v1/customers', () => {
  it("lists Contoso's 60+ customers across at least 10 countries in pages with links.next + MS-ContinuationToken", async () => {
    const pages = await allPages(admin, '/v1/customers?size=7');
    const items = pages.flatMap((p) => p.items);
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(pages.slice(0, -1).every((p) => p.items.length === 7 && p.totalCount === 7)).toBe(true);
    expect(pages.at(-1)!.links.next).toBeUndefined();
    expect(pages[0]!.links.next).toMatchObject({ method: 'GET', headers: [{ key: 'MS-ContinuationToken' }] });
    for (const page of pages) expect(collectionSchema(apiCustomerListItemSchema).safeParse(page).success).toBe(true);
    const countries = new Set<string>();
    for (const item of items.slice(0, 64))
      countries.add((await admin.get(`/v1/customers/${item.id}`)).body.billingProfile.defaultAddress.country);
    for (const country of ['US', 'GB', 'NL', 'BE', 'DE', 'FR', 'JP', 'AU', 'NZ', 'BR']) expect(countries).toContain(country);
  });

  it('list items carry only id, companyProfile and relationshipToPartner (plus attributes), as on the real list', async () => {
    const reply = await admin.get('/v1/customers?size=3');
    for (const item of reply.body.items) {
      expect(Object.keys(item).sort()).toEqual(['attributes', 'companyProfile', 'id', 'relationshipToPartner']);
      expect(Object.keys(item.companyProfile).sort()).toEqual(['attributes', 'companyName', 'domain', 'tenantId']);
      expect(item.relationshipToPartner).toBe('reseller');
    }
  });

  it('also pages with seekOperation=Next and the header alone, and keeps the first page size', async () => {
    const first = await admin.get('/v1/customers?size=5');
    const token = first.body.links.next.headers[0].value as string;
    const second = await admin.get('/v1/customers?seekOperation=Next', { 'MS-ContinuationToken': token });
    expect(second.body.items).toHaveLength(5);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('filters with starts_with on CompanyName or Domain, case-insensitively, across pages', async () => {
    const filter = (field: string, value: string) =>
      encodeURIComponent(JSON.stringify({ Field: field, Value: value, Operator: 'starts_with' }));
    const byName = (await allPages(admin, `/v1/customers?size=2&filter=${filter('CompanyName', 'b')}`)).flatMap((p) => p.items);
    expect(byName.length).toBeGreaterThanOrEqual(3);
    expect(byName.every((i) => i.companyProfile.companyName.toLowerCase().startsWith('b'))).toBe(true);
    const byDomain = (await admin.get(`/v1/customers?filter=${filter('Domain', 'ADATUM')}`)).body.items;
    expect(byDomain.map((i: { id: string }) => i.id)).toEqual([SAMPLE_CUSTOMER]);
    const none = await admin.get(`/v1/customers?filter=${filter('CompanyName', 'zzz-nothing')}`);
    expect(none.body).toMatchObject({ totalCount: 0, items: [] });
  });

  it('treats LIKE wildcards in a filter as plain text', async () => {
    const filter = (value: string) => encodeURIComponent(JSON.stringify({ Field: 'CompanyName', Value: value, Operator: 'starts_with' }));
    expect((await admin.get(`/v1/customers?filter=${filter('%')}`)).body.items).toEqual([]);
    expect((await admin.get(`/v1/customers?filter=${filter('_')}`)).body.items).toEqual([]);
  });

  it('refuses a bad size, filter or continuation token with 400', async () => {
    for (const query of [
      'size=0',
      'size=-1',
      'size=abc',
      'size=1.5',
      'filter=notjson',
      `filter=${encodeURIComponent('{"Field":"Country","Value":"US","Operator":"starts_with"}')}`,
      `filter=${encodeURIComponent('{"Field":"CompanyName","Value":"a","Operator":"equals"}')}`,
      'seekOperation=Previous',
    ])
      expect((await admin.get(`/v1/customers?${query}`)).status).toBe(400);
    expect((await admin.get('/v1/customers?seekOperation=Next')).status).toBe(400);
    expect((await admin.get('/v1/customers?seekOperation=Next', { 'MS-ContinuationToken': 'garbage' })).status).toBe(400);
    const token = (await admin.get('/v1/customers?size=2')).body.links.next.headers[0].value as string;
    const [body, signature] = token.split('.') as [string, string];
    const decoded = JSON.parse(Buffer.from(body, 'base64url').toString());
    const altered = `${Buffer.from(JSON.stringify({ ...decoded, s: '0' })).toString('base64url')}.${signature}`;
    expect((await admin.get('/v1/customers?seekOperation=Next', { 'MS-ContinuationToken': altered })).status).toBe(400);
    const fabrikam = api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example'));
    expect((await fabrikam.get('/v1/customers?seekOperation=Next', { 'MS-ContinuationToken': token })).status).toBe(400);
  });

  it('serves a size above 500 as 500', async () => {
    const reply = await admin.get('/v1/customers?size=100000');
    expect(reply.status).toBe(200);
    expect(reply.body.links.self.uri).toBe('/v1/customers?size=500');
  });

  it('shows each partner only its own customers; an indirect reseller sees the ones its provider made for it', async () => {
    const contosoIds = new Set((await admin.get('/v1/customers')).body.items.map((i: { id: string }) => i.id));
    const fabrikam = api(sandbox, await tokenFor(sandbox, 'sales@fabrikam.example'));
    const fabrikamItems = (await fabrikam.get('/v1/customers')).body.items as Array<{ id: string }>;
    expect(fabrikamItems.length).toBeGreaterThanOrEqual(5);
    expect(fabrikamItems.some((i) => contosoIds.has(i.id))).toBe(false);
    const tailspin = api(sandbox, await tokenFor(sandbox, 'admin@tailspin.example'));
    const tailspinItems = (await tailspin.get('/v1/customers')).body.items as Array<{ id: string }>;
    expect(tailspinItems.length).toBe(3);
    expect(tailspinItems.every((i) => fabrikamItems.some((f) => f.id === i.id))).toBe(true);
    const filtered = await fabrikam.get(
      `/v1/customers?filter=${encodeURIComponent(JSON.stringify({ Field: 'IndirectReseller', Value: TAILSPIN, Operator: 'starts_with' }))}`,
    );
    expect(filtered.body.items.map((i: { id: string }) => i.id).sort()).toEqual(tailspinItems.map((i) => i.id).sort());
  });
});

describe('GET /v1/customers/{id}', () => {
  it('answers the full customer with billing profile (country, language, contact)', async () => {
    const reply = await admin.get(`/v1/customers/${SAMPLE_CUSTOMER}`);
    expect(reply.status).toBe(200);
    const customer = apiCustomerSchema.parse(reply.body);
    expect(customer.id).toBe(SAMPLE_CUSTOMER);
    expect(customer.companyProfile.tenantId).toBe(SAMPLE_CUSTOMER);
    expect(customer.billingProfile).toMatchObject({ culture: 'en-US', language: 'en', defaultAddress: { country: 'US' } });
    expect(customer.billingProfile?.firstName).toBeTruthy();
    expect(customer.userCredentials).toBeUndefined();
    expect(reply.body.allowDelegatedAccess).toBe(true);
  });

  it("answers 400 for a malformed id, 404 for an unknown one, 403 for another partner's", async () => {
    expect((await admin.get('/v1/customers/xyz')).body).toMatchObject({ code: 2000, description: 'Tenant Id must be a GUID.' });
    expect((await admin.get('/v1/customers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const fabrikam = api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example'));
    expect((await fabrikam.get(`/v1/customers/${SAMPLE_CUSTOMER}`)).status).toBe(403);
  });
});

describe('GET /v1/customers/relationshiprequests', () => {
  it('answers the documented invitation URL with the partner tenant id', async () => {
    const reply = await admin.get('/v1/customers/relationshiprequests');
    expect(reply.status).toBe(200);
    expect(relationshipRequestSchema.parse(reply.body).url).toBe(
      `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${CONTOSO}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`,
    );
    expect(reply.body.attributes).toEqual({ objectType: 'RelationshipRequest' });
  });
});

describe("GET /v1/customers/{id}/directSignedMicrosoftCustomerAgreementStatus and the customer's own acceptance", () => {
  it('turns isSigned true after POST /sandbox/customers/{id}/accept', async () => {
    const before = await admin.get(`/v1/customers/${SAMPLE_CUSTOMER}/directSignedMicrosoftCustomerAgreementStatus`);
    expect(before.status).toBe(200);
    expect(before.body.isSigned).toBe(false);
    const accepted = await api(sandbox).post(`/sandbox/customers/${SAMPLE_CUSTOMER}/accept`, {});
    expect(accepted.status).toBe(200);
    expect((await admin.get(`/v1/customers/${SAMPLE_CUSTOMER}/directSignedMicrosoftCustomerAgreementStatus`)).body.isSigned).toBe(true);
    expect((await api(sandbox).post('/sandbox/customers/00000000-0000-4000-8000-000000000000/accept', {})).status).toBe(404);
    expect((await api(sandbox).post('/sandbox/customers/nope/accept', {})).status).toBe(400);
    expect((await sandbox.inspect.audit()).some((a) => a.action === 'customer.accept' && a.target === SAMPLE_CUSTOMER)).toBe(true);
  });

  it('has seeded customers that signed directly', async () => {
    const items = (await admin.get('/v1/customers?size=12')).body.items as Array<{ id: string }>;
    const statuses = await Promise.all(
      items.map(async (i) => (await admin.get(`/v1/customers/${i.id}/directSignedMicrosoftCustomerAgreementStatus`)).body.isSigned),
    );
    expect(statuses).toContain(true);
    expect(statuses).toContain(false);
  });

  it('tells the truth about direct acceptance at /sandbox/direct-acceptance: some accepted directly with no partner record', async () => {
    const reply = await api(sandbox).get(`/sandbox/direct-acceptance?partnerTenantId=${CONTOSO}`);
    expect(reply.status).toBe(200);
    const items = reply.body.items as Array<{ customerId: string; partnerTenantId: string; hasPartnerAttestation: boolean }>;
    expect(reply.body.totalCount).toBe(items.length);
    expect(reply.body.withoutPartnerAttestation).toBeGreaterThan(0);
    expect(items.some((item) => item.hasPartnerAttestation)).toBe(true);
    expect(items.every((item) => item.partnerTenantId === CONTOSO)).toBe(true);
    // The API agrees with the read-out, customer by customer.
    for (const item of items.slice(0, 5))
      expect((await admin.get(`/v1/customers/${item.customerId}/directSignedMicrosoftCustomerAgreementStatus`)).body.isSigned).toBe(true);
    const records = (await admin.get('/v1/partners/customeragreementrecords?size=500')).body.customerAgreementRecords as Array<{
      customerTenantId: string;
      partnerAttestationCompleted: boolean;
    }>;
    for (const item of items)
      expect(records.find((record) => record.customerTenantId === item.customerId)?.partnerAttestationCompleted).toBe(
        item.hasPartnerAttestation,
      );
    expect(await sandbox.inspect.directAcceptance(CONTOSO)).toEqual(items);
    expect((await api(sandbox).get('/sandbox/direct-acceptance?partnerTenantId=nope')).status).toBe(400);
  });
});
