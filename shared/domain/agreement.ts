import { z } from 'zod';
import { contactSchema, type Contact } from './contact';
import { calendarDateSchema } from './dates';

export const MCA_TYPE = 'MicrosoftCustomerAgreement';
export const CLOUD_AGREEMENT_TYPE = 'MicrosoftCloudAgreement';
export const agreementTypeSchema = z.enum([MCA_TYPE, CLOUD_AGREEMENT_TYPE]);

export const tenantIdSchema = z.string().uuid('invalid-tenant-id');
export const templateIdSchema = z.string().trim().min(1).max(100);

/**
 * What an agent records: "this customer accepted the MCA, this person, this day". The date is the
 * calendar day the agent picked; it is turned into UTC midnight only when it is sent.
 */
export const attestationRequestSchema = z.object({
  customerId: tenantIdSchema,
  templateId: templateIdSchema,
  primaryContact: contactSchema,
  dateAgreed: calendarDateSchema,
});

/**
 * A contact as stored by the backend. Read loosely: records made by other tools need not meet the
 * rules this app enforces on what it sends.
 */
export const storedContactSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phoneNumber: z.string().nullable().optional(),
});
export type StoredContact = z.output<typeof storedContactSchema>;

/** One confirmation as the app shows it in a customer's history. */
export const agreementRecordSchema = z.object({
  customerId: tenantIdSchema,
  primaryContact: storedContactSchema,
  templateId: z.string(),
  /** ISO instant with offset (normalised from the API's offset-less form). */
  dateAgreed: z.string(),
  type: z.string(),
  userId: z.string().nullable().optional(),
  agreementLink: z.string().optional(),
  /** The enhanced attestation this agreement was finalised from (Partner Center since 5 January 2026). */
  attestationId: z.string().optional(),
});
export type AgreementRecord = z.output<typeof agreementRecordSchema>;

/**
 * Two contacts are the same for Partner Center's duplicate rule (600061) when first name, last name,
 * email and phone all match (after trimming; email without regard to case).
 */
export function isSameContact(a: StoredContact | Contact, b: StoredContact | Contact): boolean {
  const text = (value: string | null | undefined) => (value ?? '').trim();
  return (
    text(a.firstName) === text(b.firstName) &&
    text(a.lastName) === text(b.lastName) &&
    text(a.email).toLowerCase() === text(b.email).toLowerCase() &&
    text(a.phoneNumber) === text(b.phoneNumber)
  );
}

// What checkDuplicateOfLatest answers; not exported, as no caller names it.
type DuplicateCheck = { duplicate: false } | { duplicate: true; latest: AgreementRecord };

/**
 * Whether a new attestation repeats the customer's latest one (the backend refuses it with 600061).
 * "Latest" is the last of the MCA confirmations in the order the backend lists them (creation order).
 */
export function checkDuplicateOfLatest(contact: Contact, history: readonly AgreementRecord[]): DuplicateCheck {
  const mca = history.filter((record) => record.type === MCA_TYPE);
  const latest = mca.at(-1);
  if (latest && isSameContact(contact, latest.primaryContact)) return { duplicate: true, latest };
  return { duplicate: false };
}
