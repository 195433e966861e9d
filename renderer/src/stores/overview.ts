/**
 * The Overview's figures: live once every customer and MCA state is read, else the snapshot kept
 * the last time they were (`overview/overview-snapshot.ts`), marked with its time. The live figures
 * are the Customers list's own counts and `overviewCharts` over the same rows; the snapshot is
 * written from them, so the two can only differ by what changed since.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef, watch } from 'vue';
import { mcaStatuses, type McaStatus } from '../domain/mca-status';
import { db, hasDatabase, type McaDeskDatabase } from '../db/database';
import { overviewCharts } from '../overview/charts-data';
import { readOverviewSnapshot, writeOverviewSnapshot, type OverviewFigures, type OverviewSnapshot } from '../overview/overview-snapshot';
import { useCustomerListStore } from './customer-list';
import { useCustomersStore } from './customers';
import { useMcaStateStore } from './mca-state';
import { useOutboxStore } from './outbox';

/** After the whole book was read: soon, so a start right after this one has figures to show. */
const FIRST_WRITE_MS = 2_000;
/**
 * While the Overview is shown its figures are computed anyway: keep the latest soon after a change.
 * Elsewhere nothing is kept after the first time: deriving both charts over 100,000 customers is a
 * task of about 400 ms (profiled during the search benchmark), in the way of whatever the agent types.
 */
const WRITE_SHOWN_MS = 5_000;

export const useOverviewStore = defineStore('overview', () => {
  const customers = useCustomersStore();
  const list = useCustomerListStore();
  const mcaState = useMcaStateStore();
  const outbox = useOutboxStore();

  const snapshot = shallowRef<OverviewSnapshot | null>(null);
  /** How many Overview pages are mounted (the snapshot is kept sooner while one is). */
  const shown = ref(0);

  /** The whole cache and every MCA state are read: the figures are the book's. */
  const liveReady = computed(() => customers.loaded && !customers.reading && mcaState.loaded);

  const charts = computed(() => {
    // The stores keep their rows out of Vue's reactivity; these say when they changed.
    void mcaState.version;
    void mcaState.directVersion;
    // The search index follows the cached details, where a customer's country comes from once opened.
    void customers.index;
    return markRaw(
      overviewCharts(
        {
          rows: customers.records,
          statusAt: (position) => list.statusOf(position),
          countryOf: (id) => customers.countryOf(id),
          partnerOf: (id) => mcaState.states.get(id),
          directOf: (id) => mcaState.direct.get(id),
        },
        Date.now(),
      ),
    );
  });

  const live = computed<OverviewFigures | null>(() => {
    if (!liveReady.value) return null;
    const counts = Object.fromEntries(mcaStatuses.map((status) => [status, list.countOf(status)])) as Record<McaStatus, number>;
    return { total: customers.records.length, counts, charts: charts.value };
  });

  /** What the Overview shows: the live figures, else the last snapshot, else nothing yet. */
  const figures = computed<OverviewFigures | null>(() => live.value ?? snapshot.value);
  /** When the figures shown were derived, while they are the snapshot's (null when live or none). */
  const asOf = computed(() => (live.value ? null : (snapshot.value?.at ?? null)));

  let timer: ReturnType<typeof setTimeout> | null = null;
  let dueAt = Number.POSITIVE_INFINITY;
  let job = 0;

  function schedule(delay: number): void {
    if (Date.now() + delay >= dueAt) return;
    if (timer) clearTimeout(timer);
    dueAt = Date.now() + delay;
    const mine = job;
    // The figures are this database's: if another one is open by then, they are not kept in it.
    const database = hasDatabase() ? db() : null;
    timer = setTimeout(() => void keep(mine, database), delay);
  }

  async function keep(mine: number, database: McaDeskDatabase | null): Promise<void> {
    timer = null;
    dueAt = Number.POSITIVE_INFINITY;
    const figuresNow = live.value;
    if (mine !== job || !figuresNow || !database || !hasDatabase() || db() !== database) return;
    const kept: OverviewSnapshot = { ...figuresNow, at: Date.now() };
    // A convenience: a full disk is reported by the write (guardStorage), nothing else depends on it.
    await writeOverviewSnapshot(database, kept).catch(() => undefined);
    if (mine === job) snapshot.value = markRaw(kept);
  }

  /** Reads the last snapshot of this agent's database (before the customers, so it is shown first). */
  async function load(): Promise<void> {
    const mine = job;
    const stored = await readOverviewSnapshot(db());
    if (mine === job && !live.value) snapshot.value = stored ? markRaw(stored) : null;
  }

  function reset(): void {
    job += 1;
    if (timer) clearTimeout(timer);
    timer = null;
    dueAt = Number.POSITIVE_INFINITY;
    snapshot.value = null;
  }

  // Changes are cheap to watch (versions and references); the figures are derived only when kept.
  watch(liveReady, (ready) => {
    if (ready) schedule(FIRST_WRITE_MS);
  });
  watch(
    () => [mcaState.version, mcaState.directVersion, outbox.version, customers.records, customers.index] as const,
    () => {
      if (liveReady.value && shown.value > 0) schedule(WRITE_SHOWN_MS);
    },
  );

  return {
    figures,
    asOf,
    liveReady,
    load,
    reset,
    /** The Overview page says it is shown (and returns the call that says it is gone). */
    showing(): () => void {
      shown.value += 1;
      // Shown, its figures are derived for the page anyway: keep them (they may have changed elsewhere).
      if (liveReady.value) schedule(WRITE_SHOWN_MS);
      return () => {
        shown.value -= 1;
      };
    },
  };
});
