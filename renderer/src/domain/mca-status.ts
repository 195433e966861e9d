/**
 * A customer's MCA status in the words the agent sees everywhere (filter, list, detail): derived from
 * the backend's state (partner-wide records, direct-sign status) and the local outbox.
 */
import type { McaStateRow, OutboxItem } from '../db/rows';

export const mcaStatuses = ['not-accepted', 'queued', 'confirmed-by-partner', 'accepted-directly', 'failed'] as const;
export type McaStatus = (typeof mcaStatuses)[number];

/** What the local outbox says about one customer. */
export interface LocalAttestationState {
  waiting: boolean;
  failed: boolean;
}

/**
 * Failed first (the agent must act), then queued (not yet at Microsoft), then the backend's truth.
 * A partner attestation outranks direct acceptance in the list; the detail shows both.
 */
export function mcaStatusOf(state: McaStateRow | undefined, local: LocalAttestationState | undefined): McaStatus {
  if (local?.failed) return 'failed';
  if (local?.waiting) return 'queued';
  if (state?.partnerAttestationCompleted) return 'confirmed-by-partner';
  if (state?.isSigned) return 'accepted-directly';
  return 'not-accepted';
}

/** Summarises active outbox items per customer. */
export function localStatesOf(items: readonly OutboxItem[]): Map<string, LocalAttestationState> {
  const states = new Map<string, LocalAttestationState>();
  for (const item of items) {
    const state = states.get(item.customerId) ?? { waiting: false, failed: false };
    if (item.state === 'queued' || item.state === 'sending') state.waiting = true;
    if (item.state === 'failed') state.failed = true;
    states.set(item.customerId, state);
  }
  return states;
}

export type OrderClearance =
  | { cleared: true; by: 'partner'; dateAgreed: string | null }
  | { cleared: true; by: 'customer' }
  | { cleared: false; why: 'queued' | 'failed' | 'not-accepted'; reason?: string };

/**
 * Whether a customer may be ordered for. Conservative: a queued confirmation is not one Microsoft
 * has, so it does not clear the customer until the backend confirmed it.
 */
export function orderClearance(state: McaStateRow | undefined, activeItems: readonly OutboxItem[]): OrderClearance {
  if (state?.partnerAttestationCompleted) return { cleared: true, by: 'partner', dateAgreed: state.lastDateAgreed };
  if (state?.isSigned) return { cleared: true, by: 'customer' };
  if (activeItems.some((item) => item.state === 'queued' || item.state === 'sending')) return { cleared: false, why: 'queued' };
  const failed = activeItems.find((item) => item.state === 'failed');
  if (failed) return { cleared: false, why: 'failed', reason: failed.lastError?.reason ?? '' };
  return { cleared: false, why: 'not-accepted' };
}
