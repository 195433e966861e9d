import { z } from 'zod';
import { contactSchema } from './contact';
import { calendarDateSchema, checkAcceptanceDate, type DateRuleContext } from './dates';

/**
 * The acceptance date with the date rule applied at validation time (`context` is called on every
 * check, so "now" is always current): issue codes 'in-future' (params.latest) and 'before-floor'
 * (params.floor), besides 'required' and 'invalid-date'.
 */
export function acceptanceDateSchema(context: () => DateRuleContext) {
  return calendarDateSchema.superRefine((value, ctx) => {
    const result = checkAcceptanceDate(value, context());
    if (result.ok || result.reason === 'invalid-date') return;
    if (result.reason === 'in-future')
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'in-future', params: { latest: result.latest } });
    else ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'before-floor', params: { floor: result.floor } });
  });
}

/** The "Confirm acceptance" form: the contact and the date, with every rule the backend applies. */
export function attestationFormSchemaFor(context: () => DateRuleContext) {
  return z.object({ primaryContact: contactSchema, dateAgreed: acceptanceDateSchema(context) });
}

export type AttestationFormValues = z.output<ReturnType<typeof attestationFormSchemaFor>>;
export type AttestationFormInput = z.input<ReturnType<typeof attestationFormSchemaFor>>;
