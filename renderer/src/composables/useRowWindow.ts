/**
 * A virtual list for rows of one fixed height: only the rows in view (plus a few) exist in the DOM,
 * worked out from the scroll position in time proportional to those rows. A general virtualiser
 * rebuilds a measurement per row whenever the row count changes, which is 100,000 objects on a
 * keystroke that changes the search results.
 */
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';

export interface RowWindowItem {
  index: number;
  /** Offset of the row's top from the list's top, in pixels. */
  start: number;
}

export interface RowWindow {
  /** Bind to the scrolling element. */
  scroller: Ref<HTMLElement | null>;
  items: Readonly<Ref<RowWindowItem[]>>;
  totalSize: Readonly<Ref<number>>;
  /** Scrolls the least needed to show the row. */
  scrollToIndex(index: number): void;
  scrollToTop(): void;
  /**
   * The next frame shows only the rows in view; the rows kept around them (the overscan) follow in
   * the frame after. For a change of every row (a keystroke in the search): it pays for what it shows.
   */
  deferOverscan(): void;
  /** How many rows fit in the view (at least 1). */
  rowsInView(): number;
}

/** Runs `callback` in a task after the next frame is drawn (a timer where there are no frames). */
function afterNextFrame(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(callback, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(callback, 0));
}

/** Rows assumed in view until the element has a size (before layout, or in a DOM without layout). */
const FALLBACK_HEIGHT = 600;

/**
 * `inset`: pixels at the top of the scroller that the rows never show through (a sticky header row
 * inside it); the rows' own offsets start below it.
 */
export function useRowWindow(count: () => number, rowHeight: number, options: { overscan?: number; inset?: number } = {}): RowWindow {
  const overscan = options.overscan ?? 10;
  const inset = options.inset ?? 0;
  const scroller = ref<HTMLElement | null>(null);
  const scrollTop = ref(0);
  const height = ref(0);
  const overscanDeferred = ref(false);

  const onScroll = () => {
    if (scroller.value) scrollTop.value = scroller.value.scrollTop;
  };
  const resizer =
    typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => (height.value = scroller.value?.clientHeight ?? 0));
  watch(scroller, (element, previous) => {
    previous?.removeEventListener('scroll', onScroll);
    if (previous) resizer?.unobserve(previous);
    if (!element) return;
    element.addEventListener('scroll', onScroll, { passive: true });
    resizer?.observe(element);
    height.value = element.clientHeight;
    scrollTop.value = element.scrollTop;
  });
  onBeforeUnmount(() => {
    scroller.value?.removeEventListener('scroll', onScroll);
    resizer?.disconnect();
  });

  // The height the rows show through: the scroller's, less the sticky header's.
  const view = () => Math.max((height.value || FALLBACK_HEIGHT) - inset, rowHeight);
  const items = computed(() => {
    const total = count();
    const around = overscanDeferred.value ? 0 : overscan;
    const first = Math.max(0, Math.floor(scrollTop.value / rowHeight) - around);
    const last = Math.min(total, Math.ceil((scrollTop.value + view()) / rowHeight) + around);
    const out: RowWindowItem[] = [];
    for (let index = first; index < last; index++) out.push({ index, start: index * rowHeight });
    return out;
  });
  const totalSize = computed(() => count() * rowHeight);

  function scrollTo(top: number): void {
    scrollTop.value = top;
    if (scroller.value && scroller.value.scrollTop !== top) scroller.value.scrollTop = top;
  }

  return {
    scroller,
    items,
    totalSize,
    scrollToIndex(index) {
      const top = index * rowHeight;
      if (top < scrollTop.value) scrollTo(top);
      else if (top + rowHeight > scrollTop.value + view()) scrollTo(top + rowHeight - view());
    },
    scrollToTop() {
      // From the position this window knows: reading the element's would force a layout mid-keystroke.
      if (scrollTop.value !== 0) scrollTo(0);
    },
    deferOverscan() {
      if (overscanDeferred.value) return;
      overscanDeferred.value = true;
      afterNextFrame(() => (overscanDeferred.value = false));
    },
    rowsInView: () => Math.max(Math.floor(view() / rowHeight), 1),
  };
}
