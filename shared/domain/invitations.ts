import { z } from 'zod';

export const invitationTemplateIds = ['new-customer', 'reseller-relationship', 'existing-customer', 'indirect-provider'] as const;
export const invitationTemplateIdSchema = z.enum(invitationTemplateIds);
export type InvitationTemplateId = z.infer<typeof invitationTemplateIdSchema>;

export const invitationLanguages = ['en', 'nl'] as const;
export const invitationLanguageSchema = z.enum(invitationLanguages);
export type InvitationLanguage = z.infer<typeof invitationLanguageSchema>;

export const placeholderNames = [
  'customerName',
  'contactName',
  'partnerName',
  'url',
  'signInName',
  'temporaryPassword',
  'customerTenantId',
  'providerName',
  // The signer, one field each (the indirect provider's request: the provider attests with them).
  'contactFirstName',
  'contactLastName',
  'contactEmail',
  'contactPhone',
  // The acceptance link's email (Partner Center's enhanced attestation, acceptance-link-template.ts).
  'signerName',
  'companyName',
  'acceptanceUrl',
  'expiresAt',
] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

/** Placeholders that hold one-time customer credentials: a text holding them must leave the clipboard soon. */
export const CREDENTIAL_PLACEHOLDERS: readonly PlaceholderName[] = ['signInName', 'temporaryPassword'];

export const DRAFT_SUBJECT_MAX = 300;
export const DRAFT_BODY_MAX = 20_000;

/** A comma- or semicolon-separated list of addresses; may be empty while drafting. */
export const recipientsSchema = z
  .string()
  .max(2000)
  .transform((value) =>
    value
      .split(/[;,]/)
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .superRefine((list, ctx) => {
    for (const address of list)
      if (!z.string().email().safeParse(address).success)
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid-email', params: { address } });
  });

/**
 * A local invitation draft. Credentials are never part of it: a draft made for a new customer keeps
 * `{signInName}` and `{temporaryPassword}` as placeholders and a reference to the secret held by the
 * main process, so IndexedDB never holds a password.
 */
export const invitationDraftSchema = z.object({
  id: z.string().uuid(),
  template: invitationTemplateIdSchema,
  language: invitationLanguageSchema,
  to: z.string().max(2000),
  subject: z.string().max(DRAFT_SUBJECT_MAX),
  body: z.string().max(DRAFT_BODY_MAX),
  customerId: z.string().uuid().optional(),
  credentialsId: z.string().uuid().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InvitationDraft = z.output<typeof invitationDraftSchema>;

export interface InvitationText {
  subject: string;
  body: string;
}

export interface RenderedText {
  text: string;
  /** Placeholders that had no value; they are left in the text as written so the agent sees them. */
  missing: PlaceholderName[];
  /** True when credentials were put into the text. */
  holdsCredentials: boolean;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function isPlaceholderName(name: string): name is PlaceholderName {
  return (placeholderNames as readonly string[]).includes(name);
}

/**
 * Fills `{name}` placeholders with plain text. Nothing is escaped because nothing here is HTML:
 * the result goes to a clipboard, a mailto link or a text field, never to innerHTML.
 */
export function fillPlaceholders(template: string, values: PlaceholderValues): RenderedText {
  const missing = new Set<PlaceholderName>();
  let holdsCredentials = false;
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isPlaceholderName(name)) return whole;
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return whole;
    }
    if (CREDENTIAL_PLACEHOLDERS.includes(name)) holdsCredentials = true;
    return value;
  });
  return { text, missing: [...missing], holdsCredentials };
}

/** Subject and body of a template, rendered together. */
export function renderInvitation(template: InvitationText, values: PlaceholderValues): InvitationText & Omit<RenderedText, 'text'> {
  const subject = fillPlaceholders(template.subject, values);
  const body = fillPlaceholders(template.body, values);
  return {
    subject: subject.text,
    body: body.text,
    missing: [...new Set([...subject.missing, ...body.missing])],
    holdsCredentials: subject.holdsCredentials || body.holdsCredentials,
  };
}

/** The text that "Copy to clipboard" puts there: subject, a blank line, then the body. */
export function clipboardText(text: InvitationText): string {
  return `${text.subject}\n\n${text.body}`;
}

/** A `mailto:` link with the recipients, subject and body, each percent-encoded. */
export function buildMailto(to: string, text: InvitationText): string {
  const recipients = recipientsSchema.parse(to).map(encodeURIComponent).join(',');
  return `mailto:${recipients}?subject=${encodeURIComponent(text.subject)}&body=${encodeURIComponent(text.body)}`;
}
