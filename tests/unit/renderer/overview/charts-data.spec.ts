import { describe, expect, it } from 'vitest';
import {
  UNKNOWN_COUNTRY,
  confirmationOf,
  confirmationsPerWeek,
  countByCountry,
  overviewCharts,
  type Confirmation,
} from '../../../../renderer/src/overview/charts-data';
import type { DirectAcceptanceRow, McaStateRow } from '../../../../renderer/src/db/rows';
import type { McaStatus } from '../../../../renderer/src/domain/mca-status';

// Local times throughout: the weeks are the agent's calendar weeks. Friday 4 December 2026, noon.
const NOW = new Date(2026, 11, 4, 12).getTime();
const local = (month: number, day: number, hour = 9) => new Date(2026, month, day, hour).getTime();

function partner(customerId: string, lastDateAgreed: string | null, completed = true): McaStateRow {
  return { customerId, partnerAttestationCompleted: completed, lastContact: null, lastDateAgreed, updatedAt: 0 };
}
function direct(customerId: string, isSigned: boolean, checkedAt: number, acceptedSeenAt?: number): DirectAcceptanceRow {
  return { customerId, isSigned, checkedAt, ...(acceptedSeenAt === undefined ? {} : { acceptedSeenAt }) };
}

describe('confirmationOf', () => {
  it('dates a partner confirmation by the calendar day of its latest dateAgreed, even at UTC midnight', () => {
    const at = confirmationOf({ partner: partner('a', '2026-11-30T00:00:00.000Z') });
    expect(at).toEqual({ by: 'partner', at: new Date(2026, 10, 30).getTime() });
  });

  it('counts a customer with both sources once, as the partner’s (the list’s derivation)', () => {
    const at = confirmationOf({ partner: partner('a', '2026-11-30T00:00:00Z'), direct: direct('a', true, local(11, 3)) });
    expect(at?.by).toBe('partner');
  });

  it('dates a direct acceptance by when it was first seen, not by its latest re-check', () => {
    expect(confirmationOf({ direct: direct('a', true, local(11, 3), local(10, 2)) })).toEqual({ by: 'customer', at: local(10, 2) });
    // Rows kept before the first-seen time existed: the check is all that is known.
    expect(confirmationOf({ direct: direct('a', true, local(11, 3)) })).toEqual({ by: 'customer', at: local(11, 3) });
  });

  it('gives nothing for a customer who is not ready to order, or whose partner date is unknown', () => {
    expect(confirmationOf({ partner: partner('a', null, false), direct: direct('a', false, local(11, 3)) })).toBeNull();
    expect(confirmationOf({})).toBeNull();
    expect(confirmationOf({ partner: partner('a', null) })).toBeNull();
  });
});

describe('confirmationsPerWeek', () => {
  it('has the last 12 ISO weeks, Monday first, the current week last', () => {
    const weeks = confirmationsPerWeek([], NOW);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)?.weekStart).toBe('2026-11-30');
    expect(weeks[0]?.weekStart).toBe('2026-09-14');
  });

  it('puts each confirmation in its week, by source, and leaves out what is older or later', () => {
    const confirmations: Confirmation[] = [
      { by: 'partner', at: local(10, 30, 0) }, // Monday 30 November 00:00: this week
      { by: 'partner', at: local(10, 29, 23) }, // Sunday 29 November 23:00: the week before
      { by: 'customer', at: local(11, 4) },
      { by: 'customer', at: local(11, 4) },
      { by: 'partner', at: local(8, 14, 0) }, // the first week's Monday
      { by: 'partner', at: local(8, 13, 23) }, // before it
      { by: 'customer', at: local(11, 7) }, // next week
    ];
    const weeks = confirmationsPerWeek(confirmations, NOW);
    expect(weeks.at(-1)).toEqual({ weekStart: '2026-11-30', partner: 1, direct: 2 });
    expect(weeks.at(-2)).toEqual({ weekStart: '2026-11-23', partner: 1, direct: 0 });
    expect(weeks[0]).toEqual({ weekStart: '2026-09-14', partner: 1, direct: 0 });
    expect(weeks.reduce((sum, week) => sum + week.partner + week.direct, 0)).toBe(5);
  });

  it('finds the right week across a daylight-saving change (a 25-hour day in the range)', () => {
    // 26 October 2026 is a Monday; the clocks went back the day before in much of Europe.
    const weeks = confirmationsPerWeek([{ by: 'partner', at: local(9, 26, 0) }], NOW);
    expect(weeks.find((week) => week.partner === 1)?.weekStart).toBe('2026-10-26');
  });
});

describe('countByCountry', () => {
  const of = (country: string | undefined, status: McaStatus = 'not-accepted') => ({ country, status });

  it('counts only the given status, most first, ties by code, unknown countries together', () => {
    const chart = countByCountry(
      [of('nl'), of('NL'), of('DE'), of('BE'), of(undefined), of('x1'), of('NL', 'confirmed-by-partner'), of('US', 'not-checked')],
      'not-accepted',
    );
    expect(chart.top).toEqual([
      { country: 'NL', count: 2 },
      { country: UNKNOWN_COUNTRY, count: 2 },
      { country: 'BE', count: 1 },
      { country: 'DE', count: 1 },
    ]);
    expect(chart).toMatchObject({ others: 0, total: 6 });
  });

  it('shows the top ten and says how many are in the other countries', () => {
    const codes = ['AA', 'BB', 'CC', 'DD', 'EE', 'FF', 'GG', 'HH', 'II', 'JJ', 'KK', 'LL'];
    const customers = codes.flatMap((code, index) => Array.from({ length: 20 - index }, () => of(code)));
    const chart = countByCountry(customers, 'not-accepted');
    expect(chart.top.map((entry) => entry.country)).toEqual(codes.slice(0, 10));
    expect(chart.others).toBe(10 + 9);
    expect(chart.total).toBe(customers.length);
  });
});

describe('overviewCharts', () => {
  it('reads the list’s status per position and the country from the row, else from the details', () => {
    const rows = [{ id: 'a', country: 'NL' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const statuses: McaStatus[] = ['not-accepted', 'not-accepted', 'accepted-directly', 'confirmed-by-partner'];
    const charts = overviewCharts(
      {
        rows,
        statusAt: (position) => statuses[position] as McaStatus,
        countryOf: (id) => (id === 'b' ? 'BE' : undefined),
        partnerOf: (id) => (id === 'd' ? partner('d', '2026-12-01T00:00:00Z') : undefined),
        directOf: (id) => (id === 'c' ? direct('c', true, local(11, 2)) : id === 'a' ? direct('a', false, local(11, 2)) : undefined),
      },
      NOW,
    );
    expect(charts.countries.top).toEqual([
      { country: 'BE', count: 1 },
      { country: 'NL', count: 1 },
    ]);
    expect(charts.weeks.at(-1)).toEqual({ weekStart: '2026-11-30', partner: 1, direct: 1 });
  });
});
