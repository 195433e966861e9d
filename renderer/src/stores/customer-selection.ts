/**
 * The customers picked in the Customers list for bulk work (the evidence pack of a selection), by
 * tenant id; the selection survives a new search or filter (the agent may gather customers from
 * several searches).
 */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { useIdSelection } from './id-selection';

export const useCustomerSelectionStore = defineStore('customer-selection', () => {
  const { isSelected, toggle, add, clear, ids } = useIdSelection();
  return { isSelected, toggle, selectAll: add, clear, ids, count: computed(() => ids.value.length) };
});
