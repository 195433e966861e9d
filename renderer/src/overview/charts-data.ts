/**
 * The Overview's two charts as numbers: confirmations per week over the last weeks (partner
 * attestation vs direct acceptance) and the customers who need acceptance per country. Pure: the
 * customers, their sources and the clock come in, and every customer's confirmation comes from
 * `deriveCustomerState`, the list's own derivation, so the charts never disagree with the list.
 */
import { addWeeks, format, parseISO, startOfISOWeek } from 'date-fns';
import { deriveCustomerState, type CustomerSources, type McaStatus } from '../domain/mca-status';
import type { DirectAcceptanceRow, McaStateRow } from '../db/rows';

export const CHART_WEEKS = 12;
export const TOP_COUNTRIES = 10;
/** The country bucket of customers whose country this computer does not know (the real list call carries none). */
export const UNKNOWN_COUNTRY = 'unknown';

/** One customer's confirmation: who confirmed and when (epoch ms, local calendar day). */
export interface Confirmation {
  by: 'partner' | 'customer';
  at: number;
}

/**
 * When the customer was confirmed, as the list sees it: a partner confirmation on its latest
 * `dateAgreed` (the calendar day, read as a local day so a UTC midnight does not fall on the day
 * before), a direct acceptance when this computer first saw it (Partner Center tells no date for
 * it). Null for a customer who is not ready to order, or whose date is not known.
 */
export function confirmationOf(sources: Pick<CustomerSources, 'partner' | 'direct'>): Confirmation | null {
  const state = deriveCustomerState(sources);
  if (state.confirmedBy === 'partner') {
    const day = state.latestDateAgreed?.slice(0, 10);
    const at = day ? parseISO(day).getTime() : Number.NaN;
    return Number.isNaN(at) ? null : { by: 'partner', at };
  }
  if (state.confirmedBy === 'customer' && sources.direct)
    return { by: 'customer', at: sources.direct.acceptedSeenAt ?? sources.direct.checkedAt };
  return null;
}

export interface WeekCount {
  /** The week's Monday, YYYY-MM-DD (ISO weeks, local time). */
  weekStart: string;
  partner: number;
  direct: number;
}

/** The last `weeks` ISO weeks up to and including the current one, oldest first, with their confirmations. */
export function confirmationsPerWeek(confirmations: Iterable<Confirmation>, now: number, weeks = CHART_WEEKS): WeekCount[] {
  const first = addWeeks(startOfISOWeek(now), -(weeks - 1));
  const starts = Array.from({ length: weeks + 1 }, (_, index) => addWeeks(first, index).getTime());
  const result: WeekCount[] = starts.slice(0, weeks).map((start) => ({ weekStart: format(start, 'yyyy-MM-dd'), partner: 0, direct: 0 }));
  for (const confirmation of confirmations) {
    // Weeks are not all 7 × 24 h long (daylight saving), so the week is found by its bounds.
    if (confirmation.at < (starts[0] as number) || confirmation.at >= (starts[weeks] as number)) continue;
    let index = weeks - 1;
    while (confirmation.at < (starts[index] as number)) index--;
    const week = result[index] as WeekCount;
    if (confirmation.by === 'partner') week.partner++;
    else week.direct++;
  }
  return result;
}

export interface CountryCount {
  /** ISO 3166-1 alpha-2, upper case, or `UNKNOWN_COUNTRY`. */
  country: string;
  count: number;
}

export interface CountryChart {
  top: CountryCount[];
  /** Customers needing acceptance in the countries after the top ones. */
  others: number;
  total: number;
}

/** A country code as the charts group it: upper-case ISO-2, anything else unknown. */
export function countryKey(country: string | null | undefined): string {
  const code = country?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : UNKNOWN_COUNTRY;
}

/** The countries with most customers of `status` (the Overview: "Needs acceptance"), most first, ties by code. */
export function countByCountry(
  customers: Iterable<{ country: string | null | undefined; status: McaStatus }>,
  status: McaStatus,
  top = TOP_COUNTRIES,
): CountryChart {
  const counts = new Map<string, number>();
  let total = 0;
  for (const customer of customers) {
    if (customer.status !== status) continue;
    const key = countryKey(customer.country);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  const sorted = [...counts].map(([country, count]) => ({ country, count }));
  sorted.sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
  const shown = sorted.slice(0, top);
  return { top: shown, others: total - shown.reduce((sum, entry) => sum + entry.count, 0), total };
}

/** What the Overview reads of the stores, as functions (the stores keep 100,000 rows out of Vue's reactivity). */
export interface BookSources {
  rows: readonly { id: string; country?: string | undefined }[];
  statusAt(position: number): McaStatus;
  countryOf?(id: string): string | undefined;
  partnerOf(id: string): McaStateRow | undefined;
  directOf(id: string): DirectAcceptanceRow | undefined;
}

export interface OverviewCharts {
  weeks: WeekCount[];
  countries: CountryChart;
}

/** Both charts over the whole book in one pass over the customers. */
export function overviewCharts(book: BookSources, now: number, status: McaStatus = 'not-accepted'): OverviewCharts {
  const confirmations: Confirmation[] = [];
  const located: Array<{ country: string | undefined; status: McaStatus }> = [];
  book.rows.forEach((row, position) => {
    const confirmation = confirmationOf({ partner: book.partnerOf(row.id), direct: book.directOf(row.id) });
    if (confirmation) confirmations.push(confirmation);
    const rowStatus = book.statusAt(position);
    if (rowStatus === status) located.push({ country: row.country ?? book.countryOf?.(row.id), status: rowStatus });
  });
  return { weeks: confirmationsPerWeek(confirmations, now), countries: countByCountry(located, status) };
}
