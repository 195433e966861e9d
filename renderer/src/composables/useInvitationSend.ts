/**
 * "Copy to clipboard" and "Open in email" for a draft. The filled text (credentials included, for a
 * new customer's draft) exists only for the call: it goes to the main process and is dropped. A copy
 * holding credentials asks for the clipboard to be cleared after 60 seconds, and once they went out
 * (copied or opened in email) main deletes them: they are one-time, and the customer has them now.
 */
import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { clipboardText, recipientsSchema, type InvitationDraft } from '../../../shared/domain/invitations';
import { ApiError } from '../../../shared/ipc/errors';
import { call } from '../platform/api';
import { outgoingText } from '../invitations/outgoing-text';
import type { DraftContext } from '../invitations/draft-text';
import { formatTime } from '../i18n/format';

export const CREDENTIALS_CLIPBOARD_MS = 60_000;

type Draft = Pick<InvitationDraft, 'template' | 'to' | 'subject' | 'body' | 'credentialsId'>;

export function useInvitationSend(draft: Ref<Draft | null>, context: Ref<DraftContext>) {
  const { t } = useI18n();
  const busy = ref(false);
  const status = ref<string | null>(null);
  const error = ref<string | null>(null);

  const fetchCredentials = (credentialsId: string) => call('getCredentials', { credentialsId });

  /** The invitation with the credentials went out: they are deleted in main, and the agent is told. */
  async function forgetSent(current: Draft, holdsCredentials: boolean, message: string): Promise<string> {
    if (!holdsCredentials || !current.credentialsId) return message;
    const { forgotten } = await call('forgetCredentials', { credentialsId: current.credentialsId });
    return forgotten ? `${message} ${t('invitations.send.credentialsDeleted')}` : message;
  }

  function describe(caught: unknown): string {
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

  function withMissing(message: string, missing: readonly string[]): string {
    return missing.length
      ? `${message} ${t('invitations.send.stillMissing', { names: missing.map((name) => `{${name}}`).join(', ') })}`
      : message;
  }

  const copy = () =>
    run(async (current) => {
      const text = await outgoingText(current, context.value, fetchCredentials);
      const written = await call('writeClipboard', {
        text: clipboardText(text),
        ...(text.holdsCredentials ? { clearAfterMs: CREDENTIALS_CLIPBOARD_MS } : {}),
      });
      if (!text.holdsCredentials) return withMissing(t('invitations.send.copied'), text.missing);
      const clearsAt = written.clearsAt ? formatTime(Date.parse(written.clearsAt)) : null;
      const copied = withMissing(
        clearsAt ? t('invitations.send.copiedSecretAt', { time: clearsAt }) : t('invitations.send.copiedSecret'),
        text.missing,
      );
      return forgetSent(current, true, copied);
    });

  const openInEmail = () =>
    run(async (current) => {
      if (!recipientsSchema.safeParse(current.to).success) throw new Error(t('invitations.send.badRecipients'));
      const text = await outgoingText(current, context.value, fetchCredentials);
      await call('openMailto', { to: current.to, subject: text.subject, body: text.body });
      return forgetSent(current, text.holdsCredentials, withMissing(t('invitations.send.opened'), text.missing));
    });

  return { busy, status, error, copy, openInEmail };
}
