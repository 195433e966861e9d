import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { useRowSlots } from '../../../../renderer/src/composables/useRowSlots';
import type { RowWindowItem } from '../../../../renderer/src/composables/useRowWindow';

const ROW = 40;
const windowOf = (first: number, last: number): RowWindowItem[] =>
  Array.from({ length: last - first }, (_, at) => ({ index: first + at, start: (first + at) * ROW }));

function setup(rows: string[], first: number, last: number) {
  const data = ref(rows);
  const items = ref(windowOf(first, last));
  const slots = useRowSlots(
    () => items.value,
    (index) => data.value[index],
  );
  // The grid renders what it starts with.
  void slots.value;
  const shown = () => slots.value.filter((slot) => slot.shown).map((slot) => [slot.key, slot.index, slot.view]);
  const hidden = () => slots.value.filter((slot) => !slot.shown).map((slot) => [slot.key, slot.index, slot.view]);
  return { data, items, slots, shown, hidden };
}

describe('the grid keeps its row elements (useRowSlots)', () => {
  it('gives every row in view its own key, in row order', () => {
    const { shown } = setup(['a', 'b', 'c', 'd'], 0, 4);
    expect(shown()).toEqual([
      [0, 0, 'a'],
      [1, 1, 'b'],
      [2, 2, 'c'],
      [3, 3, 'd'],
    ]);
  });

  it('scrolling one row on hands the row that left its element (its key) to the row that entered', () => {
    const { items, shown, hidden } = setup(['a', 'b', 'c', 'd', 'e'], 0, 4);
    items.value = windowOf(1, 5);
    expect(shown()).toEqual([
      [1, 1, 'b'],
      [2, 2, 'c'],
      [3, 3, 'd'],
      [0, 4, 'e'],
    ]);
    expect(hidden()).toEqual([]);
  });

  it('keeps, hidden, the elements a shorter list does not need, and shows them again with the same keys', () => {
    const { data, items, slots, shown, hidden } = setup(['a', 'b', 'c', 'd'], 0, 4);
    data.value = ['x'];
    items.value = windowOf(0, 1);
    expect(shown()).toEqual([[0, 0, 'x']]);
    // What they showed last, so hiding them changes nothing else in them.
    expect(hidden()).toEqual([
      [1, 1, 'b'],
      [2, 2, 'c'],
      [3, 3, 'd'],
    ]);
    data.value = [];
    items.value = [];
    expect(shown()).toEqual([]);
    expect(hidden().map(([key]) => key)).toEqual([0, 1, 2, 3]);
    data.value = ['p', 'q', 'r', 's'];
    items.value = windowOf(0, 4);
    expect(shown()).toEqual([
      [0, 0, 'p'],
      [1, 1, 'q'],
      [2, 2, 'r'],
      [3, 3, 's'],
    ]);
    expect(slots.value).toHaveLength(4);
  });

  it('a taller view adds slots, every key still distinct', () => {
    const { items, slots } = setup(
      Array.from({ length: 50 }, (_, at) => `row ${at}`),
      0,
      3,
    );
    items.value = windowOf(10, 17);
    const keys = slots.value.map((slot) => slot.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(slots.value.filter((slot) => slot.shown).map((slot) => slot.index)).toEqual([10, 11, 12, 13, 14, 15, 16]);
  });

  it('leaves out an index with nothing to show yet', () => {
    const { shown } = setup(['a', 'b'], 0, 3);
    expect(shown()).toEqual([
      [0, 0, 'a'],
      [1, 1, 'b'],
    ]);
  });
});
