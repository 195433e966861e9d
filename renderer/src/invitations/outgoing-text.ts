/**
 * The text that leaves the app when the agent copies a draft or opens it in email: the draft as
 * typed, with placeholders filled from what is known now, the reseller relationship link fetched
 * from the backend at this moment (a relationship request), and, only for a draft linked to one-time
 * credentials, the sign-in name and temporary password fetched from the main process.
 *
 * This is the one owner of the rule "no unfilled placeholder leaves the app": a text that would still
 * hold a `{name}` is refused (nothing is fetched for it when the agent must fill something first), and
 * a relationship link that cannot be had refuses the text too. The result lives in memory only; it is
 * never written back to the draft.
 */
import {
  CREDENTIAL_PLACEHOLDERS,
  renderInvitation,
  type InvitationDraft,
  type InvitationText,
  type PlaceholderName,
} from '../../../shared/domain/invitations';
import { filledWhenSent, placeholderValues, remainingPlaceholders, type DraftContext } from './draft-text';

export interface Credentials {
  userName: string;
  password: string;
}

export interface OutgoingText extends InvitationText {
  /** True when the text holds credentials: a copy must leave the clipboard soon. */
  holdsCredentials: boolean;
}

/** Where the values that are fetched only when sending come from. */
export interface SendSources {
  fetchCredentials: (credentialsId: string) => Promise<Credentials>;
  /** The backend's reseller relationship link (`getRelationshipRequestLink`). */
  fetchRelationshipUrl: () => Promise<string>;
}

/** The text still holds placeholders nobody will fill: the agent must type them first. */
export class UnfilledPlaceholdersError extends Error {
  constructor(readonly names: readonly PlaceholderName[]) {
    super(`Unfilled placeholders: ${names.map((name) => `{${name}}`).join(', ')}`);
    this.name = 'UnfilledPlaceholdersError';
  }
}

/** The reseller relationship link could not be fetched (or the backend's answer is not an https link). */
export class RelationshipLinkError extends Error {
  constructor(readonly reason: string) {
    super(`The reseller relationship link could not be fetched: ${reason}`);
    this.name = 'RelationshipLinkError';
  }
}

function mentions(text: InvitationText, name: PlaceholderName): boolean {
  return text.subject.includes(`{${name}}`) || text.body.includes(`{${name}}`);
}

/** An https link without spaces or control characters, as Partner Center answers it; anything else is refused. */
export function checkedRelationshipUrl(value: unknown): string {
  if (typeof value !== 'string' || !value || /[\s\p{Cc}]/u.test(value)) throw new RelationshipLinkError('the answer holds no link');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RelationshipLinkError('the answer holds no link');
  }
  if (url.protocol !== 'https:') throw new RelationshipLinkError('the link is not an https link');
  return value;
}

async function relationshipUrl(fetch: SendSources['fetchRelationshipUrl']): Promise<string> {
  let answer: unknown;
  try {
    answer = await fetch();
  } catch (error) {
    throw new RelationshipLinkError(error instanceof Error ? error.message : String(error));
  }
  return checkedRelationshipUrl(answer);
}

/**
 * Fills the draft for sending, or throws (UnfilledPlaceholdersError, RelationshipLinkError, or the
 * credentials' own error): then nothing may leave the app. Credentials are fetched last, only when
 * everything else is filled and the draft needs them.
 */
export async function outgoingText(
  draft: Pick<InvitationDraft, 'template' | 'subject' | 'body' | 'credentialsId'>,
  context: DraftContext,
  sources: SendSources,
): Promise<OutgoingText> {
  const text: InvitationText = { subject: draft.subject, body: draft.body };
  const values = placeholderValues(draft.template, context);
  const later = filledWhenSent(draft.template, Boolean(draft.credentialsId));
  const agentMustFill = renderInvitation(text, values).missing.filter((name) => !later.includes(name));
  if (agentMustFill.length) throw new UnfilledPlaceholdersError(agentMustFill);

  if (later.includes('url') && mentions(text, 'url')) values.url = await relationshipUrl(sources.fetchRelationshipUrl);
  if (draft.credentialsId && CREDENTIAL_PLACEHOLDERS.some((name) => mentions(text, name))) {
    const credentials = await sources.fetchCredentials(draft.credentialsId);
    values.signInName = credentials.userName;
    values.temporaryPassword = credentials.password;
  }
  const rendered = renderInvitation(text, values);
  // Also catches a value that itself reads like a placeholder: no `{name}` leaves, whatever its source.
  const left = [...new Set([...rendered.missing, ...remainingPlaceholders(rendered)])];
  if (left.length) throw new UnfilledPlaceholdersError(left);
  return { subject: rendered.subject, body: rendered.body, holdsCredentials: rendered.holdsCredentials };
}
