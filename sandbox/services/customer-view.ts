/** Customers in the API's shapes: the thin list item (reference §8) and the full resource. */
import type { CustomerRow } from './customer-access';

export function listItem(row: Pick<CustomerRow, 'id' | 'domain' | 'company_name' | 'relationship'>) {
  return {
    id: row.id,
    companyProfile: {
      tenantId: row.id,
      domain: row.domain,
      companyName: row.company_name,
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: row.relationship,
    attributes: { objectType: 'Customer' },
  };
}

export function fullCustomer(row: CustomerRow) {
  return {
    id: row.id,
    commerceId: row.commerce_id,
    companyProfile: {
      tenantId: row.id,
      domain: row.domain,
      companyName: row.company_name,
      ...(row.registration_number ? { organizationRegistrationNumber: row.registration_number } : {}),
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    billingProfile: {
      id: row.commerce_id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      culture: row.culture,
      language: row.language,
      companyName: row.company_name,
      defaultAddress: {
        country: row.country,
        city: row.city,
        ...(row.state ? { state: row.state } : {}),
        addressLine1: row.address_line1,
        ...(row.address_line2 ? { addressLine2: row.address_line2 } : {}),
        postalCode: row.postal_code,
        firstName: row.first_name,
        lastName: row.last_name,
        ...(row.phone_number ? { phoneNumber: row.phone_number } : {}),
      },
      attributes: { etag: `"${row.commerce_id.slice(0, 8)}"`, objectType: 'CustomerBillingProfile' },
    },
    relationshipToPartner: row.relationship,
    allowDelegatedAccess: true,
    ...(row.enable_gdap === null ? {} : { enableGDAPByDefault: row.enable_gdap }),
    ...(row.associated_partner_id ? { associatedPartnerId: row.associated_partner_id } : {}),
    links: { self: { uri: `/customers/${row.id}`, method: 'GET', headers: [] } },
    attributes: { objectType: 'Customer' },
  };
}
