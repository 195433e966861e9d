/**
 * The grid's row elements, kept for the life of the grid: a row that leaves the view at one edge
 * hands its elements to the row that enters at the other, and elements the rows do not need for now
 * (a search that leaves fewer rows than fit) are hidden, not removed. A keystroke then changes text
 * in existing elements and never creates a row. Creating them cost more than the text: clearing a
 * search that had emptied the list re-created every row in view (a keystroke twice as slow as the
 * others, measured in the benchmark's browser).
 */
import { computed, type ComputedRef } from 'vue';
import type { RowWindowItem } from './useRowWindow';

export interface RowSlot<V> {
  /** Stable across keystrokes and scrolling: the row element Vue keeps for this slot. */
  key: number;
  index: number;
  start: number;
  view: V;
  /** False for an element kept while no row needs it (it shows its last row, hidden). */
  shown: boolean;
}

/**
 * `items` must be contiguous indices (a window of the list), as useRowWindow gives them. `viewOf`
 * answers what a row shows, or undefined when there is nothing to show at that index yet.
 */
export function useRowSlots<V>(items: () => readonly RowWindowItem[], viewOf: (index: number) => V | undefined): ComputedRef<RowSlot<V>[]> {
  // The most rows ever in view at once, and what each slot last showed. Not reactive: they only
  // remember what the previous run gave.
  let capacity = 0;
  let lastShown: (RowSlot<V> | undefined)[] = [];
  return computed(() => {
    const window = items();
    if (window.length > capacity) {
      // Keys follow from the capacity, so a bigger view (a taller window) starts the slots afresh.
      capacity = window.length;
      lastShown = [];
    }
    const slots: RowSlot<V>[] = [];
    const used = new Uint8Array(capacity);
    for (const item of window) {
      const view = viewOf(item.index);
      if (view === undefined) continue;
      // At most `capacity` consecutive indices: their remainders are distinct.
      const key = item.index % capacity;
      used[key] = 1;
      const slot = { key, index: item.index, start: item.start, view, shown: true };
      lastShown[key] = slot;
      slots.push(slot);
    }
    for (let key = 0; key < capacity; key++) {
      const kept = lastShown[key];
      if (used[key] || !kept) continue;
      // Hidden once, then the same object on every later run while no row needs it.
      if (kept.shown) lastShown[key] = { ...kept, shown: false };
      slots.push(lastShown[key] as RowSlot<V>);
    }
    return slots;
  });
}
