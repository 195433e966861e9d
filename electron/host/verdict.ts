/**
 * The one error verdict: whether a failed call can succeed if it is tried again later, and not
 * before when. The host decides it here, once, from what it knows about the failure (the backend's
 * status, code and Retry-After); every IPC error it answers carries it (`retryable`, `retryAfterMs`)
 * and the submit and bulk services build their results from it. The renderer only reads it.
 */
import type { SubmitResult } from '../../shared/ipc/contract';
import { MFA_REQUIRED_REASON, type IpcError } from '../../shared/ipc/errors';
import { AuthRequiredError, HostError } from './errors';
import { isRetryableStatus, PartnerCenterError } from './partner-center/errors';
import {
  isAttestationExpired,
  isLegacyRetired,
  isMfaRequired,
  isNotAcceptedYet,
  LEGACY_RETIRED_REASON,
  LEGACY_RETIRED_STATUS,
  MFA_REASON,
} from './partner-center/enhanced-contract';

/** When the backend gave no Retry-After: how long to wait before the next try. */
export const DEFAULT_RETRY_MS = 5_000;
/** A defect in MCA Desk, not the item's fault: keep the work and try again after this long. */
export const DEFECT_RETRY_MS = 60_000;
/** The signer has not accepted the enhanced attestation yet: finalise again no sooner than this (the link lives up to a week). */
export const NOT_ACCEPTED_RETRY_MS = 60_000;

export interface Verdict {
  retryable: boolean;
  /** Not before this (only when retryable). */
  retryAfterMs?: number;
}

const RETRYABLE_HOST_CODES: ReadonlySet<IpcError['code']> = new Set(['network', 'timeout', 'throttled', 'unavailable']);

function retryLater(retryAfterMs: number | undefined): Verdict {
  return { retryable: true, retryAfterMs: Math.max(0, retryAfterMs ?? DEFAULT_RETRY_MS) };
}

/**
 * The verdict on a failure, or undefined for a defect (an error MCA Desk did not expect: nobody
 * knows whether trying again helps, so whoever holds the work keeps it).
 */
export function verdictOf(error: unknown): Verdict | undefined {
  if (error instanceof AuthRequiredError) return { retryable: false };
  if (error instanceof PartnerCenterError) {
    // A 401 is not a later success but a new sign-in; an expired acceptance link never comes back (both 409s of finalise are named).
    if (error.status === 401 || !error.retryable || isAttestationExpired(error)) return { retryable: false };
    if (isNotAcceptedYet(error)) return retryLater(Math.max(error.retryAfterMs ?? 0, NOT_ACCEPTED_RETRY_MS));
    return retryLater(error.retryAfterMs);
  }
  if (error instanceof HostError)
    return RETRYABLE_HOST_CODES.has(error.code) ? retryLater(error.detail.retryAfterMs) : { retryable: false };
  return undefined;
}

/**
 * The verdict on one item of a bulk answer that was not recorded. Its `code` is the backend's: an
 * HTTP status (429, 5xx) says the backend could not act now, anything else refuses the item.
 */
export function bulkEntryVerdict(code: string | number | undefined): Verdict {
  const numeric = typeof code === 'number' ? code : Number.NaN;
  return numeric >= 100 && numeric < 600 && isRetryableStatus(numeric) ? retryLater(undefined) : { retryable: false };
}

/** The session the backend no longer takes (401): what the agent reads. */
export const SESSION_REFUSED_REASON = 'The backend no longer accepts the session. Sign in again.';

/**
 * What the outbox does with an item whose send failed with `error` inside the host (never thrown).
 * `auth-required` keeps the item queued until what `need` names is fixed; `legacy-retired` parks it
 * for good (the legacy attestation is gone, retrying cannot help), with everything the agent typed.
 */
export function submitFailure(error: unknown): SubmitResult {
  if (error instanceof AuthRequiredError) return { status: 'auth-required', reason: error.message, need: error.need };
  if (isMfaRequired(error)) return { status: 'auth-required', reason: MFA_REASON, need: 'mfa' };
  if (error instanceof PartnerCenterError && error.status === 401)
    return { status: 'auth-required', reason: SESSION_REFUSED_REASON, need: 'sign-in' };
  if (isLegacyRetired(error))
    return { status: 'legacy-retired', code: (error as PartnerCenterError).code ?? LEGACY_RETIRED_STATUS, reason: LEGACY_RETIRED_REASON };
  const verdict = verdictOf(error);
  if (!verdict)
    return { status: 'retry', afterMs: DEFECT_RETRY_MS, reason: 'An unexpected error occurred in MCA Desk; the item stays queued.' };
  if (error instanceof PartnerCenterError) {
    if (!verdict.retryable) return { status: 'failed', code: error.code ?? error.status ?? error.kind, reason: error.description };
    const what =
      error.kind === 'timeout'
        ? 'The backend did not answer in time'
        : error.kind === 'network'
          ? 'The backend could not be reached'
          : `The backend answered ${error.status}`;
    return {
      status: 'retry',
      afterMs: verdict.retryAfterMs ?? DEFAULT_RETRY_MS,
      reason: `${what}: ${error.description}`,
      ...(error.status === 429 ? { throttled: true as const } : {}),
    };
  }
  const host = error as HostError;
  if (verdict.retryable)
    return {
      status: 'retry',
      afterMs: verdict.retryAfterMs ?? DEFAULT_RETRY_MS,
      reason: host.message,
      ...(host.code === 'throttled' ? { throttled: true as const } : {}),
    };
  return { status: 'failed', code: host.detail.backendCode ?? host.code, reason: host.message };
}

/** Any failure as the IPC error the renderer gets, verdict included. Messages never include tokens or request bodies. */
export function toIpcError(error: unknown, log?: { error(message: string): void }, channel?: string): IpcError {
  const verdict = verdictOf(error);
  if (error instanceof HostError) return { ...error.detail, ...verdict };
  if (error instanceof PartnerCenterError) return { ...describePartnerCenterError(error), ...verdict };
  log?.error(
    `Unexpected error${channel ? ` in ${channel}` : ''}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  );
  // No verdict: a defect says nothing about whether the call could succeed later.
  return { code: 'internal', message: 'Something went wrong inside MCA Desk.' };
}

function describePartnerCenterError(error: PartnerCenterError): IpcError {
  const base = { backendCode: error.code, status: error.status };
  if (error.kind === 'timeout') return { code: 'timeout', message: 'The backend did not answer in time.', reason: error.description };
  if (error.kind === 'network') return { code: 'network', message: 'The backend could not be reached.', reason: error.description };
  if (error.kind === 'invalid-response') return { code: 'backend', message: error.description };
  switch (error.status) {
    case 401:
      if (isMfaRequired(error)) return { code: 'auth-required', message: MFA_REASON, reason: MFA_REQUIRED_REASON, ...base };
      return { code: 'auth-required', message: SESSION_REFUSED_REASON, ...base };
    case 403:
      return { code: 'forbidden', message: error.description, ...base };
    case 404:
      return { code: 'not-found', message: error.description, ...base };
    case 409:
      return { code: 'conflict', message: error.description, ...base };
    case 429:
      return { code: 'throttled', message: 'The backend asks to slow down.', ...base };
    default:
      return { code: 'backend', message: error.description, ...base };
  }
}
