/**
 * Exactly one sync leader across every tab and window of the app (Web Locks). The lock is held for
 * as long as the leader runs and is released by the browser when its page goes away, so another
 * window takes over on its own.
 */
export interface Leadership {
  /** Gives up leadership (or the wait for it). */
  stop(): void;
}

/** What the leader needs of Web Locks (`navigator.locks`); typed here so Node (the benchmarks) can run it too. */
export interface LocksLike {
  request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

function browserLocks(): LocksLike | undefined {
  return (globalThis as { navigator?: { locks?: LocksLike } }).navigator?.locks;
}

/**
 * Calls `lead` once this context holds the lock, and `resign` when it stops holding it. Without
 * Web Locks (old engines, some test DOMs) this context is the only one that can run, so it leads.
 */
export function runAsLeader(
  lockName: string,
  lead: () => void,
  resign: () => void,
  locks: LocksLike | null | undefined = browserLocks(),
): Leadership {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let leading = false;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    controller.abort();
    release();
  };
  const controller = new AbortController();
  if (!locks) {
    leading = true;
    lead();
    return {
      stop() {
        stop();
        if (leading) resign();
        leading = false;
      },
    };
  }
  locks
    .request(lockName, { signal: controller.signal }, async () => {
      if (stopped) return;
      leading = true;
      try {
        lead();
        await held;
      } finally {
        leading = false;
        resign();
      }
    })
    .catch((error: unknown) => {
      // Aborted while waiting for the lock: we stopped before becoming leader; nothing to undo.
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    });
  return { stop };
}
