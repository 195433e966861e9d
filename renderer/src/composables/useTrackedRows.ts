/**
 * A `TrackedRows` (db/change-feed.ts) kept up to date in Vue: its table's change feed runs as a
 * Dexie live query (so it re-runs on every write, in any window), each page is applied, and
 * `version` tells Vue something changed. Consumers read `tracked.rows` after reading `version`, and
 * ask `tracked.changedSince(v)` for what changed after the version they last used.
 */
import { ref, shallowRef, watch, type Ref } from 'vue';
import type { ChangeFeed, FeedPage, TrackedRows } from '../db/change-feed';
import { useLiveQuery } from './useLiveQuery';

/** `onApplied` runs after a page was applied and before `version` moves (to update what is derived in place). */
export function useTrackedRows<Row>(
  tracked: TrackedRows<Row>,
  feed: () => ChangeFeed<Row>,
  enabled: Ref<boolean> = ref(true),
  onApplied: () => void = () => undefined,
) {
  const version = shallowRef(tracked.version);
  const cursor = ref(tracked.cursor);
  const page = useLiveQuery(
    (): Promise<FeedPage<Row>> | null => (enabled.value ? feed().read(cursor.value, (key) => tracked.rows.has(key)) : null),
    null as FeedPage<Row> | null,
    [cursor, enabled],
  );
  watch(page, (next) => {
    if (next) tracked.apply(next);
    else if (tracked.rows.size) tracked.reset([]); // no database any more (signed out)
    onApplied();
    cursor.value = tracked.cursor;
    version.value = tracked.version;
  });

  /** After the caller changed `tracked` itself (a full read): publish it and follow the feed from its cursor. */
  function published(): void {
    onApplied();
    cursor.value = tracked.cursor;
    version.value = tracked.version;
  }

  return { version, published };
}
