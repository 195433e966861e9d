/**
 * MCA refresh: the customers that can be re-confirmed (a partner attestation exists), the agent's
 * search over them, and the selection. Built for 100,000 customers: rows are positions into the
 * customers cache, the selection is a Set of ids, and Vue tracks one version number, not each entry.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { CustomerRow } from '../db/rows';
import { filterSearch } from '../search/customer-search';
import { isReattestable } from '../refresh/reattest-plan';
import { useCustomersStore } from './customers';
import { useMcaStateStore } from './mca-state';

export const useReconfirmStore = defineStore('reconfirm', () => {
  const customers = useCustomersStore();
  const mcaState = useMcaStateStore();
  const query = ref('');
  const selected = shallowRef<Set<string>>(markRaw(new Set()));
  const selectionVersion = ref(0);

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

  // Getters, not functions of the store: Pinia wraps each function a store returns as an action (an
  // argument copy and two Sets per call), and the grid asks both for every row in view on every render.
  const rowAt = computed(() => {
    const shown = rows.value;
    const records = customers.records;
    return (index: number): CustomerRow | undefined => {
      const position = shown[index];
      return position === undefined ? undefined : records[position];
    };
  });

  const isSelected = computed(() => {
    void selectionVersion.value;
    const ids = selected.value;
    return (id: string): boolean => ids.has(id);
  });

  function changed(): void {
    selectionVersion.value += 1;
  }

  function toggle(id: string): void {
    if (selected.value.has(id)) selected.value.delete(id);
    else selected.value.add(id);
    changed();
  }

  /** Selects every customer shown (the search applies). */
  function selectShown(): void {
    const records = customers.records;
    for (const position of rows.value) selected.value.add((records[position] as CustomerRow).id);
    changed();
  }

  function clear(): void {
    selected.value.clear();
    changed();
  }

  /** Selected ids, dropping any that are no longer eligible (their state changed meanwhile). */
  const selectedIds = computed(() => {
    void selectionVersion.value;
    void mcaState.version;
    return [...selected.value].filter((id) => isReattestable(mcaState.states.get(id)));
  });

  const shownSelectedCount = computed(() => {
    void selectionVersion.value;
    const records = customers.records;
    let count = 0;
    for (const position of rows.value) if (selected.value.has((records[position] as CustomerRow).id)) count += 1;
    return count;
  });

  return { query, rows, eligible, selectionVersion, rowAt, isSelected, toggle, selectShown, clear, selectedIds, shownSelectedCount };
});
