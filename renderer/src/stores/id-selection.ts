/**
 * A selection of ids that stays cheap at 100,000 rows: a Set with one version number Vue tracks, not
 * each entry. The Customers list's selection and the re-confirmation screen's are both this.
 */
import { computed, markRaw, ref } from 'vue';

export function useIdSelection() {
  const selected = markRaw(new Set<string>());
  const version = ref(0);

  // A getter, not a function the store returns: Pinia wraps each such function as an action (an
  // argument copy and two Sets per call), and a grid asks this for every row in view on every render.
  const isSelected = computed(() => {
    void version.value;
    return (id: string): boolean => selected.has(id);
  });

  function toggle(id: string): void {
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    version.value += 1;
  }

  function add(ids: Iterable<string>): void {
    for (const id of ids) selected.add(id);
    version.value += 1;
  }

  function clear(): void {
    selected.clear();
    version.value += 1;
  }

  /** The selected ids, in the order they were picked. */
  const ids = computed(() => {
    void version.value;
    return [...selected];
  });

  return { version, isSelected, toggle, add, clear, ids };
}
