import { describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useRowWindow } from '../../../../renderer/src/composables/useRowWindow';

const ROW = 40;

function setup(count: number) {
  const scope = effectScope();
  const window = scope.run(() => useRowWindow(() => count, ROW, { overscan: 4 }))!;
  return { window, stop: () => scope.stop() };
}

describe('the rows the grid draws (useRowWindow)', () => {
  it('draws the rows in view and a few below them', () => {
    const { window, stop } = setup(1_000);
    // No layout here: the view is taken as 600 px, 15 rows, and 4 more below.
    expect(window.items.value.map((item) => item.index)).toEqual(Array.from({ length: 19 }, (_, at) => at));
    expect(window.items.value[3]).toEqual({ index: 3, start: 3 * ROW });
    stop();
  });

  it('after deferOverscan, the next frame draws only the rows in view; the rows below follow after it', async () => {
    const { window, stop } = setup(1_000);
    window.deferOverscan();
    expect(window.items.value).toHaveLength(15);
    await vi.waitFor(() => expect(window.items.value).toHaveLength(19));
    stop();
  });

  it('never draws past the end of a short list', () => {
    const { window, stop } = setup(3);
    expect(window.items.value.map((item) => item.index)).toEqual([0, 1, 2]);
    window.deferOverscan();
    expect(window.items.value.map((item) => item.index)).toEqual([0, 1, 2]);
    stop();
  });
});
