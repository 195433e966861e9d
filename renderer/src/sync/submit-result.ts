/**
 * How a failed channel call becomes the outcome the sync engine acts on. Kept apart from the
 * transport (no `window`), so the same classification runs in Node-level fault tests and the soak.
 */
import type { SubmitResult } from '../../../shared/ipc/contract';
import { ApiError } from '../../../shared/ipc/errors';

/** Classifies a thrown call into the result the engine acts on. */
export function resultFromError(error: unknown): SubmitResult {
  if (!(error instanceof ApiError)) return { status: 'retry', afterMs: 0, reason: `Unexpected error: ${String(error)}` };
  const { detail } = error;
  switch (detail.code) {
    case 'auth-required':
      return { status: 'auth-required', reason: detail.message };
    case 'throttled':
      return { status: 'retry', afterMs: detail.retryAfterMs ?? 0, reason: detail.message };
    // bad-sender: the local service refused this window (browser mode restarted: its link, and so the
    // page's cookie, changed). Nothing is wrong with the item: it waits until the app is opened again.
    case 'bad-sender':
    case 'network':
    case 'timeout':
    case 'unavailable':
    case 'internal':
      return { status: 'retry', afterMs: detail.retryAfterMs ?? 0, reason: detail.message };
    case 'backend':
      if ((detail.status ?? 500) >= 500 || detail.status === 408)
        return { status: 'retry', afterMs: detail.retryAfterMs ?? 0, reason: detail.message };
      return { status: 'failed', code: detail.backendCode ?? detail.status ?? 'backend', reason: detail.reason ?? detail.message };
    default:
      return { status: 'failed', code: detail.backendCode ?? detail.code, reason: detail.reason ?? detail.message };
  }
}
