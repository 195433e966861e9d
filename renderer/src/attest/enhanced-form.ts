/**
 * The enhanced attestation form's one mapping, both ways: an outbox item's signer and link details
 * to the form's fields (Edit), and the form's values to what the outbox queues (Save, Edit). The
 * fields are `enhancedAttestationFieldsSchema`'s, the schema the IPC payload and the request use.
 */
import type { z } from 'zod';
import { LINK_EXPIRY_DEFAULT_MINUTES, type enhancedAttestationFieldsSchema } from '../../../shared/api/enhanced-attestation';
import type { Contact } from '../../../shared/domain/contact';
import type { EnhancedFields } from '../outbox/enhanced-state';
import type { OutboxItem } from '../outbox/item';

export type EnhancedFormInput = z.input<typeof enhancedAttestationFieldsSchema>;
export type EnhancedFormValues = z.output<typeof enhancedAttestationFieldsSchema>;

/** What the outbox takes from the form: the signer, and the link's company, country, language and lifetime. */
export function requestPartsOf(values: EnhancedFormValues): { signer: Contact; fields: EnhancedFields } {
  return {
    signer: {
      firstName: values.signatoryFirstName,
      lastName: values.signatoryLastName,
      email: values.signatoryEmail,
      phoneNumber: values.signatoryPhoneNumber,
    },
    fields: {
      companyName: values.companyName,
      country: values.country,
      language: values.language,
      linkExpiryMinutes: values.linkExpiryMinutes ?? LINK_EXPIRY_DEFAULT_MINUTES,
    },
  };
}

/** The form as an enhanced item was saved (to correct it). */
export function formInputOf(item: OutboxItem & { enhanced: NonNullable<OutboxItem['enhanced']> }): EnhancedFormInput {
  const { enhanced, primaryContact: signer } = item;
  return {
    signatoryFirstName: signer.firstName,
    signatoryLastName: signer.lastName,
    signatoryEmail: signer.email,
    signatoryPhoneNumber: signer.phoneNumber ?? '',
    companyName: enhanced.companyName,
    country: enhanced.country,
    language: enhanced.language,
    linkExpiryMinutes: enhanced.linkExpiryMinutes,
  };
}
