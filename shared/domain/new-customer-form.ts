import { z } from 'zod';
import { contactSchema } from './contact';
import { newCustomerFieldsSchema, withRegistrationRule } from './customer';
import { acceptanceDateSchema } from './attestation-form';
import type { DateRuleContext } from './dates';
import { LINK_EXPIRY_DEFAULT_MINUTES, linkExpiryMinutesSchema } from './link-expiry';

/** The backend's way to confirm acceptance: the seed's attestation (contact + date) or the enhanced flow (a link to the signer). */
export type AttestationRoute = 'enhanced' | 'legacy';

/**
 * The "New customer" form: the shared `newCustomerSchema` plus how the customer accepts.
 * - legacy route: the partner attests now (a contact and a date, the same date rule as "Confirm
 *   acceptance"; `context` is read on every check);
 * - enhanced route (Partner Center since 5 January 2026): an acceptance link goes to the signer
 *   (the contact, and how long the link is valid); company, country and language are the customer's;
 * - either route: the customer accepts in the Microsoft 365 admin center.
 * The same country rule applies (registration number and phone where Partner Center requires them).
 * A missing choice is reported as 'choose-acceptance'.
 */
export function newCustomerFormSchemaFor(context: () => DateRuleContext, route: AttestationRoute = 'legacy') {
  const byPartner =
    route === 'enhanced'
      ? z.object({
          mode: z.literal('acceptance-link'),
          primaryContact: contactSchema,
          linkExpiryMinutes: linkExpiryMinutesSchema.default(LINK_EXPIRY_DEFAULT_MINUTES),
        })
      : z.object({ mode: z.literal('partner-attested'), primaryContact: contactSchema, dateAgreed: acceptanceDateSchema(context) });
  const acceptance = z.discriminatedUnion('mode', [byPartner, z.object({ mode: z.literal('customer-accepts') })], {
    errorMap: () => ({ message: 'choose-acceptance' }),
  });
  return withRegistrationRule(newCustomerFieldsSchema.extend({ acceptance }));
}

export type NewCustomerFormValues = z.output<ReturnType<typeof newCustomerFormSchemaFor>>;
export type NewCustomerFormInput = z.input<ReturnType<typeof newCustomerFormSchemaFor>>;
