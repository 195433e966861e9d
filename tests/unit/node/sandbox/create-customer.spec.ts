import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { apiCustomerSchema } from '../../../../shared/api/partner-center';
import { api, confirmBody, requestId, startTestSandbox, TAILSPIN, tokenFor } from './helpers';

let sandbox: RunningSandbox;
let admin: ReturnType<typeof api>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = api(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
});
afterAll(() => sandbox.stop());

/** The documented minimum body (reference §7). */
function sample(domain = 'contosoxyz.onmicrosoft.com', address: Record<string, unknown> = {}) {
  return {
    enableGDAPByDefault: false,
    companyProfile: { domain },
    billingProfile: {
      email: 'admin@contoso.com',
      culture: 'en-US',
      language: 'en',
      companyName: 'Contoso',
      defaultAddress: {
        firstName: 'Test',
        lastName: 'Test',
        addressLine1: 'One Microsoft Way',
        city: 'Redmond',
        state: 'WA',
        postalCode: '98052',
        country: 'US',
        ...address,
      },
    },
  };
}

describe('POST /v1/customers', () => {
  it('creates the documented sample: 201, id = tenantId, relationshipToPartner none, credentials once', async () => {
    const reply = await admin.post('/v1/customers', sample(), { 'MS-RequestId': requestId() });
    expect(reply.status).toBe(201);
    const customer = apiCustomerSchema.parse(reply.body);
    expect(customer.id).toBe(customer.companyProfile.tenantId);
    expect(customer.companyProfile.domain).toBe('contosoxyz.onmicrosoft.com');
    expect(customer.relationshipToPartner).toBe('none');
    expect(reply.body.enableGDAPByDefault).toBe(false);
    expect(customer.userCredentials?.userName).toBe('admin@contosoxyz.onmicrosoft.com');
    expect(customer.userCredentials?.password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{12,}$/);
    expect(customer.billingProfile?.defaultAddress.country).toBe('US');
    // Credentials are never shown again; the customer is now listed and usable.
    const again = await admin.get(`/v1/customers/${customer.id}`);
    expect(again.status).toBe(200);
    expect(again.body.userCredentials).toBeUndefined();
    expect(again.body.relationshipToPartner).toBe('reseller');
    const filter = encodeURIComponent(JSON.stringify({ Field: 'Domain', Value: 'contosoxyz', Operator: 'starts_with' }));
    expect((await admin.get(`/v1/customers?filter=${filter}`)).body.items.map((i: { id: string }) => i.id)).toEqual([customer.id]);
    expect((await admin.post(`/v1/customers/${customer.id}/agreements`, confirmBody())).status).toBe(201);
    expect((await admin.get(`/v1/customers/${customer.id}/directSignedMicrosoftCustomerAgreementStatus`)).body.isSigned).toBe(false);
  });

  it('is idempotent on MS-RequestId: a retry returns the same customer and credentials', async () => {
    const key = requestId();
    const first = await admin.post('/v1/customers', sample('idempotent-create.onmicrosoft.com'), { 'MS-RequestId': key });
    const retry = await admin.post('/v1/customers', sample('idempotent-create.onmicrosoft.com'), { 'MS-RequestId': key });
    expect(first.status).toBe(201);
    expect(retry.text).toBe(first.text);
    const other = await admin.post('/v1/customers', sample('idempotent-create.onmicrosoft.com'), { 'MS-RequestId': requestId() });
    expect(other.status).toBe(409);
  });

  it('reserves the domains of generated customers', async () => {
    expect((await admin.post('/v1/customers', sample('sandbox-gen-5.onmicrosoft.com'))).status).toBe(409);
  });

  it('accepts PascalCase bodies as the .NET SDK sends them', async () => {
    const body = {
      CompanyProfile: { Domain: 'pascalcase.onmicrosoft.com' },
      BillingProfile: {
        Email: 'a@pascal.example',
        Culture: 'en-US',
        Language: 'en',
        CompanyName: 'Pascal Case Ltd',
        DefaultAddress: { FirstName: 'P', LastName: 'C', AddressLine1: '1 Road', City: 'Leeds', PostalCode: 'LS1 1AA', Country: 'GB' },
      },
    };
    expect((await admin.post('/v1/customers', body)).status).toBe(201);
  });

  it('requires the registration number and phone in the listed countries (600049, 600051)', async () => {
    const missingId = await admin.post('/v1/customers', sample('brazil1.onmicrosoft.com', { country: 'BR', state: 'SP' }));
    expect(missingId.status).toBe(400);
    expect(missingId.body.code).toBe(600049);
    const withId = sample('brazil2.onmicrosoft.com', { country: 'BR', state: 'SP' });
    (withId.companyProfile as Record<string, unknown>).organizationRegistrationNumber = '12.345.678/0001-90';
    expect((await admin.post('/v1/customers', withId)).body.code).toBe(600051);
    withId.billingProfile.defaultAddress = {
      ...withId.billingProfile.defaultAddress,
      phoneNumber: '+55 11 5504 2155',
    } as typeof withId.billingProfile.defaultAddress;
    expect((await admin.post('/v1/customers', withId)).status).toBe(201);
  });

  it('validates with the shared schema (domain, e-mail, address lengths, country)', async () => {
    for (const body of [
      sample('not a domain'),
      { ...sample('valid1.onmicrosoft.com'), billingProfile: { ...sample().billingProfile, email: 'nope' } },
      sample('valid2.onmicrosoft.com', { state: 'WAS' }),
      sample('valid3.onmicrosoft.com', { country: 'USA' }),
      sample('valid4.onmicrosoft.com', { firstName: 'x'.repeat(51) }),
      { companyProfile: { domain: 'valid5.onmicrosoft.com' } },
    ]) {
      const reply = await admin.post('/v1/customers', body);
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe(2000);
    }
  });

  it('lets Admin and Sales agents create; Helpdesk and Billing get 403 900150', async () => {
    const sales = api(sandbox, await tokenFor(sandbox, 'sales@contoso.example'));
    expect((await sales.post('/v1/customers', sample('by-sales.onmicrosoft.com'))).status).toBe(201);
    for (const userName of ['helpdesk@contoso.example', 'billing@contoso.example']) {
      const reply = await api(sandbox, await tokenFor(sandbox, userName)).post('/v1/customers', sample('refused.onmicrosoft.com'));
      expect(reply.status).toBe(403);
      expect(reply.body.code).toBe(900150);
    }
  });

  it('lets an indirect provider create for its reseller (associatedPartnerId), and nobody else use that field', async () => {
    const fabrikam = api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example'));
    const created = await fabrikam.post('/v1/customers', { ...sample('for-tailspin.onmicrosoft.com'), associatedPartnerId: TAILSPIN });
    expect(created.status).toBe(201);
    expect(created.body.associatedPartnerId).toBe(TAILSPIN);
    const tailspin = api(sandbox, await tokenFor(sandbox, 'admin@tailspin.example'));
    expect((await tailspin.get(`/v1/customers/${created.body.id}`)).status).toBe(200);
    expect((await admin.post('/v1/customers', { ...sample('not-mine.onmicrosoft.com'), associatedPartnerId: TAILSPIN })).status).toBe(400);
    expect(
      (
        await fabrikam.post('/v1/customers', {
          ...sample('bad-reseller.onmicrosoft.com'),
          associatedPartnerId: '00000000-0000-4000-8000-000000000000',
        })
      ).status,
    ).toBe(400);
  });

  it('lets an indirect reseller create a customer for the self-acceptance route (it belongs to its provider)', async () => {
    const tailspin = api(sandbox, await tokenFor(sandbox, 'admin@tailspin.example'));
    const created = await tailspin.post('/v1/customers', sample('tailspin-own.onmicrosoft.com'));
    expect(created.status).toBe(201);
    expect(created.body.userCredentials.userName).toBe('admin@tailspin-own.onmicrosoft.com');
    expect((await tailspin.post(`/v1/customers/${created.body.id}/agreements`, confirmBody())).status).toBe(403);
    expect((await api(sandbox).post(`/sandbox/customers/${created.body.id}/accept`, {})).status).toBe(200);
    expect((await tailspin.get(`/v1/customers/${created.body.id}/directSignedMicrosoftCustomerAgreementStatus`)).body.isSigned).toBe(true);
  });

  it('audits every create with who, when and the request id', async () => {
    const key = requestId();
    await admin.post('/v1/customers', sample('audited.onmicrosoft.com'), { 'MS-RequestId': key });
    const entry = (await sandbox.inspect.audit()).find((a) => a.requestId === key);
    expect(entry).toMatchObject({
      action: 'customer.create',
      userName: 'admin@contoso.example',
      status: 201,
      target: 'audited.onmicrosoft.com',
    });
    expect(Date.parse(entry!.at)).toBeGreaterThan(0);
  });
});
