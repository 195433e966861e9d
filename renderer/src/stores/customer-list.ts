/**
 * The Customers page's view: the search text, the MCA status filter and the sort, and the rows they
 * give. Kept in a store so the list is as the agent left it when they come back from a customer.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef, watch } from 'vue';
import { mcaStatusOf, mcaStatuses, type McaStatus } from '../domain/mca-status';
import { filterSearch } from '../search/customer-search';
import { arrangeRows, sortOrderBy, sortOrderByCode, type SortOrder } from '../search/customer-list-view';
import type { CustomerRow } from '../db/rows';
import { useCustomersStore } from './customers';
import { useMcaStateStore } from './mca-state';
import { useOutboxStore } from './outbox';

export type SortKey = 'companyName' | 'domain' | 'id' | 'status';

export const useCustomerListStore = defineStore('customerList', () => {
  const customers = useCustomersStore();
  const mcaState = useMcaStateStore();
  const outbox = useOutboxStore();

  const query = ref('');
  const statusFilter = ref<McaStatus | 'all'>('all');
  const sortKey = ref<SortKey>('companyName');
  const descending = ref(false);

  /**
   * Each customer's status as a code (index into `mcaStatuses`), aligned with the records. Derived
   * in full once per data set; after that only the customers whose backend state or outbox items
   * changed since the versions last used are re-derived (a save or a confirmation touches one
   * customer, not 100,000).
   */
  let derived: {
    rows: readonly CustomerRow[];
    mcaVersion: number;
    directVersion: number;
    outboxVersion: number;
    codes: Uint8Array;
  } | null = null;
  const statusCodes = computed(() => {
    const mcaVersion = mcaState.version;
    const directVersion = mcaState.directVersion;
    const outboxVersion = outbox.version;
    const rows = customers.records;
    const states = mcaState.states;
    const direct = mcaState.direct;
    const local = outbox.localStates;
    const codeOf = (id: string) => mcaStatuses.indexOf(mcaStatusOf(states.get(id), local.get(id), direct.get(id)));
    const changed = derived && derived.rows === rows ? changedSince(derived) : null;
    let codes: Uint8Array;
    if (derived && changed) {
      codes = derived.codes.slice();
      const positions = customers.positions;
      for (const id of changed) {
        const position = positions.get(id);
        if (position !== undefined) codes[position] = codeOf(id);
      }
    } else {
      codes = new Uint8Array(rows.length);
      for (let position = 0; position < rows.length; position++) codes[position] = codeOf((rows[position] as { id: string }).id);
    }
    derived = { rows, mcaVersion, directVersion, outboxVersion, codes };
    return markRaw(codes);
  });

  /** The customers either change feed touched since `previous`, or null when one of them cannot tell. */
  function changedSince(previous: NonNullable<typeof derived>): Set<string> | null {
    const backend = mcaState.changedSince(previous.mcaVersion);
    const direct = mcaState.directChangedSince(previous.directVersion);
    const local = outbox.changedSince(previous.outboxVersion);
    if (backend === null || direct === null || local === null) return null;
    for (const id of local) backend.add(id);
    for (const id of direct) backend.add(id);
    return backend;
  }

  /** How many customers have each status (the filter's counts), in the order of `mcaStatuses`. */
  const statusCounts = computed(() => {
    const counts = new Array<number>(mcaStatuses.length).fill(0);
    for (const code of statusCodes.value) counts[code] = (counts[code] ?? 0) + 1;
    return counts;
  });

  function countOf(status: McaStatus): number {
    return statusCounts.value[mcaStatuses.indexOf(status)] ?? 0;
  }

  /** A getter, not an action: every row in view asks it on every keystroke (see customer-selection.ts). */
  const statusOf = computed(() => {
    const codes = statusCodes.value;
    return (position: number): McaStatus => mcaStatuses[codes[position] ?? 0] as McaStatus;
  });

  /** Matching positions, ascending: the index for the indexed part, a scan for rows downloaded since. */
  const matches = computed(() => {
    const rows = customers.records;
    const index = customers.index;
    const indexed = index && index.size <= rows.length ? index.search(query.value) : new Uint32Array(0);
    const from = index && index.size <= rows.length ? index.size : 0;
    if (from === rows.length) return indexed;
    const tail = filterSearch(rows.slice(from), query.value).map((position) => position + from);
    const all = new Uint32Array(indexed.length + tail.length);
    all.set(indexed);
    all.set(tail, indexed.length);
    return markRaw(all);
  });

  // Column orders are computed once per data set (and per status change for the status column).
  const orderCache = shallowRef(new Map<SortKey, SortOrder | null>());
  watch(
    () => customers.records,
    () => {
      orderCache.value = new Map();
    },
  );

  function orderFor(key: SortKey): SortOrder | null {
    const rows = customers.records;
    if (key === 'status') return sortOrderByCode(statusCodes.value, mcaStatuses.length);
    const cached = orderCache.value.get(key);
    if (cached !== undefined) return cached;
    let order: SortOrder | null;
    if (key === 'companyName' && isInNameOrder(rows)) order = null;
    else order = sortOrderBy(rows.length, (position) => keyOf(rows[position] as CustomerRow, key));
    orderCache.value.set(key, order ? markRaw(order) : null);
    return order;
  }

  const rows = computed(() => {
    const total = customers.records.length;
    const sort = orderFor(sortKey.value);
    // The status codes are read only when a status filter decides the rows (the status sort reads
    // them in orderFor): otherwise a status that changes in the background (the direct-acceptance
    // scan writes a result about every 250 ms) would re-arrange the whole list, and reset its scroll.
    const filter =
      statusFilter.value === 'all' ? null : { statusCodes: statusCodes.value, statusFilter: mcaStatuses.indexOf(statusFilter.value) };
    return markRaw(
      arrangeRows(matches.value, total, {
        ...filter,
        ...(sort ? { sort } : {}),
        descending: descending.value,
      }),
    );
  });

  function sortBy(key: SortKey): void {
    if (sortKey.value === key) descending.value = !descending.value;
    else {
      sortKey.value = key;
      descending.value = false;
    }
  }

  return { query, statusFilter, sortKey, descending, rows, statusOf, countOf, sortBy };
});

function keyOf(row: CustomerRow, key: Exclude<SortKey, 'status'>): string {
  return key === 'companyName' ? row.nameKey : row[key].toLowerCase();
}

/** Rows loaded from the cache come in name order already; then the name column needs no sort. */
function isInNameOrder(rows: readonly CustomerRow[]): boolean {
  for (let position = 1; position < rows.length; position++)
    if ((rows[position - 1] as CustomerRow).nameKey > (rows[position] as CustomerRow).nameKey) return false;
  return true;
}
