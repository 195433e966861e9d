/**
 * Who can sign in to the sandbox, listed once (issue 11): its partners, its seeded users (the one
 * without MFA among them) and its AppOnly app registrations. The sandbox seeds its database from this
 * list (sandbox/seed-data.ts, sandbox/enhanced/contract.ts) and the sign-in page shows it, so it lives
 * in shared/ and imports nothing but types: the renderer can take it without pulling in server code.
 * The README's tables are checked against it (tests/unit/node/sandbox-accounts.spec.ts).
 */
import type { PartnerRole, PartnerType } from './roles';

/** Password of every seeded user and secret of every app registration, unless the sandbox was started with another. */
export const SANDBOX_PASSWORD = 'sandbox';

export interface SandboxPartner {
  partnerTenantId: string;
  partnerName: string;
  partnerType: PartnerType;
  /** For an indirect reseller: its indirect provider. */
  providerTenantId?: string;
  domain: string;
}

export const CONTOSO_TENANT_ID = '3b33e682-00c3-41ee-9dd2-a548adf56438';
export const FABRIKAM_TENANT_ID = '7d8c1e2a-4f36-4b1d-9a57-2c0e8f3b6d41';
export const TAILSPIN_TENANT_ID = 'c4e9a0b7-5d21-4e8f-b3a6-91f2d7c05e18';

export const sandboxPartners: readonly SandboxPartner[] = [
  { partnerTenantId: CONTOSO_TENANT_ID, partnerName: 'Contoso Cloud Partners', partnerType: 'direct-bill', domain: 'contoso.example' },
  {
    partnerTenantId: FABRIKAM_TENANT_ID,
    partnerName: 'Fabrikam Distribution',
    partnerType: 'indirect-provider',
    domain: 'fabrikam.example',
  },
  {
    partnerTenantId: TAILSPIN_TENANT_ID,
    partnerName: 'Tailspin Resellers',
    partnerType: 'indirect-reseller',
    providerTenantId: FABRIKAM_TENANT_ID,
    domain: 'tailspin.example',
  },
];

export interface SandboxAccount {
  userName: string;
  displayName: string;
  role: PartnerRole;
  partnerTenantId: string;
  partnerName: string;
  partnerType: PartnerType;
  /**
   * Whether its sign-in carries multi-factor authentication. The one account without it is a fixture
   * for Partner Center's rule of 1 April 2026: today every App+User call it makes answers 401 with 900421.
   */
  mfa: boolean;
  /** A user id a document names (the reference's confirm response); the sandbox derives the others. */
  documentedUserId?: string;
}

function account(
  userName: string,
  displayName: string,
  role: PartnerRole,
  partner: SandboxPartner,
  extra: Partial<Pick<SandboxAccount, 'mfa' | 'documentedUserId'>> = {},
): SandboxAccount {
  return {
    userName,
    displayName,
    role,
    partnerTenantId: partner.partnerTenantId,
    partnerName: partner.partnerName,
    partnerType: partner.partnerType,
    mfa: true,
    ...extra,
  };
}

const [contoso, fabrikam, tailspin] = sandboxPartners as [SandboxPartner, SandboxPartner, SandboxPartner];

/** In the order the sign-in page lists them; the account without MFA last, as it cannot work today. */
export const sandboxAccounts: readonly SandboxAccount[] = [
  account('admin@contoso.example', 'Alex Admin', 'admin-agent', contoso, { documentedUserId: '3d6f2c09-eb40-48ca-a4b3-d24c9c007531' }),
  account('sales@contoso.example', 'Sam Sales', 'sales-agent', contoso),
  account('helpdesk@contoso.example', 'Harper Helpdesk', 'helpdesk-agent', contoso),
  account('billing@contoso.example', 'Bailey Billing', 'billing-admin', contoso),
  account('admin@fabrikam.example', 'Frankie Admin', 'admin-agent', fabrikam),
  account('sales@fabrikam.example', 'Sasha Sales', 'sales-agent', fabrikam),
  account('admin@tailspin.example', 'Taylor Admin', 'admin-agent', tailspin),
  account('nomfa@contoso.example', 'Noa Nomfa', 'admin-agent', contoso, { mfa: false }),
];

export interface SandboxAppRegistration {
  clientId: string;
  displayName: string;
  partnerTenantId: string;
}

/** The AppOnly app registrations (client ids from the reference, §2), one per partner; the secret is the sandbox password. */
export const sandboxAppRegistrations: readonly SandboxAppRegistration[] = [
  { clientId: '0c0a7050-0000-4000-a000-000000000001', displayName: 'Contoso MCA Desk (sandbox app)', partnerTenantId: CONTOSO_TENANT_ID },
  { clientId: '0fab0000-0000-4000-a000-000000000002', displayName: 'Fabrikam MCA Desk (sandbox app)', partnerTenantId: FABRIKAM_TENANT_ID },
  { clientId: '07a11000-0000-4000-a000-000000000003', displayName: 'Tailspin MCA Desk (sandbox app)', partnerTenantId: TAILSPIN_TENANT_ID },
];
