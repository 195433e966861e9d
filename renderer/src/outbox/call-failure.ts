/**
 * What a failed channel call means for the outbox items it carried. Nothing is decided here: the
 * host's verdict rides on the error (`retryable`, `retryAfterMs`, electron/host/verdict.ts) and is
 * only read. A failure the host never judged (its transport failed, or refused this window) keeps
 * the item queued. No `window` here, so Node-level fault tests and the soak use it too.
 */
import type { SubmitResult } from '../../../shared/ipc/contract';
import { ApiError, needsMfa } from '../../../shared/ipc/errors';

/** What a failed call can mean for an item: try again, parked, or sign in first. */
export type CallFailure = Extract<SubmitResult, { status: 'retry' | 'failed' | 'auth-required' }>;

/** The result the engine acts on for a thrown call. */
export function resultFromError(error: unknown): CallFailure {
  if (!(error instanceof ApiError)) return { status: 'retry', afterMs: 0, reason: `Unexpected error: ${String(error)}` };
  const { detail } = error;
  // A sign-in without MFA is named apart: the agent is told to sign in again with MFA, not just again.
  if (detail.code === 'auth-required')
    return { status: 'auth-required', reason: detail.message, ...(needsMfa(detail) ? { need: 'mfa' as const } : {}) };
  if (detail.retryable === false)
    return { status: 'failed', code: detail.backendCode ?? detail.status ?? detail.code, reason: detail.reason ?? detail.message };
  const throttled = detail.code === 'throttled' || detail.status === 429;
  return { status: 'retry', afterMs: detail.retryAfterMs ?? 0, reason: detail.message, ...(throttled ? { throttled: true as const } : {}) };
}
