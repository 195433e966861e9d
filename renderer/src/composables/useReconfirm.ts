/**
 * "Re-confirm": plans the MCA refresh for the selected customers and queues one item per customer in
 * the outbox (each visible there, sent in the background, resumed after a restart).
 */
import { ref } from 'vue';
import { db } from '../db/database';
import { DexieOutboxStorage } from '../db/outbox-storage';
import { planReattestation, type ReattestSkip } from '../refresh/reattest-plan';
import { enqueueMany } from '../outbox/enqueue-many';
import { useCustomersStore } from '../stores/customers';
import { useMcaStateStore } from '../stores/mca-state';
import { useOutboxStore } from '../stores/outbox';
import { useSessionStore } from '../stores/session';
import { useSyncStore } from '../stores/sync';
import { useAcceptanceDateLimits } from './useAcceptanceDateLimits';

export interface ReconfirmResult {
  queued: number;
  skipped: ReattestSkip[];
  date: string;
}

export function useReconfirm() {
  const customers = useCustomersStore();
  const mcaState = useMcaStateStore();
  const outbox = useOutboxStore();
  const session = useSessionStore();
  const sync = useSyncStore();
  const progress = ref<{ done: number; total: number } | null>(null);

  const { today } = useAcceptanceDateLimits();

  async function reconfirm(customerIds: readonly string[]): Promise<ReconfirmResult> {
    if (!session.mayAttest) throw new Error('not-allowed');
    const date = today();
    const plan = planReattestation({
      customerIds,
      states: mcaState.states,
      local: outbox.localStates,
      nameOf: (id) => customers.byId(id)?.companyName ?? id,
      today: date,
    });
    progress.value = { done: 0, total: plan.items.length };
    try {
      const actor = session.user?.userName ?? 'unknown';
      const queued = await enqueueMany(plan.items, { storage: new DexieOutboxStorage(db()), actor, now: Date.now }, (done) => {
        progress.value = { done, total: plan.items.length };
        sync.trigger('enqueue');
      });
      return { queued: queued.length, skipped: plan.skipped, date };
    } finally {
      progress.value = null;
    }
  }

  return { reconfirm, progress, today };
}
