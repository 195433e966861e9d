import { z } from 'zod';
import { contactSchema } from './contact';
import { newCustomerFieldsSchema, withRegistrationRule } from './customer';
import { acceptanceDateSchema } from './attestation-form';
import type { DateRuleContext } from './dates';

/**
 * The "New customer" form: the shared `newCustomerSchema` with the date rule applied to a
 * partner-attested acceptance (the same rule as "Confirm acceptance"; `context` is read on every check),
 * and the same country rule (registration number and phone where Partner Center requires them).
 * A missing choice is reported as 'choose-acceptance'.
 */
export function newCustomerFormSchemaFor(context: () => DateRuleContext) {
  const acceptance = z.discriminatedUnion(
    'mode',
    [
      z.object({ mode: z.literal('partner-attested'), primaryContact: contactSchema, dateAgreed: acceptanceDateSchema(context) }),
      z.object({ mode: z.literal('customer-accepts') }),
    ],
    { errorMap: () => ({ message: 'choose-acceptance' }) },
  );
  return withRegistrationRule(newCustomerFieldsSchema.extend({ acceptance }));
}

export type NewCustomerFormValues = z.output<ReturnType<typeof newCustomerFormSchemaFor>>;
export type NewCustomerFormInput = z.input<ReturnType<typeof newCustomerFormSchemaFor>>;
