/**
 * A Dexie live query as a Vue ref: re-runs when the tables it read change (in any window), and
 * re-subscribes when the current database or a dependency changes. The querier must only call Dexie
 * (no fetch, no timers), as Dexie requires.
 */
import { getCurrentScope, onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue';
import { liveQuery, type Subscription } from 'dexie';
import { hasDatabase, onDatabaseSwitch } from '../db/database';

/** Changes whenever another database becomes current, so live queries re-subscribe. */
const databaseGeneration = shallowRef(0);
onDatabaseSwitch(() => {
  databaseGeneration.value += 1;
});

export function useLiveQuery<T>(querier: () => Promise<T> | T, initial: T, dependencies: WatchSource[] = []): ShallowRef<T> {
  const value = shallowRef<T>(initial);
  let subscription: Subscription | undefined;
  const subscribe = () => {
    subscription?.unsubscribe();
    subscription = undefined;
    if (!hasDatabase()) {
      value.value = initial;
      return;
    }
    subscription = liveQuery(querier).subscribe({
      next: (result) => {
        value.value = result;
      },
      error: (error: unknown) => {
        // A closed database (sign-out, upgrade in another window) ends the query; others are reported.
        if (!(error instanceof Error && error.name === 'DatabaseClosedError')) console.error('Live query failed', error);
      },
    });
  };
  watch([databaseGeneration, ...dependencies], subscribe, { immediate: true });
  if (getCurrentScope()) onScopeDispose(() => subscription?.unsubscribe());
  return value;
}
