/**
 * The sandbox's seeded sign-in names, listed on the sign-in page for convenience (issue 4's seed;
 * a test checks them against the sandbox's own `seededUsers`). Shown only with the sandbox backend.
 */
import type { PartnerRole, PartnerType } from './roles';

export interface SandboxAccount {
  userName: string;
  role: PartnerRole;
  partnerName: string;
  partnerType: PartnerType;
}

export const SANDBOX_PASSWORD = 'sandbox';

export const sandboxAccounts: readonly SandboxAccount[] = [
  { userName: 'admin@contoso.example', role: 'admin-agent', partnerName: 'Contoso Cloud Partners', partnerType: 'direct-bill' },
  { userName: 'sales@contoso.example', role: 'sales-agent', partnerName: 'Contoso Cloud Partners', partnerType: 'direct-bill' },
  { userName: 'helpdesk@contoso.example', role: 'helpdesk-agent', partnerName: 'Contoso Cloud Partners', partnerType: 'direct-bill' },
  { userName: 'billing@contoso.example', role: 'billing-admin', partnerName: 'Contoso Cloud Partners', partnerType: 'direct-bill' },
  { userName: 'admin@fabrikam.example', role: 'admin-agent', partnerName: 'Fabrikam Distribution', partnerType: 'indirect-provider' },
  { userName: 'sales@fabrikam.example', role: 'sales-agent', partnerName: 'Fabrikam Distribution', partnerType: 'indirect-provider' },
  { userName: 'admin@tailspin.example', role: 'admin-agent', partnerName: 'Tailspin Resellers', partnerType: 'indirect-reseller' },
];
