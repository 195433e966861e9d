/**
 * An enhanced attestation in the outbox (Partner Center since 5 January 2026): one item walks three
 * steps, each sent with the engine's lease, retry and recovery rules:
 *   create   → the backend makes the attestation and its acceptance link (MS-RequestId = the item id);
 *   watch    → the agent sends the link; MCA Desk reads the attestation on a growing schedule;
 *   finalise → once the signer accepted: the agreement is made from the attestation id
 *              (MS-RequestId = `finaliseRequestId`, made with the item, the same on every attempt).
 * This module holds the state and the pure rules between the steps; the engine stores what they answer.
 */
import type { AttestationStatus } from '../../../shared/api/enhanced-attestation';

export type EnhancedStep = 'create' | 'watch' | 'finalise';

export interface EnhancedAttestationLink {
  id: string;
  acceptanceUrl: string;
  /** ISO time the link stops working. */
  expiresAt: string;
  status: AttestationStatus;
  acceptedAt?: string;
}

export interface EnhancedState {
  step: EnhancedStep;
  /** What the agent entered besides the signer (the item's `primaryContact`). */
  companyName: string;
  country: string;
  language: string;
  linkExpiryMinutes: number;
  finaliseRequestId: string;
  attestation?: EnhancedAttestationLink;
  /** When the agent sent the link (copied it, or opened it in email), and how. */
  linkSentAt?: number;
  linkSentVia?: 'clipboard' | 'email';
  /** When the agent last sent the signer a reminder with the same link (Overview › Follow up). */
  followedUpAt?: number;
  /** Reads of the attestation since the link was sent (the schedule's position). */
  checks: number;
  lastCheckedAt?: number;
  /** The agent asked for a read ("Check now", or opened the customer): it goes at once, outside the watching budget. */
  askedAt?: number;
}

export type EnhancedFields = Pick<EnhancedState, 'companyName' | 'country' | 'language' | 'linkExpiryMinutes'>;

/** A fresh attestation request: nothing asked of the backend yet. */
export function initialEnhancedState(fields: EnhancedFields, newId: () => string): EnhancedState {
  const { companyName, country, language, linkExpiryMinutes } = fields;
  return { step: 'create', companyName, country, language, linkExpiryMinutes, finaliseRequestId: newId(), checks: 0 };
}

/**
 * The watching schedule, by how long ago the link was sent: signers mostly accept within the hour
 * (often at once), so reads are close together then and thin out after (every 30 seconds for ten
 * minutes, every minute to the hour, every 5 minutes to six hours, every 15 to a day, then hourly).
 * A reminder (Overview › Follow up) starts the bands again. Before the link is sent the signer
 * cannot accept, so an unsent link is read hourly only. The rate limit is shared by all of the
 * agent's work: the engine holds these reads to a share of it (`watch-budget.ts`), however many
 * links are pending.
 */
export const WATCH_SCHEDULE: ReadonlyArray<{ sentWithinMinutes: number; everyMinutes: number }> = [
  { sentWithinMinutes: 10, everyMinutes: 0.5 },
  { sentWithinMinutes: 60, everyMinutes: 1 },
  { sentWithinMinutes: 6 * 60, everyMinutes: 5 },
  { sentWithinMinutes: 24 * 60, everyMinutes: 15 },
];
export const WATCH_STEADY_MINUTES = 60;
/** A read just after the link's end, to see a last-minute acceptance (or learn it expired). */
const AFTER_EXPIRY_MS = 30_000;

export function nextCheckDelayMs(state: EnhancedState, now: number): number {
  // A reminder brings the signer back like the first email did: the schedule counts from the latest.
  const sentAt = state.linkSentAt === undefined ? undefined : Math.max(state.linkSentAt, state.followedUpAt ?? state.linkSentAt);
  const sentMinutesAgo = sentAt === undefined ? Number.POSITIVE_INFINITY : (now - sentAt) / 60_000;
  const minutes = WATCH_SCHEDULE.find((band) => sentMinutesAgo < band.sentWithinMinutes)?.everyMinutes ?? WATCH_STEADY_MINUTES;
  const delay = minutes * 60_000;
  const expiresAt = state.attestation ? Date.parse(state.attestation.expiresAt) : Number.NaN;
  if (Number.isNaN(expiresAt)) return delay;
  return Math.max(0, Math.min(delay, expiresAt + AFTER_EXPIRY_MS - now));
}

/**
 * A read on the watching schedule, which the engine holds to the watching budget; a read the agent
 * asked for (`askedAt`) goes at once.
 */
export function isScheduledRead(state: EnhancedState | undefined): boolean {
  return state?.step === 'watch' && state.askedAt === undefined;
}

/** Where the customer is on the route, as the agent reads it. */
export type EnhancedPhase = 'link-requested' | 'link-not-sent' | 'waiting' | 'accepted' | 'link-expired';

export function enhancedPhaseOf(state: EnhancedState, expired: boolean): EnhancedPhase {
  if (expired) return 'link-expired';
  if (state.step === 'create' || !state.attestation) return 'link-requested';
  if (state.step === 'finalise') return 'accepted';
  return state.linkSentAt === undefined ? 'link-not-sent' : 'waiting';
}
