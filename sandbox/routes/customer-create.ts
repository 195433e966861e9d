/**
 * `POST /v1/customers` (reference §7): creates a customer tenant. Idempotent on `MS-RequestId` like the
 * real call. The answer carries the new admin's `userCredentials` once (never again on a GET); that is
 * what a customer who accepts the MCA in the admin center signs in with.
 */
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';
import { invalidBody, readJson } from '../http/body';
import { createCustomerBodySchema } from '../../shared/api/partner-center';
import { PHONE_REQUIRED_IN_COUNTRY, REGISTRATION_NUMBER_REQUIRED } from '../../shared/domain/customer';
import { canCreateCustomers } from '../../shared/domain/roles';
import { runIdempotent } from '../services/idempotency';
import { fullCustomer } from '../services/customer-view';
import type { CustomerRow } from '../services/customer-access';

function temporaryPassword(): string {
  // Upper, lower, digit and symbol, like Microsoft 365's temporary passwords.
  return `Sbx${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}7!`;
}

function adminUserName(domain: string): string {
  const label = domain.endsWith('.onmicrosoft.com') ? domain : `${domain.split('.')[0] ?? 'customer'}.onmicrosoft.com`;
  return `admin@${label}`;
}

export function customerCreateRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/v1/customers', async (c) => {
    const user = c.get('user');
    if (!canCreateCustomers(user).allowed) return send(c, errors.roleNotPermitted());
    const raw = await readJson(c);
    if (!raw.ok) return send(c, raw.error);
    // The shared schema carries the country rule (registration number and phone where required); its
    // issues become Partner Center's own codes, 600049 before 600051.
    const parsed = createCustomerBodySchema.safeParse(raw.value);
    if (!parsed.success) {
      const problems = new Set(parsed.error.issues.map((issue) => issue.message));
      if (problems.has(REGISTRATION_NUMBER_REQUIRED)) return send(c, errors.registrationIdMissing());
      if (problems.has(PHONE_REQUIRED_IN_COUNTRY)) return send(c, errors.phoneMissing());
      return send(c, invalidBody(parsed.error));
    }
    const body = parsed.data;
    const address = body.billingProfile.defaultAddress;

    // Who owns the new customer: an indirect provider may create one for one of its resellers; a
    // reseller's own creation belongs to its provider, associated with the reseller.
    let partnerId = user.partnerTenantId;
    let associatedPartnerId: string | null = null;
    if (body.associatedPartnerId) {
      if (user.partnerType !== 'indirect-provider')
        return send(c, errors.badInput('associatedPartnerId is for indirect providers creating a customer for one of their resellers.'));
      const reseller = await state.db.query('select id from partners where id = $1 and provider_id = $2', [
        body.associatedPartnerId,
        user.partnerTenantId,
      ]);
      if (reseller.rows.length === 0) return send(c, errors.badInput('associatedPartnerId is not one of your indirect resellers.'));
      associatedPartnerId = body.associatedPartnerId.toLowerCase();
    } else if (user.partnerType === 'indirect-reseller' && user.providerTenantId) {
      partnerId = user.providerTenantId;
      associatedPartnerId = user.partnerTenantId;
    }

    const now = state.clock();
    const requestId = c.get('requestId');
    const outcome = await runIdempotent(
      state.db,
      { partnerId: user.partnerTenantId, requestId, given: c.get('requestIdGiven'), operation: 'POST /v1/customers' },
      async (tx) => {
        const taken = await tx.query('select 1 from customers where domain = $1', [body.companyProfile.domain]);
        let result: { status: number; body: unknown };
        // Domains of generated customers (`--customers`) are reserved, even before they are generated.
        if (taken.rows.length > 0 || /^sandbox-gen-\d+\./.test(body.companyProfile.domain)) {
          const error = errors.domainTaken(body.companyProfile.domain);
          result = { status: error.status, body: error.body };
        } else {
          const id = randomUUID();
          const inserted = await tx.query<CustomerRow>(
            `insert into customers (id, partner_id, associated_partner_id, commerce_id, company_name, domain, email, culture, language,
               first_name, last_name, address_line1, address_line2, city, state, postal_code, country, phone_number, registration_number,
               relationship, enable_gdap, created_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 'reseller', $20, $21)
             returning *, seq::text as seq`,
            [
              id,
              partnerId,
              associatedPartnerId,
              randomUUID(),
              body.billingProfile.companyName,
              body.companyProfile.domain,
              body.billingProfile.email,
              body.billingProfile.culture,
              body.billingProfile.language,
              address.firstName,
              address.lastName,
              address.addressLine1,
              address.addressLine2 ?? null,
              address.city,
              address.state ?? null,
              address.postalCode,
              address.country,
              address.phoneNumber ?? null,
              body.companyProfile.organizationRegistrationNumber ?? null,
              body.enableGDAPByDefault ?? null,
              now.toISOString(),
            ],
          );
          const row = inserted.rows[0]!;
          // The create answer says "none"; the list shows the relationship once it exists (reference §7).
          result = {
            status: 201,
            body: {
              ...fullCustomer(row),
              relationshipToPartner: 'none',
              userCredentials: { userName: adminUserName(row.domain), password: temporaryPassword() },
            },
          };
        }
        return {
          ...result,
          audit: {
            at: now,
            partnerId: user.partnerTenantId,
            userId: user.userId,
            userName: user.userName,
            action: 'customer.create',
            target: body.companyProfile.domain,
            requestId,
            correlationId: c.get('correlationId'),
            status: result.status,
          },
        };
      },
    );
    return c.json(outcome.body as object, outcome.status as ContentfulStatusCode);
  });
  return app;
}
