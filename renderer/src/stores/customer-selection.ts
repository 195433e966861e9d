/**
 * The customers picked in the Customers list for bulk work (the evidence pack of a selection). A Set
 * of tenant ids with one version number Vue tracks, not each entry, so 100,000 rows stay cheap; the
 * selection survives a new search or filter (the agent may gather customers from several searches).
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';

export const useCustomerSelectionStore = defineStore('customer-selection', () => {
  const selected = shallowRef<Set<string>>(markRaw(new Set()));
  const version = ref(0);

  // A getter, not a function of the store: Pinia wraps each function a store returns as an action
  // (a Set pair and an argument copy per call), and every row in view asks this on every keystroke.
  const isSelected = computed(() => {
    void version.value;
    const ids = selected.value;
    return (id: string): boolean => ids.has(id);
  });

  function toggle(id: string): void {
    if (selected.value.has(id)) selected.value.delete(id);
    else selected.value.add(id);
    version.value += 1;
  }

  function selectAll(ids: Iterable<string>): void {
    for (const id of ids) selected.value.add(id);
    version.value += 1;
  }

  function clear(): void {
    selected.value.clear();
    version.value += 1;
  }

  /** The selected ids, in the order they were picked. */
  const ids = computed(() => {
    void version.value;
    return [...selected.value];
  });

  return { isSelected, toggle, selectAll, clear, ids, count: computed(() => ids.value.length) };
});
