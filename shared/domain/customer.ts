import { z } from 'zod';
import { LINK_EXPIRY_DEFAULT_MINUTES, linkExpiryMinutesSchema } from './link-expiry';
import { contactSchema, emailSchema, phoneSchema } from './contact';
import { tenantIdSchema } from './agreement';
import { calendarDateSchema } from './dates';
import { optionalText, requiredText } from './text';

export const countryCodeSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine((value) => /^[A-Z]{2}$/.test(value), 'invalid-country');

/** A language tag such as "nl" or "nl-NL". */
export const languageTagSchema = z
  .string()
  .trim()
  .refine((value) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value), 'invalid-language');

/** A domain name as Partner Center takes it (e.g. "contoso.onmicrosoft.com"). */
export const domainSchema = z
  .string({ required_error: 'required' })
  .trim()
  .toLowerCase()
  .refine((value) => value.length > 0, 'required')
  .refine(
    (value) => value.length <= 253 && /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(value),
    'invalid-domain',
  );

/** A customer with the details the app needs for the MCA: where it is, its language and its contact. */
export const customerSchema = z.object({
  id: tenantIdSchema,
  companyName: z.string().min(1).max(200),
  domain: z.string(),
  country: z.string().length(2),
  language: z.string(),
  contact: contactSchema.partial().extend({ firstName: z.string(), lastName: z.string(), email: z.string() }),
});
export type Customer = z.output<typeof customerSchema>;

/** One row of the customer list: only what the real list call returns. */
export const customerSummarySchema = z.object({
  id: tenantIdSchema,
  companyName: z.string(),
  domain: z.string(),
  relationshipToPartner: z.string().optional(),
  /** ISO-2, upper case, only when the list item carries the company's address (the documented list items do not). */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export type CustomerSummary = z.output<typeof customerSummarySchema>;

export const addressSchema = z.object({
  firstName: requiredText(50),
  lastName: requiredText(50),
  addressLine1: requiredText(200),
  addressLine2: optionalText(200),
  city: requiredText(100),
  state: optionalText(2),
  postalCode: requiredText(20),
  country: countryCodeSchema,
  phoneNumber: phoneSchema,
});

/**
 * How a new customer accepts the MCA: the partner attests now (the seed's route: a contact and a
 * date), an acceptance link goes to the signer (Partner Center since 5 January 2026), or the customer
 * accepts in the admin center.
 */
export const newCustomerAcceptanceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('partner-attested'), primaryContact: contactSchema, dateAgreed: calendarDateSchema }),
  z.object({
    mode: z.literal('acceptance-link'),
    primaryContact: contactSchema,
    linkExpiryMinutes: linkExpiryMinutesSchema.default(LINK_EXPIRY_DEFAULT_MINUTES),
  }),
  z.object({ mode: z.literal('customer-accepts') }),
]);

/**
 * Countries where Partner Center requires the organisation registration number, and a phone number,
 * to create a customer (reference §7; errors 600049 and 600051 otherwise).
 */
export const REGISTRATION_NUMBER_COUNTRIES: ReadonlySet<string> = new Set([
  'AM',
  'AZ',
  'BY',
  'HU',
  'KZ',
  'KG',
  'MD',
  'RU',
  'TJ',
  'UZ',
  'UA',
  'IN',
  'BR',
  'ZA',
  'PL',
  'AE',
  'SA',
  'TR',
  'TH',
  'VN',
  'MM',
  'IQ',
  'SS',
  'VE',
]);

/** Whether a customer in this country (ISO-2, any case) needs the registration number and a phone number. */
export function needsRegistrationNumber(country: string | null | undefined): boolean {
  return typeof country === 'string' && REGISTRATION_NUMBER_COUNTRIES.has(country.trim().toUpperCase());
}

/** The organisation registration number (a company or tax registration number): optional text, at most 50 characters. */
export const registrationNumberSchema = optionalText(50);

export const REGISTRATION_NUMBER_REQUIRED = 'registration-number-required';
export const PHONE_REQUIRED_IN_COUNTRY = 'phone-required-in-country';

/**
 * The country rule of customer creation, one function for the form, the IPC payload and the sandbox:
 * in the listed countries the registration number and the phone number are required. Adds an issue
 * (`registration-number-required`, `phone-required-in-country`, with the country as a param) at the
 * given paths.
 */
export function checkRegistrationRule(
  value: { country: string; registrationNumber?: string | null | undefined; phoneNumber?: string | null | undefined },
  ctx: z.RefinementCtx,
  paths: { registrationNumber: Array<string | number>; phoneNumber: Array<string | number> },
): void {
  if (!needsRegistrationNumber(value.country)) return;
  const country = value.country.trim().toUpperCase();
  if (!value.registrationNumber?.trim())
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: REGISTRATION_NUMBER_REQUIRED,
      path: paths.registrationNumber,
      params: { country },
    });
  if (!value.phoneNumber?.trim())
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: PHONE_REQUIRED_IN_COUNTRY, path: paths.phoneNumber, params: { country } });
}

/** The new customer's fields, without the country rule (extend this, then apply `withRegistrationRule`). */
export const newCustomerFieldsSchema = z.object({
  companyName: requiredText(200),
  domain: domainSchema,
  email: emailSchema,
  language: languageTagSchema,
  /** Required in the countries of `REGISTRATION_NUMBER_COUNTRIES`, optional elsewhere. */
  organizationRegistrationNumber: registrationNumberSchema,
  address: addressSchema,
  acceptance: newCustomerAcceptanceSchema,
});

/** Applies the country rule (registration number and phone) to a new-customer schema. */
export function withRegistrationRule<T extends z.ZodTypeAny>(schema: T): z.ZodEffects<T, z.output<T>, z.input<T>> {
  return schema.superRefine((value: z.output<T>, ctx) => {
    const fields = value as {
      organizationRegistrationNumber?: string | undefined;
      address: { country: string; phoneNumber?: string | undefined };
    };
    checkRegistrationRule(
      {
        country: fields.address.country,
        registrationNumber: fields.organizationRegistrationNumber,
        phoneNumber: fields.address.phoneNumber,
      },
      ctx,
      { registrationNumber: ['organizationRegistrationNumber'], phoneNumber: ['address', 'phoneNumber'] },
    );
  });
}

/** The "New customer" form (company details plus the acceptance choice), with the country rule. */
export const newCustomerSchema = withRegistrationRule(newCustomerFieldsSchema);
export type NewCustomer = z.output<typeof newCustomerSchema>;
export type NewCustomerInput = z.input<typeof newCustomerSchema>;
