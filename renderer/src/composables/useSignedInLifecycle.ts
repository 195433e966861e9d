/**
 * What happens when an agent signs in or out: their own database opens (or closes), the caches load,
 * the sync worker starts (or stops), and a new customer whose acceptance a closed window did not
 * queue is finished. After a re-sign-in of the same agent, sending resumes.
 */
import { recordAgentAction } from '../stores/agent-actions';
import { watch } from 'vue';
import { closeDatabase, databaseNameFor, onDatabaseVersionChange, openDatabase } from '../db/database';
import { onStorageFull } from '../db/storage-errors';
import { i18n } from '../i18n';
import { useCustomersStore } from '../stores/customers';
import { useMcaStateStore } from '../stores/mca-state';
import { useNotificationsStore } from '../stores/notifications';
import { useSessionStore } from '../stores/session';
import { useSyncStore } from '../stores/sync';
import { useSettingsStore } from '../stores/settings';
import { useDirectScanStore } from '../stores/direct-scan';
import { useCustomerSelectionStore } from '../stores/customer-selection';
import { useOverviewStore } from '../stores/overview';
import { resumeNewCustomers } from './useCreateCustomer';
import { loadMachineName } from '../platform/machine-name-load';

export function useSignedInLifecycle(): void {
  const session = useSessionStore();
  const sync = useSyncStore();
  const customers = useCustomersStore();
  const mcaState = useMcaStateStore();
  const overview = useOverviewStore();
  const notifications = useNotificationsStore();

  /** New customers a closed window created without queuing their acceptance, finished now. */
  function tellResumed(resumed: Awaited<ReturnType<typeof resumeNewCustomers>>): void {
    for (const { companyName: customer, outcome } of resumed) {
      if (outcome.kind === 'refused')
        notifications.notify(
          'error',
          i18n.global.t('newCustomer.resumeRefused', {
            customer,
            message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error),
          }),
        );
      else if (outcome.kind === 'queued' && outcome.outcome.queued)
        notifications.notify('success', i18n.global.t('newCustomer.resumed', { customer }));
    }
  }

  onStorageFull(() => notifications.notify('error', i18n.global.t('notifications.storageFull')));
  onDatabaseVersionChange(() => notifications.notify('error', i18n.global.t('notifications.databaseChanged')));

  watch(
    () => (session.user ? databaseNameFor(session.backend, session.user.partnerTenantId, session.user.userId) : null),
    async (name, previous) => {
      if (name === previous) return;
      sync.stop();
      customers.reset();
      mcaState.reset();
      overview.reset();
      // A selection names customers of the agent who made it.
      useCustomerSelectionStore().clear();
      if (!name) {
        closeDatabase();
        notifications.clear();
        return;
      }
      // Started at launch; asked again here in case main could not answer then (nothing if known).
      void loadMachineName();
      openDatabase(name);
      if (session.takeSignIn()) void recordAgentAction('signed-in', { detail: `at ${session.backend}` });
      sync.start();
      // The earliest acceptance day the forms and the import check against is the main process's setting.
      void useSettingsStore().load();
      // The Overview's last figures first: they are shown while 100,000 customers are read back.
      void overview.load().catch(() => undefined);
      await Promise.all([customers.load(), mcaState.load()]).catch((error: unknown) =>
        notifications.notify('error', i18n.global.t('errors.generic', { message: String(error) })),
      );
      if (navigator.onLine) {
        void mcaState.refreshRecords();
        void resumeNewCustomers().then(tellResumed, () => undefined);
      }
    },
    { immediate: true },
  );

  // The direct-acceptance scan runs in the sync leader window, on the agent's database.
  useDirectScanStore().follow();

  // The same agent signed in again after the sign-in expired: send what waited.
  watch(
    () => session.expired,
    (expired, wasExpired) => {
      if (wasExpired && !expired && session.user) sync.resume();
    },
  );
}
