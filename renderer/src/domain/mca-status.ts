/**
 * A customer's MCA status in the words the agent sees everywhere (filter, list, detail): derived from
 * the backend's state (partner-wide records, direct-sign status) and the local outbox.
 */
import type { McaStateRow, OutboxItem } from '../db/rows';
import { enhancedPhaseOf } from '../outbox/enhanced-state';

// New statuses go at the end: the list keeps each customer's status as its index in this list.
export const mcaStatuses = [
  'not-accepted',
  'queued',
  'confirmed-by-partner',
  'accepted-directly',
  'failed',
  'link-requested',
  'waiting-for-acceptance',
  'link-expired',
] as const;
export type McaStatus = (typeof mcaStatuses)[number];

/** Where an acceptance link of the customer stands (Partner Center's enhanced attestation). */
export type LinkState = 'link-requested' | 'waiting-for-acceptance' | 'link-expired';

/** What the local outbox says about one customer. */
export interface LocalAttestationState {
  waiting: boolean;
  failed: boolean;
  /** Set when an acceptance link is on its way, or expired (the agent must send a new one). */
  link?: LinkState;
}

/** An item parked because the signer did not accept in time. */
export function isExpiredLink(item: Pick<OutboxItem, 'state' | 'lastError'>): boolean {
  return item.state === 'failed' && item.lastError?.kind === 'link-expired';
}

/** Where an enhanced item's link stands, or undefined for any other item (or a failed request). */
export function linkStateOf(item: OutboxItem): LinkState | undefined {
  if (!item.enhanced) return undefined;
  if (isExpiredLink(item)) return 'link-expired';
  if (item.state !== 'queued' && item.state !== 'sending') return undefined;
  return enhancedPhaseOf(item.enhanced, false) === 'link-requested' ? 'link-requested' : 'waiting-for-acceptance';
}

/**
 * Failed first (the agent must act), then an expired link, then what waits (a link on its way, or a
 * queued confirmation), then the backend's truth. A partner attestation outranks direct acceptance
 * in the list; the detail shows both.
 */
export function mcaStatusOf(state: McaStateRow | undefined, local: LocalAttestationState | undefined): McaStatus {
  if (local?.failed) return 'failed';
  if (local?.link === 'link-expired') return 'link-expired';
  if (local?.link) return local.link;
  if (local?.waiting) return 'queued';
  if (state?.partnerAttestationCompleted) return 'confirmed-by-partner';
  if (state?.isSigned) return 'accepted-directly';
  return 'not-accepted';
}

/** The order in which a customer's link states show: the one the agent must act on first. */
const LINK_RANK: Record<LinkState, number> = { 'link-expired': 3, 'waiting-for-acceptance': 2, 'link-requested': 1 };

/** Of two link states, the one the agent must act on first. */
function moreUrgent(a: LinkState | undefined, b: LinkState | undefined): LinkState | undefined {
  if (!a || !b) return a ?? b;
  return LINK_RANK[b] > LINK_RANK[a] ? b : a;
}

/** Summarises active outbox items per customer. */
export function localStatesOf(items: readonly OutboxItem[]): Map<string, LocalAttestationState> {
  const states = new Map<string, LocalAttestationState>();
  for (const item of items) {
    const state = states.get(item.customerId) ?? { waiting: false, failed: false };
    const link = moreUrgent(state.link, linkStateOf(item));
    if (link) state.link = link;
    if (item.state === 'queued' || item.state === 'sending') state.waiting = true;
    if (item.state === 'failed' && !isExpiredLink(item)) state.failed = true;
    states.set(item.customerId, state);
  }
  return states;
}

export type OrderClearance =
  | { cleared: true; by: 'partner'; dateAgreed: string | null }
  | { cleared: true; by: 'customer' }
  | { cleared: false; why: 'queued' | 'failed' | 'not-accepted' | LinkState; reason?: string };

/**
 * Whether a customer may be ordered for. Conservative: a queued confirmation is not one Microsoft
 * has, so it does not clear the customer until the backend confirmed it.
 */
export function orderClearance(state: McaStateRow | undefined, activeItems: readonly OutboxItem[]): OrderClearance {
  if (state?.partnerAttestationCompleted) return { cleared: true, by: 'partner', dateAgreed: state.lastDateAgreed };
  if (state?.isSigned) return { cleared: true, by: 'customer' };
  const link = activeItems.reduce<LinkState | undefined>((found, item) => moreUrgent(found, linkStateOf(item)), undefined);
  if (activeItems.some((item) => item.state === 'queued' || item.state === 'sending'))
    return { cleared: false, why: link && link !== 'link-expired' ? link : 'queued' };
  const failed = activeItems.find((item) => item.state === 'failed' && !isExpiredLink(item));
  if (failed) return { cleared: false, why: 'failed', reason: failed.lastError?.reason ?? '' };
  if (link === 'link-expired') return { cleared: false, why: 'link-expired' };
  return { cleared: false, why: 'not-accepted' };
}
