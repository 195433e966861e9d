/**
 * A customer's MCA status in the words the agent sees everywhere (filter, list, detail, export): one
 * derivation (`deriveCustomerState`) over every source, each with where it came from and when it was
 * last checked: the partner attestation (partner-wide records, or the customer's own history), the
 * customer's direct acceptance (`isSigned`, the admin center), enhanced attestations and the local
 * outbox (queued, failed).
 */
import { MCA_TYPE, type AgreementRecord } from '../../../shared/domain/agreement';
import type { DirectAcceptanceRow, McaStateRow, OutboxItem } from '../db/rows';
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
  'not-checked',
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

/** Where one fact about the customer came from. */
export type StateSource = 'partner-attestation' | 'direct-acceptance' | 'enhanced-attestation' | 'outbox';

export interface SourceFact {
  source: StateSource;
  /** What that source says, in the words of the status list where one fits. */
  says: 'confirmed' | 'not-confirmed' | 'accepted' | 'not-accepted' | 'not-checked' | 'queued' | 'failed' | LinkState;
  /** When this computer last heard it from the backend (epoch ms); null for what only this computer holds, or never asked. */
  checkedAt: number | null;
}

/** Everything known about one customer's acceptance. Any of it may be missing. */
export interface CustomerSources {
  /** The partner-wide records' row (partner attestation). */
  partner?: McaStateRow | undefined;
  /** When the partner-wide records were last downloaded in full (else the row's own write time counts). */
  partnerCheckedAt?: number | null;
  /** The customer's own confirmation history, oldest first as listed, when it was fetched (customer page). */
  history?: readonly AgreementRecord[] | undefined;
  historyCheckedAt?: number | null;
  /** The customer's own acceptance in the admin center (`isSigned`), when asked. */
  direct?: DirectAcceptanceRow | undefined;
  /** What the outbox holds for the customer. */
  local?: LocalAttestationState | undefined;
}

export interface CustomerState {
  status: McaStatus;
  /** May be ordered for: a partner-confirmed agreement or the customer's direct acceptance. */
  readyToOrder: boolean;
  confirmedBy: 'partner' | 'customer' | null;
  /** The latest partner confirmation: its `dateAgreed` (ISO), or null. */
  latestDateAgreed: string | null;
  sources: SourceFact[];
}

/**
 * The latest MCA confirmation of a history: the latest `dateAgreed`, of equal ones the later in the
 * list (the list's own order says nothing about which is the latest).
 */
export function latestConfirmation(records: readonly AgreementRecord[]): AgreementRecord | undefined {
  let latest: AgreementRecord | undefined;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const record of records) {
    if (record.type !== MCA_TYPE) continue;
    const at = Date.parse(record.dateAgreed);
    const time = Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
    if (!latest || time >= latestAt) {
      latest = record;
      latestAt = time;
    }
  }
  return latest;
}

/**
 * The one derivation of a customer's state. A confirmation (the partner's, else the customer's own)
 * makes the customer ready to order, and a failure (a failed or expired re-attestation) never shows
 * over it; what is on its way (a new link, a queued confirmation) does, as the agent asked for it.
 * Without a confirmation: failed first (the agent must act), then an expired link, then what waits,
 * then "Not accepted" when the customer was asked, "Not checked yet" when nobody asked yet.
 */
export function deriveCustomerState(input: CustomerSources): CustomerState {
  const { partner, direct, local, history } = input;
  const latest = history?.length ? latestConfirmation(history) : undefined;
  const partnerConfirmed = Boolean(latest ?? partner?.partnerAttestationCompleted);
  const confirmedBy = partnerConfirmed ? 'partner' : direct?.isSigned ? 'customer' : null;
  const sources: SourceFact[] = [];
  if (history?.length || partner)
    sources.push({
      source: 'partner-attestation',
      says: partnerConfirmed ? 'confirmed' : 'not-confirmed',
      checkedAt: history?.length ? (input.historyCheckedAt ?? null) : (input.partnerCheckedAt ?? partner?.updatedAt ?? null),
    });
  sources.push(
    direct
      ? { source: 'direct-acceptance', says: direct.isSigned ? 'accepted' : 'not-accepted', checkedAt: direct.checkedAt }
      : { source: 'direct-acceptance', says: 'not-checked', checkedAt: null },
  );
  if (local?.link) sources.push({ source: 'enhanced-attestation', says: local.link, checkedAt: null });
  if (local?.waiting) sources.push({ source: 'outbox', says: 'queued', checkedAt: null });
  if (local?.failed) sources.push({ source: 'outbox', says: 'failed', checkedAt: null });

  let status: McaStatus;
  const onItsWay = local?.link && local.link !== 'link-expired' ? local.link : undefined;
  if (confirmedBy)
    status = onItsWay ?? (local?.waiting ? 'queued' : confirmedBy === 'partner' ? 'confirmed-by-partner' : 'accepted-directly');
  else if (local?.failed) status = 'failed';
  else if (local?.link === 'link-expired') status = 'link-expired';
  else if (onItsWay) status = onItsWay;
  else if (local?.waiting) status = 'queued';
  else status = direct ? 'not-accepted' : 'not-checked';
  const latestDateAgreed = latest?.dateAgreed ?? (partner?.partnerAttestationCompleted ? partner.lastDateAgreed : null);
  return { status, readyToOrder: confirmedBy !== null, confirmedBy, latestDateAgreed, sources };
}

/** The status alone (the list, the filter, the export). */
export function mcaStatusOf(
  state: McaStateRow | undefined,
  local: LocalAttestationState | undefined,
  direct?: DirectAcceptanceRow | undefined,
): McaStatus {
  return deriveCustomerState({ partner: state, local, direct }).status;
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
export function orderClearance(
  state: McaStateRow | undefined,
  activeItems: readonly OutboxItem[],
  direct?: DirectAcceptanceRow | undefined,
): OrderClearance {
  const derived = deriveCustomerState({ partner: state, direct });
  if (derived.confirmedBy === 'partner') return { cleared: true, by: 'partner', dateAgreed: derived.latestDateAgreed };
  if (derived.confirmedBy === 'customer') return { cleared: true, by: 'customer' };
  const link = activeItems.reduce<LinkState | undefined>((found, item) => moreUrgent(found, linkStateOf(item)), undefined);
  if (activeItems.some((item) => item.state === 'queued' || item.state === 'sending'))
    return { cleared: false, why: link && link !== 'link-expired' ? link : 'queued' };
  const failed = activeItems.find((item) => item.state === 'failed' && !isExpiredLink(item));
  if (failed) return { cleared: false, why: 'failed', reason: failed.lastError?.reason ?? '' };
  if (link === 'link-expired') return { cleared: false, why: 'link-expired' };
  // Not checked yet closes the gate as well: the customer page asks when it opens.
  return { cleared: false, why: 'not-accepted' };
}
