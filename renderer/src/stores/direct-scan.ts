/**
 * Runs the direct-acceptance scan (scan/direct-sign-scan.ts) for the signed-in agent, in the sync
 * leader window only (the outbox's Web Lock: `sync.leading`), and tells the status bar how far it
 * is. The answers go to IndexedDB (`directAcceptance`, through the MCA state store), so another
 * window that becomes leader, or the next start, goes on where this one stopped. Pausing is kept in
 * the local database too: a paused scan stays paused after a restart until the agent resumes it.
 */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { DEFAULT_DIRECT_SCAN_SHARE } from '../../../shared/domain/settings-form';
import { db, hasDatabase } from '../db/database';
import { AgentActivity } from '../platform/agent-activity';
import { call } from '../platform/api';
import { RATE_LIMIT_PER_MINUTE } from '../outbox/watch-budget';
import { DirectSignScan, ScanCallError, scanFailureOf, type ScanCustomer, type ScanProgress } from '../scan/direct-sign-scan';
import { AnswerBatch, LatestEvery } from '../scan/coalesce';
import { useCustomersStore } from './customers';
import { useMcaStateStore } from './mca-state';
import { useSettingsStore } from './settings';
import { useSyncStore } from './sync';
import { useSessionStore } from './session';

const PAUSED_KEY = 'directScan.paused';

const browserTimers = {
  now: () => Date.now(),
  setTimeout: (callback: () => void, ms: number) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as number),
};

export const useDirectScanStore = defineStore('directScan', () => {
  const progress = ref<ScanProgress | null>(null);
  const paused = ref(false);
  let scan: DirectSignScan | null = null;
  // The answers are kept, and the progress shown, at most once a second (scan/coalesce.ts says why).
  let answers: AnswerBatch<{ customerId: string; isSigned: boolean; checkedAt: number }> | null = null;
  let shown: LatestEvery<ScanProgress> | null = null;
  let published = 0;
  // The scan waits while the agent types, clicks or scrolls (platform/agent-activity.ts says why).
  const agent = new AgentActivity(browserTimers.now);
  let unwatchAgent: (() => void) | null = null;

  function share(): number {
    return useSettingsStore().settings?.directScanShare ?? DEFAULT_DIRECT_SCAN_SHARE;
  }

  async function customers(): Promise<ScanCustomer[]> {
    const list = useCustomersStore();
    const mcaState = useMcaStateStore();
    // Before the partner-wide records came once, every customer would look unconfirmed: wait for them.
    if (mcaState.updatedAt === null) return [];
    return list.records.map((row) => ({
      customerId: row.id,
      partnerConfirmed: mcaState.states.get(row.id)?.partnerAttestationCompleted === true,
      checkedAt: mcaState.direct.get(row.id)?.checkedAt ?? null,
    }));
  }

  function begin(): void {
    if (scan) return;
    const mcaState = useMcaStateStore();
    const database = db();
    // Answers for a database that was closed meanwhile (signed out, another agent) are not written to the next one.
    const batch = new AnswerBatch(
      (kept: Array<{ customerId: string; isSigned: boolean; checkedAt: number }>) =>
        hasDatabase() && db() === database ? mcaState.saveDirectAcceptances(kept) : Promise.resolve(),
      browserTimers,
    );
    const latest = new LatestEvery<ScanProgress>((next) => {
      progress.value = next;
    }, browserTimers);
    answers = batch;
    shown = latest;
    unwatchAgent = typeof window === 'undefined' ? null : agent.watch(window);
    scan = new DirectSignScan({
      timers: browserTimers,
      agentBusyUntil: () => agent.busyUntil(),
      limitPerMinute: RATE_LIMIT_PER_MINUTE,
      share: share(),
      ports: {
        customers,
        async check(customerId) {
          try {
            return (await call('getDirectSignStatus', { customerId })).isSigned;
          } catch (error) {
            throw new ScanCallError(scanFailureOf(error));
          }
        },
        save: async (customerId, isSigned, checkedAt) => batch.add({ customerId, isSigned, checkedAt }),
      },
      onProgress: (next) => {
        const current = progress.value;
        const mine = ++published;
        // Out of work or paused: the answers so far are written before the status bar says so (unless newer progress came meanwhile).
        if (!next.running || next.paused)
          void batch.flush().then(() => {
            if (mine === published && shown === latest) latest.push(next, true);
          });
        else latest.push(next, !current || current.running !== next.running || current.heldUntil !== next.heldUntil || next.needsSignIn);
      },
      onError: () => undefined,
    });
    if (paused.value) scan.pause();
    scan.start();
  }

  function end(): void {
    scan?.stop();
    scan = null;
    unwatchAgent?.();
    unwatchAgent = null;
    void answers?.flush();
    answers = null;
    shown?.cancel();
    shown = null;
    progress.value = null;
  }

  /** Follows leadership, the sign-in, the data the plan depends on and the setting. Call once (App). */
  function follow(): void {
    const sync = useSyncStore();
    const session = useSessionStore();
    const list = useCustomersStore();
    const mcaState = useMcaStateStore();
    watch(
      () => [sync.leading, session.user?.userId ?? null] as const,
      async ([leading, user]) => {
        end();
        if (!leading || !user || !hasDatabase()) return;
        paused.value = ((await db().meta.get(PAUSED_KEY))?.value as boolean | undefined) === true;
        if (sync.leading && !scan) begin();
      },
      { immediate: true },
    );
    // New customers, or partner confirmations that came or went: plan again.
    watch(
      () => [list.records, mcaState.version, mcaState.updatedAt] as const,
      () => scan?.refresh(),
    );
    watch(share, (next) => scan?.setShare(next));
    // Signed in again after the session expired: go on.
    watch(
      () => session.expired,
      (expired, was) => {
        if (was && !expired && !paused.value) scan?.resume();
      },
    );
  }

  async function setPaused(value: boolean): Promise<void> {
    paused.value = value;
    if (value) scan?.pause();
    else scan?.resume();
    if (hasDatabase()) await db().meta.put({ key: PAUSED_KEY, value });
  }

  return { progress, paused, follow, pause: () => setPaused(true), resume: () => setPaused(false) };
});
