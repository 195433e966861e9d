/**
 * Links to follow up on: sent, still waiting for the signer, and either sent more than `staleDays`
 * ago or expiring within a day. Oldest sent first. Pure: the outbox items and the clock come in.
 */
import type { OutboxItem } from '../outbox/item';

export const FOLLOW_UP_AFTER_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface FollowUp {
  item: OutboxItem;
  reason: 'stale' | 'expiring';
  sentAt: number;
  expiresAt: number;
}

export function followUpsOf(items: readonly OutboxItem[], now: number, staleDays = FOLLOW_UP_AFTER_DAYS): FollowUp[] {
  const result: FollowUp[] = [];
  for (const item of items) {
    const enhanced = item.enhanced;
    if (item.state !== 'queued' || enhanced?.step !== 'watch' || !enhanced.attestation || enhanced.linkSentAt === undefined) continue;
    const expiresAt = Date.parse(enhanced.attestation.expiresAt);
    if (!(expiresAt > now)) continue;
    const expiring = expiresAt - now <= DAY_MS;
    const stale = now - enhanced.linkSentAt >= staleDays * DAY_MS;
    if (expiring || stale) result.push({ item, reason: expiring ? 'expiring' : 'stale', sentAt: enhanced.linkSentAt, expiresAt });
  }
  return result.sort((a, b) => a.sentAt - b.sentAt);
}
