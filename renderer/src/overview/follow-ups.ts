/**
 * Links to follow up on: sent, still waiting for the signer, and either not heard of for `staleDays`
 * (Settings › Follow up) or expiring within a day. A reminder the agent sent (`followedUpAt`) counts
 * as contact: the link leaves the list until it is due again, and a link whose reminder went out in
 * its last day is not listed for expiring. Oldest sent first. Pure: the outbox items, the clock and
 * the setting come in.
 */
import type { OutboxItem } from '../outbox/item';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface FollowUp {
  item: OutboxItem;
  reason: 'stale' | 'expiring';
  sentAt: number;
  /** The last reminder sent with this link, if any. */
  followedUpAt?: number;
  expiresAt: number;
}

export function followUpsOf(items: readonly OutboxItem[], now: number, staleDays: number): FollowUp[] {
  const result: FollowUp[] = [];
  for (const item of items) {
    const enhanced = item.enhanced;
    // `sending` too: a read of the link is out for a moment, and the entry must not blink off the list.
    const watched = item.state === 'queued' || item.state === 'sending';
    if (!watched || enhanced?.step !== 'watch' || !enhanced.attestation || enhanced.linkSentAt === undefined) continue;
    const expiresAt = Date.parse(enhanced.attestation.expiresAt);
    if (!(expiresAt > now)) continue;
    const lastContact = Math.max(enhanced.linkSentAt, enhanced.followedUpAt ?? Number.NEGATIVE_INFINITY);
    // The rule lists every link in its last day; a reminder sent within that day answers it.
    const remindedInLastDay = enhanced.followedUpAt !== undefined && enhanced.followedUpAt >= expiresAt - DAY_MS;
    const expiring = expiresAt - now <= DAY_MS && !remindedInLastDay;
    const stale = now - lastContact >= staleDays * DAY_MS;
    if (!expiring && !stale) continue;
    result.push({
      item,
      reason: expiring ? 'expiring' : 'stale',
      sentAt: enhanced.linkSentAt,
      ...(enhanced.followedUpAt !== undefined ? { followedUpAt: enhanced.followedUpAt } : {}),
      expiresAt,
    });
  }
  return result.sort((a, b) => a.sentAt - b.sentAt);
}
