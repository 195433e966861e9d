/** Where a customer accepts the MCA themselves (new or existing customer), DOMAIN.md route 2. */
export const CUSTOMER_ACCEPTANCE_URL = 'https://admin.microsoft.com/AdminPortal/Home?ref=/BillingAccounts/agreement';

/** Production Partner Center REST root. */
export const PARTNER_CENTER_API_URL = 'https://api.partnercenter.microsoft.com';

/** The scope an App+User token needs for the Partner Center API. */
export const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';

/** The relationship invitation URL Partner Center hands a direct partner or indirect provider. */
export function resellerRelationshipUrl(partnerTenantId: string, delegatedAdmin = false): string {
  return (
    'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship' +
    `&partnerId=${encodeURIComponent(partnerTenantId)}&msppId=0&DAP=${delegatedAdmin}#/BillingAccounts/partner-invitation`
  );
}
