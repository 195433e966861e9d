import { describe, expect, it } from 'vitest';
import { followUpsOf } from '../../../../renderer/src/overview/follow-ups';
import type { OutboxItem } from '../../../../renderer/src/outbox/item';
import type { EnhancedState } from '../../../../renderer/src/outbox/enhanced-state';

const NOW = Date.UTC(2026, 11, 4, 12);
const DAY = 24 * 60 * 60 * 1000;

function link(
  id: string,
  sentDaysAgo: number | undefined,
  expiresInHours: number,
  overrides: Partial<OutboxItem> = {},
  enhanced: Partial<EnhancedState> = {},
): OutboxItem {
  return {
    id,
    customerId: `customer-${id}`,
    state: 'queued',
    primaryContact: { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', phoneNumber: null },
    enhanced: {
      step: 'watch',
      companyName: 'Example',
      country: 'NL',
      language: 'nl-NL',
      linkExpiryMinutes: 10_080,
      finaliseRequestId: `f-${id}`,
      checks: 1,
      attestation: {
        id: `att-${id}`,
        acceptanceUrl: 'https://example.test/a',
        expiresAt: new Date(NOW + expiresInHours * 3_600_000).toISOString(),
        status: 'pending',
      },
      ...(sentDaysAgo === undefined ? {} : { linkSentAt: NOW - sentDaysAgo * DAY }),
      ...enhanced,
    },
    ...overrides,
  } as OutboxItem;
}

const ids = (items: OutboxItem[], staleDays: number, now = NOW) => followUpsOf(items, now, staleDays).map((entry) => entry.item.id);

describe('links to follow up on', () => {
  it('are those sent the set number of days ago or more, or expiring within a day, still waiting; oldest sent first', () => {
    const items = [
      link('fresh', 1, 100),
      link('stale', 4, 60),
      link('expiring', 0.5, 10),
      link('older', 6, 20),
      link('unsent', undefined, 10),
      link('expired', 8, -1),
      link('failed', 5, 30, { state: 'failed' }),
      link('sending', 5, 30, { state: 'sending' }),
      link('finalising', 5, 30, {}, { step: 'finalise' }),
    ];
    // A link being read at this moment (`sending`) stays listed.
    expect(followUpsOf(items, NOW, 3).map((entry) => [entry.item.id, entry.reason])).toEqual([
      ['older', 'expiring'],
      ['sending', 'stale'],
      ['stale', 'stale'],
      ['expiring', 'expiring'],
    ]);
    expect(ids(items, 7)).toEqual(['older', 'expiring']);
    // The setting moves the line: one day lists the link sent yesterday too.
    expect(ids(items, 1)).toEqual(['older', 'sending', 'stale', 'fresh', 'expiring']);
  });

  it('counts from the day exactly: a link sent 3 days ago is due, one a minute younger is not', () => {
    const due = link('due', 3, 90);
    expect(ids([due], 3)).toEqual(['due']);
    expect(ids([due], 3, NOW - 60_000)).toEqual([]);
  });

  it('leave the list after a reminder until it is due again, and an expiring link is not listed again for the same last day', () => {
    const remindedYesterday = link('reminded', 5, 60, {}, { followedUpAt: NOW - DAY });
    expect(ids([remindedYesterday], 3)).toEqual([]);
    expect(ids([remindedYesterday], 3, NOW + 2 * DAY)).toEqual(['reminded']);

    // Reminded before its last day began: listed when it starts expiring; reminded within its last day: not.
    const remindedEarlier = link('earlier', 5, 10, {}, { followedUpAt: NOW - 20 * 3_600_000 });
    const remindedToday = link('today', 5, 10, {}, { followedUpAt: NOW - 3_600_000 });
    expect(followUpsOf([remindedEarlier, remindedToday], NOW, 3)).toEqual([
      expect.objectContaining({ item: remindedEarlier, reason: 'expiring', followedUpAt: NOW - 20 * 3_600_000 }),
    ]);
  });
});
