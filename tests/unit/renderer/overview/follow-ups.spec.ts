import { describe, expect, it } from 'vitest';
import { followUpsOf } from '../../../../renderer/src/overview/follow-ups';
import type { OutboxItem } from '../../../../renderer/src/outbox/item';

const NOW = Date.UTC(2026, 11, 4, 12);
const DAY = 24 * 60 * 60 * 1000;

function link(id: string, sentDaysAgo: number | undefined, expiresInHours: number, overrides: Partial<OutboxItem> = {}): OutboxItem {
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
    },
    ...overrides,
  } as OutboxItem;
}

describe('links to follow up on', () => {
  it('are those sent 3 days ago or more, or expiring within a day, still waiting; oldest sent first', () => {
    const items = [
      link('fresh', 1, 100),
      link('stale', 4, 60),
      link('expiring', 0.5, 10),
      link('older', 6, 20),
      link('unsent', undefined, 10),
      link('expired', 8, -1),
      link('failed', 5, 30, { state: 'failed' }),
      link('finalising', 5, 30, { enhanced: { ...link('x', 5, 30).enhanced!, step: 'finalise' } }),
    ];
    expect(followUpsOf(items, NOW).map((entry) => [entry.item.id, entry.reason])).toEqual([
      ['older', 'expiring'],
      ['stale', 'stale'],
      ['expiring', 'expiring'],
    ]);
    expect(followUpsOf(items, NOW, 7).map((entry) => entry.item.id)).toEqual(['older', 'expiring']);
  });
});
