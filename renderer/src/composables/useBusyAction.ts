/**
 * One action at a time behind a button: `busy` while it runs, then the sentence it answers
 * (`status`) or why it failed (`error`, in the agent's words). A full disk is already shown by the
 * storage guard, so it is not repeated here.
 */
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { StorageFullError } from '../db/storage-errors';
import { OutboxCommandError } from '../outbox/commands';

export function useBusyAction() {
  const { t } = useI18n();
  const busy = ref(false);
  const status = ref<string | null>(null);
  const error = ref<string | null>(null);

  function describe(caught: unknown): string {
    if (caught instanceof OutboxCommandError && caught.reason === 'sending') return t('outbox.busy');
    return t('errors.generic', { message: caught instanceof Error ? caught.message : String(caught) });
  }

  /** Runs `action` unless one is running; it answers the status sentence, or null for none. */
  async function run(action: () => Promise<string | null>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    status.value = null;
    error.value = null;
    try {
      status.value = await action();
    } catch (caught) {
      if (!(caught instanceof StorageFullError)) error.value = describe(caught);
    } finally {
      busy.value = false;
    }
  }

  return { busy, status, error, run };
}
