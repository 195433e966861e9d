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
  /** Reads of the attestation since the link was sent (the schedule's position). */
  checks: number;
  lastCheckedAt?: number;
}

export type EnhancedFields = Pick<EnhancedState, 'companyName' | 'country' | 'language' | 'linkExpiryMinutes'>;

/** A fresh attestation request: nothing asked of the backend yet. */
export function initialEnhancedState(fields: EnhancedFields, newId: () => string): EnhancedState {
  const { companyName, country, language, linkExpiryMinutes } = fields;
  return { step: 'create', companyName, country, language, linkExpiryMinutes, finaliseRequestId: newId(), checks: 0 };
}

/**
 * The watching schedule: the rate limit is shared by all of the agent's work, so reads start soon
 * after the link was sent (signers often open it at once: the first read after 30 seconds) and then
 * thin out (1, 2, 5, 10, 30 minutes, then hourly). Before the link is sent the signer cannot accept,
 * so an unsent link is read hourly only.
 */
export const WATCH_SCHEDULE_MINUTES: readonly number[] = [0.5, 1, 2, 5, 10, 30];
export const WATCH_STEADY_MINUTES = 60;
/** A read just after the link's end, to see a last-minute acceptance (or learn it expired). */
const AFTER_EXPIRY_MS = 30_000;

export function nextCheckDelayMs(state: EnhancedState, now: number): number {
  const minutes = state.linkSentAt === undefined ? WATCH_STEADY_MINUTES : (WATCH_SCHEDULE_MINUTES[state.checks] ?? WATCH_STEADY_MINUTES);
  const delay = minutes * 60_000;
  const expiresAt = state.attestation ? Date.parse(state.attestation.expiresAt) : Number.NaN;
  if (Number.isNaN(expiresAt)) return delay;
  return Math.max(0, Math.min(delay, expiresAt + AFTER_EXPIRY_MS - now));
}

/** Where the customer is on the route, as the agent reads it. */
export type EnhancedPhase = 'link-requested' | 'link-not-sent' | 'waiting' | 'accepted' | 'link-expired';

export function enhancedPhaseOf(state: EnhancedState, expired: boolean): EnhancedPhase {
  if (expired) return 'link-expired';
  if (state.step === 'create' || !state.attestation) return 'link-requested';
  if (state.step === 'finalise') return 'accepted';
  return state.linkSentAt === undefined ? 'link-not-sent' : 'waiting';
}
