import { z } from 'zod';
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

/** How a new customer accepts the MCA: the partner attests now, or the customer accepts in the admin center. */
export const newCustomerAcceptanceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('partner-attested'), primaryContact: contactSchema, dateAgreed: calendarDateSchema }),
  z.object({ mode: z.literal('customer-accepts') }),
]);

/** The "New customer" form (company details plus the acceptance choice). */
export const newCustomerSchema = z.object({
  companyName: requiredText(200),
  domain: domainSchema,
  email: emailSchema,
  language: languageTagSchema,
  address: addressSchema,
  acceptance: newCustomerAcceptanceSchema,
});
export type NewCustomer = z.output<typeof newCustomerSchema>;
export type NewCustomerInput = z.input<typeof newCustomerSchema>;
