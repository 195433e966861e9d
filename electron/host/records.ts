/** Conversions between the API's shapes and the records and customers the renderer sees: one mapping per shape. */
import { parseApiInstant } from '../../shared/domain/dates';
import type { AgreementRecord } from '../../shared/domain/agreement';
import type {
  ApiAgreement,
  ApiCustomer,
  ApiCustomerListItem,
  CreateCustomerBody,
  CustomerAgreementRecord,
} from '../../shared/api/partner-center';
import { epochToDate, toWireContact } from '../../shared/api/partner-center';
import type { Customer, CustomerSummary, NewCustomer } from '../../shared/domain/customer';
import type { AgreementRecordSummary } from '../../shared/ipc/contract';
import { phoneSchema } from '../../shared/domain/contact';
import type { EnhancedAttestation } from '../../shared/api/enhanced-attestation';
import type { AttestationView } from '../../shared/ipc/enhanced';

/** A phone number as the contact rules accept it, or nothing (backend data may not meet them). */
function validPhone(value: string | null | undefined): string | undefined {
  const parsed = phoneSchema.safeParse(value ?? undefined);
  return parsed.success ? parsed.data : undefined;
}

/** `dateAgreed` as an ISO instant with `Z` (GET answers omit the offset; those are UTC). */
export function normaliseInstant(value: string): string {
  return parseApiInstant(value)?.toISOString() ?? value;
}

export function toAgreementRecord(customerId: string, agreement: ApiAgreement): AgreementRecord {
  return {
    customerId,
    primaryContact: toWireContact(agreement.primaryContact),
    templateId: agreement.templateId,
    dateAgreed: normaliseInstant(agreement.dateAgreed),
    type: agreement.type,
    userId: agreement.userId ?? null,
    ...(agreement.agreementLink ? { agreementLink: agreement.agreementLink } : {}),
    ...(agreement.attestationId ? { attestationId: agreement.attestationId } : {}),
  };
}

export function toCustomerSummary(item: ApiCustomerListItem): CustomerSummary {
  const country = countryCodeOf(item.companyProfile.address?.country);
  return {
    id: item.id,
    companyName: item.companyProfile.companyName ?? item.companyProfile.domain,
    domain: item.companyProfile.domain,
    ...(item.relationshipToPartner ? { relationshipToPartner: item.relationshipToPartner } : {}),
    // Only a real ISO-2 code: no guessed default here, the Overview counts the others as "Unknown".
    ...(country ? { country } : {}),
  };
}

/** An ISO-2 country code in upper case, or nothing. */
function countryCodeOf(value: string | null | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** The language part of a culture or language tag ("nl-NL" → "nl"). */
function languageOf(tag: string | undefined): string | undefined {
  const trimmed = tag?.trim();
  return trimmed ? trimmed : undefined;
}

export function toCustomer(customer: ApiCustomer): Customer {
  const billing = customer.billingProfile;
  const address = billing?.defaultAddress;
  const country = (address?.country ?? '').trim().toUpperCase();
  return {
    id: customer.id,
    companyName: (billing?.companyName || customer.companyProfile.companyName || customer.companyProfile.domain).slice(0, 200),
    domain: customer.companyProfile.domain,
    // The real get-by-id always carries the billing profile; 'US' is Partner Center's own default country.
    country: /^[A-Z]{2}$/.test(country) ? country : 'US',
    language: languageOf(billing?.culture) ?? languageOf(billing?.language) ?? 'en-US',
    contact: {
      firstName: billing?.firstName ?? address?.firstName ?? '',
      lastName: billing?.lastName ?? address?.lastName ?? '',
      email: billing?.email ?? '',
      ...(validPhone(address?.phoneNumber) ? { phoneNumber: validPhone(address?.phoneNumber) } : {}),
    },
  };
}

export function toRecordSummary(record: CustomerAgreementRecord): AgreementRecordSummary {
  const epoch = record.lastAgreementDateEpoch;
  const contact = record.lastAgreementPrimaryContact ?? null;
  return {
    customerId: record.customerTenantId,
    lastContact: contact ? toWireContact(contact) : null,
    lastDateAgreed: typeof epoch === 'number' && epoch > 0 ? epochToDate(epoch).toISOString() : null,
    partnerAttestationCompleted: record.partnerAttestationCompleted,
  };
}

/** A new customer as `POST /v1/customers` takes it: the culture from the language and the country when it has no region. */
export function toCreateCustomerBody(customer: NewCustomer): CreateCustomerBody {
  const language = customer.language;
  const culture = language.includes('-') ? language : `${language}-${customer.address.country}`;
  return {
    companyProfile: {
      domain: customer.domain,
      ...(customer.organizationRegistrationNumber ? { organizationRegistrationNumber: customer.organizationRegistrationNumber } : {}),
    },
    billingProfile: {
      email: customer.email,
      culture,
      language: language.split('-')[0]!.toLowerCase(),
      companyName: customer.companyName,
      defaultAddress: customer.address,
    },
  } as CreateCustomerBody;
}

/** An enhanced attestation as the renderer sees it (the agreement, once finalised, as a record). */
export function toAttestationView(attestation: EnhancedAttestation): AttestationView {
  const customerId = attestation.customerTenantId.toLowerCase();
  return {
    id: attestation.id,
    customerId,
    status: attestation.status,
    acceptanceUrl: attestation.acceptanceUrl,
    expiresAt: attestation.expiresAt,
    createdAt: attestation.createdAt,
    ...(attestation.acceptedAt ? { acceptedAt: attestation.acceptedAt } : {}),
    country: attestation.country,
    language: attestation.language,
    companyName: attestation.companyName,
    signatory: toWireContact(attestation.signatory),
    ...(attestation.agreement ? { agreement: toAgreementRecord(customerId, attestation.agreement) } : {}),
  };
}
