import { z } from 'zod';
import { optionalText, requiredText } from './text';

export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;
export const PHONE_MIN_DIGITS = 6;
export const PHONE_MAX_DIGITS = 20;

const PHONE_ALLOWED = /^[0-9 +\-()]+$/;

/** Lower-cases the domain part only: the local part of an address is case-sensitive by standard. */
export function normaliseEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  return email.slice(0, at) + '@' + email.slice(at + 1).toLowerCase();
}

export const emailSchema = z
  .string({ required_error: 'required', invalid_type_error: 'required' })
  .transform((value) => value.trim())
  .superRefine((value, ctx) => {
    if (value.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'required' });
    else if (value.length > EMAIL_MAX_LENGTH)
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'too-long', params: { max: EMAIL_MAX_LENGTH } });
    else if (!z.string().email().safeParse(value).success) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid-email' });
  })
  .transform(normaliseEmail);

export function countDigits(value: string): number {
  return value.replace(/\D/g, '').length;
}

export const phoneSchema = optionalText(40).superRefine((value, ctx) => {
  if (value === undefined) return;
  if (!PHONE_ALLOWED.test(value)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid-phone-characters' });
    return;
  }
  const digits = countDigits(value);
  if (digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: 'invalid-phone-length',
      params: { min: PHONE_MIN_DIGITS, max: PHONE_MAX_DIGITS },
    });
});

/**
 * The person at the customer who accepted the agreement: the same shape as Partner Center's
 * `primaryContact`. One schema for the form, the IPC payload and the sandbox request.
 */
export const contactSchema = z.object({
  firstName: requiredText(NAME_MAX_LENGTH),
  lastName: requiredText(NAME_MAX_LENGTH),
  email: emailSchema,
  phoneNumber: phoneSchema,
});

export type Contact = z.output<typeof contactSchema>;
export type ContactInput = z.input<typeof contactSchema>;

/** "Maria Carr": the person's name as a greeting or a notification writes it. */
export function personName(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return `${contact.firstName} ${contact.lastName}`.trim();
}
