/**
 * Everything the customer screens show about one customer, local first: the cached row, details,
 * confirmations and MCA state at once, refreshed from the backend when online (details, history and
 * direct-sign status are fetched when a customer is opened, never for all customers up front).
 */
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { AgreementRecord } from '../../../shared/domain/agreement';
import { db } from '../db/database';
import type { ConfirmationsRow, CustomerDetailRow, DirectAcceptanceRow, McaStateRow, OutboxItem } from '../db/rows';
import { guardStorage } from '../db/storage-errors';
import { call } from '../platform/api';
import { useLiveQuery } from './useLiveQuery';
import { deriveCustomerState, localStatesOf } from '../domain/mca-status';
import { backendRecordsOf } from '../outbox/save-rules';
import { useCustomersStore } from '../stores/customers';
import { useMcaStateStore } from '../stores/mca-state';

export function useCustomerDetail(customerId: MaybeRefOrGetter<string>) {
  const customers = useCustomersStore();
  const mcaStore = useMcaStateStore();
  const id = computed(() => toValue(customerId));

  const summary = computed(() => customers.byId(id.value));
  const details = useLiveQuery(() => db().customerDetails.get(id.value), undefined as CustomerDetailRow | undefined, [id]);
  const confirmations = useLiveQuery(() => db().confirmations.get(id.value), undefined as ConfirmationsRow | undefined, [id]);
  const mcaState = useLiveQuery(() => db().mcaState.get(id.value), undefined as McaStateRow | undefined, [id]);
  const directAcceptance = useLiveQuery(() => db().directAcceptance.get(id.value), undefined as DirectAcceptanceRow | undefined, [id]);
  const items = useLiveQuery(() => db().outbox.where('customerId').equals(id.value).toArray(), [] as OutboxItem[], [id]);
  const activeItems = computed(() =>
    items.value.filter((item) => item.state === 'queued' || item.state === 'sending' || item.state === 'failed'),
  );

  const detailsError = ref<string | null>(null);
  const loading = ref(false);

  const name = computed(() => summary.value?.companyName ?? details.value?.companyName ?? '');
  /** The customer's state from every source (the list's derivation, with the history when fetched). */
  const state = computed(() =>
    deriveCustomerState({
      partner: mcaState.value,
      history: confirmations.value?.items,
      historyCheckedAt: confirmations.value?.fetchedAt ?? null,
      direct: directAcceptance.value,
      local: localStatesOf(activeItems.value).get(id.value),
    }),
  );
  const status = computed(() => state.value.status);

  /** The backend's confirmations, oldest first. */
  const backendRecords = computed<AgreementRecord[]>(() => backendRecordsOf(id.value, confirmations.value?.items, mcaState.value));

  /** Fetches details, confirmations and direct-sign status; each failure is kept, none blocks the others. */
  async function refresh(): Promise<void> {
    const customerId = id.value;
    loading.value = true;
    detailsError.value = null;
    const results = await Promise.allSettled([
      customers.fetchDetails(customerId),
      call('listConfirmations', { customerId }).then((answer) =>
        guardStorage(() => db().confirmations.put({ customerId, items: answer.items, fetchedAt: Date.now() })),
      ),
      mcaStore.refreshDirectSign(customerId),
    ]);
    loading.value = false;
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) detailsError.value = failure.reason instanceof Error ? failure.reason.message : String(failure.reason);
  }

  watch(
    id,
    () => {
      if (navigator.onLine) void refresh();
    },
    { immediate: true },
  );

  return {
    id,
    summary,
    details,
    confirmations,
    mcaState,
    directAcceptance,
    state,
    items,
    activeItems,
    name,
    status,
    backendRecords,
    detailsError,
    loading,
    refresh,
  };
}
