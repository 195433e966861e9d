/**
 * "Copy to clipboard" and "Open in email" for a draft. The filled text (credentials included, for a
 * new customer's draft) exists only for the call: it goes to the main process and is dropped. A text
 * that cannot be filled completely (a placeholder left, no relationship link) is refused: nothing is
 * copied or opened, and the agent is told why. A copy
 * holding credentials asks for the clipboard to be cleared after 60 seconds, and once they went out
 * (copied or opened in email) main deletes them: they are one-time, and the customer has them now.
 */
import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { clipboardText, CREDENTIAL_PLACEHOLDERS, recipientsSchema, type InvitationDraft } from '../../../shared/domain/invitations';
import { ApiError } from '../../../shared/ipc/errors';
import { call } from '../platform/api';
import { outgoingText, RelationshipLinkError, UnfilledPlaceholdersError, type SendSources } from '../invitations/outgoing-text';
import type { DraftContext } from '../invitations/draft-text';
import { formatTime } from '../i18n/format';
import { recordAgentAction } from '../stores/agent-actions';

export const CREDENTIALS_CLIPBOARD_MS = 60_000;

type Draft = Pick<InvitationDraft, 'template' | 'to' | 'subject' | 'body' | 'credentialsId' | 'customerId'>;

export function useInvitationSend(draft: Ref<Draft | null>, context: Ref<DraftContext>) {
  const { t } = useI18n();
  const busy = ref(false);
  const status = ref<string | null>(null);
  const error = ref<string | null>(null);

  const sources: SendSources = {
    fetchCredentials: (credentialsId) => call('getCredentials', { credentialsId }),
    fetchRelationshipUrl: async () => (await call('getRelationshipRequestLink', {})).url,
  };

  /** The invitation with the credentials went out: they are deleted in main, and the agent is told. */
  async function forgetSent(current: Draft, holdsCredentials: boolean, message: string): Promise<string> {
    if (!holdsCredentials || !current.credentialsId) return message;
    const { forgotten } = await call('forgetCredentials', { credentialsId: current.credentialsId });
    void recordAgentAction('credentials-sent', {
      ...(current.customerId ? { customerId: current.customerId } : {}),
      detail: forgotten
        ? 'the sign-in name and temporary password left in an invitation, then were deleted from MCA Desk'
        : 'the sign-in name and temporary password left in an invitation',
    });
    return forgotten ? `${message} ${t('invitations.send.credentialsDeleted')}` : message;
  }

  function describe(caught: unknown): string {
    if (caught instanceof RelationshipLinkError) return t('invitations.send.relationshipLinkFailed', { reason: caught.reason });
    if (caught instanceof UnfilledPlaceholdersError && caught.names.some((name) => CREDENTIAL_PLACEHOLDERS.includes(name)))
      return t('invitations.send.noCredentialsRefused');
    if (caught instanceof UnfilledPlaceholdersError)
      return t('invitations.send.unfilledRefused', { names: caught.names.map((name) => `{${name}}`).join(', ') });
    if (caught instanceof ApiError && caught.code === 'not-found') return t('invitations.send.credentialsGone');
    return t('errors.generic', { message: caught instanceof Error ? caught.message : String(caught) });
  }

  async function run(action: (current: Draft) => Promise<string>): Promise<void> {
    const current = draft.value;
    if (!current || busy.value) return;
    busy.value = true;
    status.value = null;
    error.value = null;
    try {
      status.value = await action(current);
    } catch (caught) {
      error.value = describe(caught);
    } finally {
      busy.value = false;
    }
  }

  const copy = () =>
    run(async (current) => {
      const text = await outgoingText(current, context.value, sources);
      const written = await call('writeClipboard', {
        text: clipboardText(text),
        ...(text.holdsCredentials ? { clearAfterMs: CREDENTIALS_CLIPBOARD_MS } : {}),
      });
      if (!text.holdsCredentials) return t('invitations.send.copied');
      const clearsAt = written.clearsAt ? formatTime(Date.parse(written.clearsAt)) : null;
      const copied = clearsAt ? t('invitations.send.copiedSecretAt', { time: clearsAt }) : t('invitations.send.copiedSecret');
      return forgetSent(current, true, copied);
    });

  const openInEmail = () =>
    run(async (current) => {
      if (!recipientsSchema.safeParse(current.to).success) throw new Error(t('invitations.send.badRecipients'));
      const text = await outgoingText(current, context.value, sources);
      await call('openMailto', { to: current.to, subject: text.subject, body: text.body });
      return forgetSent(current, text.holdsCredentials, t('invitations.send.opened'));
    });

  return { busy, status, error, copy, openInEmail };
}
