/** Where a customer accepts the MCA themselves (new or existing customer), DOMAIN.md route 2. */
export const CUSTOMER_ACCEPTANCE_URL = 'https://admin.microsoft.com/AdminPortal/Home?ref=/BillingAccounts/agreement';

/** The generic MCA text, as the metadata call returns it in `agreementLink`. */
export const MCA_AGREEMENT_LINK = 'https://aka.ms/customeragreement';

/** Production Partner Center REST root. */
export const PARTNER_CENTER_API_URL = 'https://api.partnercenter.microsoft.com';

/** The scope an App+User token needs for the Partner Center API. */
export const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';

/** The customer's account page in Partner Center (what Microsoft's bulk tool links to). */
export function partnerCenterCustomerUrl(customerTenantId: string): string {
  return `https://partner.microsoft.com/en-us/dashboard/commerce2/customers/${encodeURIComponent(customerTenantId)}/account`;
}

/** The relationship invitation URL Partner Center hands a direct partner or indirect provider. */
export function resellerRelationshipUrl(partnerTenantId: string, delegatedAdmin = false): string {
  return (
    'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship' +
    `&partnerId=${encodeURIComponent(partnerTenantId)}&msppId=0&DAP=${delegatedAdmin}#/BillingAccounts/partner-invitation`
  );
}

/** What a customer sees when only a partner attestation can help (seed: "Two scenarios"). */
export const REACH_OUT_TO_PARTNER_MESSAGE =
  'Please reach out to your Partner to confirm your acceptance of the Microsoft Customer Agreement.';
