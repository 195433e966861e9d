/**
 * What the agent types for a placeholder nobody else can fill (the editor asks for it instead of
 * letting `{name}` go out): each value is checked with the rule its field has elsewhere (a contact's
 * name, email and phone, a tenant id, a single line of text), then put in for every `{name}` of the
 * subject and body. One invalid value puts in none of them; no value may hold `{` or `}`.
 */
import { z } from 'zod';
import { emailSchema, NAME_MAX_LENGTH, phoneSchema } from '../../../shared/domain/contact';
import { renderInvitation, type InvitationText, type PlaceholderName, type PlaceholderValues } from '../../../shared/domain/invitations';
import { requiredText } from '../../../shared/domain/text';

const line = requiredText(200);
const schemas: Partial<Record<PlaceholderName, z.ZodTypeAny>> = {
  contactFirstName: requiredText(NAME_MAX_LENGTH),
  contactLastName: requiredText(NAME_MAX_LENGTH),
  contactEmail: emailSchema,
  contactPhone: phoneSchema,
  customerTenantId: z.string().trim().uuid('invalid-tenant-id'),
};

export type PlaceholderInputResult =
  | { ok: true; text: InvitationText }
  | { ok: false; errors: Partial<Record<PlaceholderName, { code: string; params?: Record<string, unknown> }>> };

/** Checks every entered value (empty ones are skipped) and fills them all, or none when one is invalid. */
export function fillTypedPlaceholders(text: InvitationText, entered: Partial<Record<PlaceholderName, string>>): PlaceholderInputResult {
  const values: PlaceholderValues = {};
  const errors: Extract<PlaceholderInputResult, { ok: false }>['errors'] = {};
  for (const [name, raw] of Object.entries(entered) as Array<[PlaceholderName, string | undefined]>) {
    if (raw === undefined || raw.trim() === '') continue;
    // A value must not read like a placeholder itself (it would be refused when the text is sent).
    if (/[{}]/.test(raw)) {
      errors[name] = { code: 'braces' };
      continue;
    }
    const parsed = (schemas[name] ?? line).safeParse(raw);
    if (parsed.success) values[name] = String(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      errors[name] = { code: issue?.message ?? 'invalid', ...(issue && 'params' in issue && issue.params ? { params: issue.params } : {}) };
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const rendered = renderInvitation(text, values);
  return { ok: true, text: { subject: rendered.subject, body: rendered.body } };
}
