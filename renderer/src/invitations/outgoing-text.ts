/**
 * The text that leaves the app when the agent copies a draft or opens it in email: the draft as
 * typed, with placeholders filled from what is known now and, only for a draft linked to one-time
 * credentials, the sign-in name and temporary password fetched from the main process at this moment.
 * The result lives in memory only; it is never written back to the draft.
 */
import {
  CREDENTIAL_PLACEHOLDERS,
  renderInvitation,
  type InvitationDraft,
  type InvitationText,
  type PlaceholderName,
} from '../../../shared/domain/invitations';
import { placeholderValues, type DraftContext } from './draft-text';

export interface Credentials {
  userName: string;
  password: string;
}

export interface OutgoingText extends InvitationText {
  /** True when the text holds credentials: a copy must leave the clipboard soon. */
  holdsCredentials: boolean;
  /** Placeholders still unfilled (the agent is told, the text goes out as it is). */
  missing: PlaceholderName[];
}

function mentionsCredentials(text: InvitationText): boolean {
  return CREDENTIAL_PLACEHOLDERS.some((name) => text.subject.includes(`{${name}}`) || text.body.includes(`{${name}}`));
}

/** Fills the draft for sending; `fetchCredentials` is called only when the draft needs them. */
export async function outgoingText(
  draft: Pick<InvitationDraft, 'template' | 'subject' | 'body' | 'credentialsId'>,
  context: DraftContext,
  fetchCredentials: (credentialsId: string) => Promise<Credentials>,
): Promise<OutgoingText> {
  const values = placeholderValues(draft.template, context);
  if (draft.credentialsId && mentionsCredentials(draft)) {
    const credentials = await fetchCredentials(draft.credentialsId);
    values.signInName = credentials.userName;
    values.temporaryPassword = credentials.password;
  }
  const rendered = renderInvitation({ subject: draft.subject, body: draft.body }, values);
  return { subject: rendered.subject, body: rendered.body, holdsCredentials: rendered.holdsCredentials, missing: rendered.missing };
}
