/**
 * The enhanced attestation flow's wire shapes (Partner Center since 5 January 2026,
 * ../shared/reference/partner-center-2026.md §2): the sandbox validates requests with these and the
 * host client parses answers with them, so both sides speak one shape. Field names that Microsoft's
 * readable pages do not show are CHOSEN (the sandbox's contract) and marked so; the codes and paths
 * of each side live in that side's contract module (sandbox/enhanced/contract.ts for the sandbox).
 *
 * The signatory's fields follow the contact rules of shared/domain/contact.ts (the very same zod
 * schemas), so the form, the IPC payload and the request agree on what a valid name, email and phone are.
 */
import { z } from 'zod';
import { contactSchema } from '../domain/contact';
import { countryCodeSchema, languageTagSchema } from '../domain/customer';
import { MCA_TYPE, storedContactSchema } from '../domain/agreement';
import { requiredText } from '../domain/text';
import { apiAgreementSchema } from './partner-center';

export {
  LINK_EXPIRY_DEFAULT_MINUTES,
  LINK_EXPIRY_MAX_MINUTES,
  LINK_EXPIRY_MIN_MINUTES,
  linkExpiryMinutesSchema,
} from '../domain/link-expiry';
import { linkExpiryMinutesSchema } from '../domain/link-expiry';

export const COMPANY_NAME_MAX_LENGTH = 256;

/**
 * `country` as the API takes it: ISO 3166-1 alpha-2 in capitals. Lower case is refused (the template
 * document's country is case-sensitive), so the shared country rule runs only on an upper-case value.
 */
export const wireCountrySchema = z
  .string({ required_error: 'required', invalid_type_error: 'required' })
  .refine((value) => value.length > 0, 'required')
  .refine((value) => value === value.toUpperCase(), 'country-not-upper-case')
  .pipe(countryCodeSchema);

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

const knownLanguages = new Map<string, boolean>();

/**
 * Whether a well-formed tag names a language the world knows ("nl", "en-US"; not "xx" or "qaa").
 * Remembered per tag: Intl's canonicalisation is slow, and every create and its replay parse a language.
 */
export function isKnownLanguage(tag: string): boolean {
  let known = knownLanguages.get(tag);
  if (known === undefined) {
    known = primaryLanguageIsKnown(tag);
    if (knownLanguages.size < 1_000) knownLanguages.set(tag, known);
  }
  return known;
}

function primaryLanguageIsKnown(tag: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    const primary = canonical?.split('-')[0];
    return primary !== undefined && languageNames.of(primary) !== undefined;
  } catch {
    return false;
  }
}

/** `language`: a BCP 47 tag of a known language, such as `en-US`, `nl-NL` or `nl`. */
export const wireLanguageSchema = z
  .string({ required_error: 'required', invalid_type_error: 'required' })
  .pipe(languageTagSchema)
  .refine(isKnownLanguage, 'unknown-language');

/**
 * What the agent enters for an enhanced attestation (everything but the customer): the form, the IPC
 * payload and the request body share it.
 */
export const enhancedAttestationFieldsSchema = z.object({
  country: wireCountrySchema,
  language: wireLanguageSchema,
  companyName: requiredText(COMPANY_NAME_MAX_LENGTH),
  signatoryFirstName: contactSchema.shape.firstName,
  signatoryLastName: contactSchema.shape.lastName,
  /** CHOSEN name. One address: a list of two is refused. */
  signatoryEmail: contactSchema.shape.email,
  /** CHOSEN name. Optional. */
  signatoryPhoneNumber: contactSchema.shape.phoneNumber,
  /** CHOSEN name and range. */
  linkExpiryMinutes: linkExpiryMinutesSchema,
});

/** `POST /v1/attestations/enhanced` body. */
export const createEnhancedAttestationBodySchema = enhancedAttestationFieldsSchema.extend({
  /** CHOSEN: binds the attestation to one customer of the partner. */
  customerTenantId: z.string({ required_error: 'required', invalid_type_error: 'required' }).uuid('invalid-tenant-id'),
});
export type CreateEnhancedAttestationBody = z.input<typeof createEnhancedAttestationBodySchema>;
export type EnhancedAttestationRequest = z.output<typeof createEnhancedAttestationBodySchema>;

export const attestationStatuses = ['pending', 'accepted', 'expired', 'finalized'] as const;
export const attestationStatusSchema = z.enum(attestationStatuses);
export type AttestationStatus = z.output<typeof attestationStatusSchema>;

/** The Agreement that finalising answers (and that a finalized attestation carries). */
export const enhancedAgreementSchema = apiAgreementSchema.extend({ attestationId: z.string() });
export type EnhancedAgreement = z.output<typeof enhancedAgreementSchema>;

/** An attestation as `POST` (201, or 200 for a replay) and `GET /v1/attestations/enhanced/{id}` answer it. */
export const enhancedAttestationSchema = z
  .object({
    id: z.string(),
    customerTenantId: z.string(),
    status: attestationStatusSchema,
    acceptanceUrl: z.string(),
    expiresAt: z.string(),
    createdAt: z.string(),
    acceptedAt: z.string().optional(),
    country: z.string(),
    language: z.string(),
    companyName: z.string(),
    signatory: storedContactSchema,
    agreement: enhancedAgreementSchema.optional(),
  })
  .passthrough();
export type EnhancedAttestation = z.output<typeof enhancedAttestationSchema>;

/**
 * Finalise: `POST /v1/customers/{customerTenantId}/agreements` with the attestation id instead of a
 * contact and a date (CHOSEN: how the id is passed is not in the readable part of the docs).
 */
export const finaliseAgreementBodySchema = z.object({
  attestationId: z.string({ required_error: 'required', invalid_type_error: 'required' }).uuid('invalid-attestation-id'),
  type: z.literal(MCA_TYPE, { errorMap: () => ({ message: 'must-be-MicrosoftCustomerAgreement' }) }),
  /** Optional: the current MCA template when absent. */
  templateId: z.string().trim().min(1).max(100).optional(),
});
export type FinaliseAgreementBody = z.input<typeof finaliseAgreementBodySchema>;
