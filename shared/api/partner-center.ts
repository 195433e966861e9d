/**
 * Partner Center REST wire formats for the MCA workflow (../shared/reference/partner-center-api.md).
 * The sandbox validates requests with these, and the client parses responses with them. Responses are
 * read leniently (unknown fields pass, optional fields may be missing) because real bodies vary.
 */
import { z } from 'zod';
import { contactSchema } from '../domain/contact';
import { agreementTypeSchema, storedContactSchema } from '../domain/agreement';
import { domainSchema, languageTagSchema, addressSchema, checkRegistrationRule, registrationNumberSchema } from '../domain/customer';
import { emailSchema } from '../domain/contact';
import { requiredText } from '../domain/text';
import { isCalendarDate } from '../domain/dates';

/** `GET /v1/agreements` item. The docs name the field `type`, the samples and SDK `agreementType`. */
export const agreementMetadataSchema = z
  .object({
    templateId: z.string(),
    agreementType: z.string().optional(),
    type: z.string().optional(),
    agreementLink: z.string().optional(),
    versionRank: z.number().optional(),
  })
  .passthrough();
export type AgreementMetadata = z.output<typeof agreementMetadataSchema>;

/** An ISO 8601 instant; the API writes "2018-06-14T00:00:00.000Z", GETs may omit the offset. */
export const apiInstantSchema = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(value), 'invalid-date-time')
  .refine((value) => !Number.isNaN(new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`).getTime()), 'invalid-date-time')
  // A real calendar day and clock time: JavaScript would roll 2019-02-30 over to March; the backend refuses it.
  .refine(
    (value) =>
      isCalendarDate(value.slice(0, 10)) &&
      Number(value.slice(11, 13)) < 24 &&
      Number(value.slice(14, 16)) < 60 &&
      Number(value.slice(17, 19) || '0') < 60,
    'invalid-date-time',
  );

/** A contact as the wire carries it (`primaryContact`): the four fields, the phone only when there is one. */
export interface WireContact {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string;
}

/** The one mapping of a contact to and from the wire (request bodies, echoes, records): an empty or null phone is left out. */
export function toWireContact(contact: { firstName: string; lastName: string; email: string; phoneNumber?: string | null }): WireContact {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    ...(contact.phoneNumber ? { phoneNumber: contact.phoneNumber } : {}),
  };
}

/** `POST /v1/customers/{id}/agreements` body. `userId` is never sent: the server takes it from the token. */
export const createAgreementBodySchema = z.object({
  primaryContact: contactSchema,
  templateId: z.string().trim().min(1).max(100),
  dateAgreed: apiInstantSchema,
  type: agreementTypeSchema,
  agreementLink: z.string().max(2000).optional(),
});
export type CreateAgreementBody = z.output<typeof createAgreementBodySchema>;

/** An agreement as the API returns it (POST echo and GET items). */
export const apiAgreementSchema = z
  .object({
    userId: z.string().nullable().optional(),
    primaryContact: storedContactSchema,
    templateId: z.string(),
    dateAgreed: z.string(),
    type: z.string(),
    agreementLink: z.string().nullable().optional(),
    /** On an agreement finalised from an enhanced attestation (shared/api/enhanced-attestation.ts). */
    attestationId: z.string().optional(),
  })
  .passthrough();
export type ApiAgreement = z.output<typeof apiAgreementSchema>;

export const linkSchema = z.object({
  uri: z.string(),
  method: z.string().optional(),
  headers: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
});

export function collectionSchema<T extends z.ZodTypeAny>(item: T) {
  return z
    .object({
      totalCount: z.number().optional(),
      items: z.array(item),
      links: z.object({ self: linkSchema.optional(), next: linkSchema.optional() }).passthrough().optional(),
      attributes: z.object({ objectType: z.string() }).passthrough().optional(),
    })
    .passthrough();
}

export const agreementDocumentSchema = z
  .object({ displayUri: z.string(), downloadUri: z.string(), language: z.string(), country: z.string() })
  .passthrough();
export type AgreementDocument = z.output<typeof agreementDocumentSchema>;

export const directSignStatusSchema = z.object({ isSigned: z.boolean() }).passthrough();
export const relationshipRequestSchema = z.object({ url: z.string() }).passthrough();

export const companyProfileSchema = z
  .object({
    tenantId: z.string(),
    domain: z.string(),
    companyName: z.string().optional(),
    // The SDK's company profile has an address (reference §8); the documented list items show none, so it may be missing.
    address: z.object({ country: z.string().nullable().optional() }).passthrough().nullable().optional(),
  })
  .passthrough();

/** `GET /v1/customers` item: only id, company profile and relationship, as on the real list. */
export const apiCustomerListItemSchema = z
  .object({ id: z.string(), companyProfile: companyProfileSchema, relationshipToPartner: z.string().optional() })
  .passthrough();
export type ApiCustomerListItem = z.output<typeof apiCustomerListItemSchema>;

export const apiAddressSchema = z
  .object({
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    addressLine1: z.string().optional(),
    addressLine2: z.string().nullable().optional(),
    city: z.string().optional(),
    state: z.string().nullable().optional(),
    postalCode: z.string().optional(),
    country: z.string(),
    phoneNumber: z.string().nullable().optional(),
  })
  .passthrough();

export const apiBillingProfileSchema = z
  .object({
    id: z.string().optional(),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    email: z.string().optional(),
    culture: z.string().optional(),
    language: z.string().optional(),
    companyName: z.string().optional(),
    defaultAddress: apiAddressSchema,
  })
  .passthrough();

/** `GET /v1/customers/{id}` and the create response. `userCredentials` only on create. */
export const apiCustomerSchema = z
  .object({
    id: z.string(),
    commerceId: z.string().optional(),
    companyProfile: companyProfileSchema,
    billingProfile: apiBillingProfileSchema.optional(),
    relationshipToPartner: z.string().optional(),
    userCredentials: z.object({ userName: z.string(), password: z.string() }).optional(),
  })
  .passthrough();
export type ApiCustomer = z.output<typeof apiCustomerSchema>;

/** `POST /v1/customers` body (camelCase as in the docs' examples). */
export const createCustomerBodySchema = z
  .object({
    enableGDAPByDefault: z.boolean().optional(),
    companyProfile: z.object({
      domain: domainSchema,
      /** Required only in some countries (reference §7: AM, AZ, BY, … VE; shared `REGISTRATION_NUMBER_COUNTRIES`). */
      organizationRegistrationNumber: registrationNumberSchema,
    }),
    billingProfile: z.object({
      email: emailSchema,
      culture: languageTagSchema,
      language: languageTagSchema,
      companyName: requiredText(200),
      defaultAddress: addressSchema,
    }),
    associatedPartnerId: z.string().uuid().optional(),
  })
  // The same country rule as the "New customer" form and the IPC payload (shared/domain/customer.ts).
  .superRefine((body, ctx) =>
    checkRegistrationRule(
      {
        country: body.billingProfile.defaultAddress.country,
        registrationNumber: body.companyProfile.organizationRegistrationNumber,
        phoneNumber: body.billingProfile.defaultAddress.phoneNumber,
      },
      ctx,
      {
        registrationNumber: ['companyProfile', 'organizationRegistrationNumber'],
        phoneNumber: ['billingProfile', 'defaultAddress', 'phoneNumber'],
      },
    ),
  );
export type CreateCustomerBody = z.input<typeof createCustomerBodySchema>;

/** The filter of `GET /v1/customers`: prefix match, case-insensitive, on company name or domain. */
export const customerFilterSchema = z.object({
  Field: z.enum(['CompanyName', 'Domain', 'IndirectReseller', 'IndirectCloudSolutionProvider']),
  Value: z.string().max(200),
  Operator: z.literal('starts_with'),
});
export type CustomerFilter = z.output<typeof customerFilterSchema>;

/** `GET /v1/partners/customeragreementrecords` (Microsoft's MCA refresh tool, reference §7b). */
export const customerAgreementRecordSchema = z
  .object({
    customerTenantId: z.string(),
    lastAgreementPrimaryContact: storedContactSchema.nullable().optional(),
    lastAgreementDateEpoch: z.number().nullable().optional(),
    partnerAttestationCompleted: z.boolean(),
    /** The sandbox's name (CHOSEN): the attestation the latest agreement was finalised from, if any. */
    lastAgreementAttestationId: z.string().optional(),
  })
  .passthrough();
export type CustomerAgreementRecord = z.output<typeof customerAgreementRecordSchema>;

export const customerAgreementRecordsPageSchema = z
  .object({
    customerAgreementRecords: z.array(customerAgreementRecordSchema),
    continuationToken: z.string().nullable().optional(),
  })
  .passthrough();

/** The tool treats more than 10 digits as milliseconds, fewer as seconds. */
export function epochToDate(epoch: number): Date {
  return new Date(String(Math.trunc(Math.abs(epoch))).length > 10 ? epoch : epoch * 1000);
}

export const BULK_REATTESTATION_MAX_ITEMS = 500;

/** One item of `POST /v1/CreateBulkReAttestation`. */
export const bulkReattestationItemSchema = z.object({
  partnerId: z.string().uuid(),
  customerId: z.string().uuid(),
  customerDirectAcceptance: z.literal(false),
  agreement: z.object({ templateId: z.string().trim().min(1).max(100), primaryContact: contactSchema, dateAgreed: apiInstantSchema }),
});
export const bulkReattestationBodySchema = z.array(bulkReattestationItemSchema).min(1).max(BULK_REATTESTATION_MAX_ITEMS);
export type BulkReattestationItem = z.input<typeof bulkReattestationItemSchema>;

/**
 * The per-item result list the sandbox answers with. The real response body is undocumented
 * (Microsoft's tool reads none), so a client must also cope with an empty 2xx body.
 */
export const bulkReattestationResultSchema = z.array(
  z
    .object({
      customerId: z.string(),
      status: z.enum(['created', 'already-exists', 'failed']),
      code: z.union([z.number(), z.string()]).optional(),
      description: z.string().optional(),
    })
    .passthrough(),
);
export type BulkReattestationResult = z.output<typeof bulkReattestationResultSchema>;

/** The error body, read loosely: `code` may be a number or a string, the text `description` or `message`. */
export const apiErrorBodySchema = z
  .object({
    code: z.union([z.number(), z.string()]).optional(),
    description: z.string().optional(),
    message: z.string().optional(),
    errorName: z.string().optional(),
    isRetryable: z.boolean().optional(),
    statusCode: z.number().optional(),
    error: z.string().optional(),
    error_description: z.string().optional(),
  })
  .passthrough();
