/**
 * MCA refresh: the customers that can be re-confirmed (a partner attestation exists), the agent's
 * search over them, and the selection. Built for 100,000 customers: rows are positions into the
 * customers cache, the selection is a Set of ids, and Vue tracks one version number, not each entry.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref } from 'vue';
import type { CustomerRow } from '../db/rows';
import { filterSearch } from '../search/customer-search';
import { isReattestable } from '../refresh/reattest-plan';
import { useCustomersStore } from './customers';
import { useIdSelection } from './id-selection';
import { useMcaStateStore } from './mca-state';

export const useReconfirmStore = defineStore('reconfirm', () => {
  const customers = useCustomersStore();
  const mcaState = useMcaStateStore();
  const query = ref('');
  const selection = useIdSelection();

  /** Positions (into the customers cache, name order) of customers with a partner attestation. */
  const eligible = computed(() => {
    void mcaState.version;
    const rows = customers.records;
    const states = mcaState.states;
    const positions: number[] = [];
    for (let position = 0; position < rows.length; position++)
      if (isReattestable(states.get((rows[position] as CustomerRow).id))) positions.push(position);
    return markRaw(Uint32Array.from(positions));
  });

  /** The eligible customers matching the search, in name order. */
  const rows = computed(() => {
    const all = eligible.value;
    const text = query.value.trim();
    if (!text) return all;
    const records = customers.records;
    const index = customers.index;
    const matching = new Uint8Array(records.length);
    if (index && index.size === records.length) for (const position of index.search(text)) matching[position] = 1;
    else for (const position of filterSearch(records, text)) matching[position] = 1;
    return markRaw(all.filter((position) => matching[position] === 1));
  });

  // A getter, not a function of the store, as `isSelected` (see id-selection.ts): the grid asks it for
  // every row in view on every render.
  const rowAt = computed(() => {
    const shown = rows.value;
    const records = customers.records;
    return (index: number): CustomerRow | undefined => {
      const position = shown[index];
      return position === undefined ? undefined : records[position];
    };
  });

  /** Selects every customer shown (the search applies). */
  function selectShown(): void {
    const records = customers.records;
    selection.add(Array.from(rows.value, (position) => (records[position] as CustomerRow).id));
  }

  /** Selected ids, dropping any that are no longer eligible (their state changed meanwhile). */
  const selectedIds = computed(() => {
    void mcaState.version;
    return selection.ids.value.filter((id) => isReattestable(mcaState.states.get(id)));
  });

  const shownSelectedCount = computed(() => {
    const isSelected = selection.isSelected.value;
    const records = customers.records;
    let count = 0;
    for (const position of rows.value) if (isSelected((records[position] as CustomerRow).id)) count += 1;
    return count;
  });

  const { version: selectionVersion, isSelected, toggle, clear } = selection;
  return { query, rows, eligible, selectionVersion, rowAt, isSelected, toggle, selectShown, clear, selectedIds, shownSelectedCount };
});
