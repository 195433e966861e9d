/**
 * Storage failures the agent must see. A full disk usually arrives as an `AbortError` whose inner
 * error is a `QuotaExceededError` (Dexie #776, #840), sometimes as the bare error or as an
 * `OpenFailedError` wrapping it; all of them mean "nothing was saved".
 */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('The local storage is full: nothing was saved. Free disk space, then try again.', { cause });
    this.name = 'StorageFullError';
  }
}

interface MaybeWrapped {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** True when the error (or an error it wraps) is a quota / disk-full error. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as MaybeWrapped;
  if (e.name === 'QuotaExceededError') return true;
  if (typeof e.message === 'string' && /quota|full disk|disk is full|no space/i.test(e.message)) return true;
  return isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1);
}

type Listener = (error: StorageFullError) => void;
const listeners = new Set<Listener>();

/** Lets the UI show every storage-full error, wherever it happened. */
export function onStorageFull(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs a write; a quota failure is reported to the UI and rethrown as `StorageFullError`, so the
 * caller also knows nothing was saved. Other errors pass through unchanged.
 */
export async function guardStorage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    const full = new StorageFullError(error);
    for (const listener of listeners) listener(full);
    throw full;
  }
}
