import { z } from 'zod';
import { isValid, parseISO } from 'date-fns';

/** The MCA did not exist before this date; a configurable, safe floor (DOMAIN.md). */
export const DEFAULT_ACCEPTANCE_FLOOR = '2019-03-01';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for a real calendar day written as YYYY-MM-DD (2026-02-30 is not one). parseISO checks the
 * day against its month; the pattern pins the exact shape. Not `parse(value, 'yyyy-MM-dd')` and a
 * `format` back: Save validates the date once every few seconds, so that code runs cold, and in a
 * sampled profile of Save it was about 0.5 of the form's 1.3 ms parse (issue 15).
 */
export function isCalendarDate(value: string): boolean {
  return CALENDAR_DATE.test(value) && isValid(parseISO(value));
}

export const calendarDateSchema = z
  .string({ required_error: 'required', invalid_type_error: 'required' })
  .refine((value) => value.length > 0, 'required')
  .refine(isCalendarDate, 'invalid-date');

/**
 * The earliest acceptance day the agent's organisation allows (Settings; DOMAIN.md: configurable, 2019-03-01
 * by default). The form, the CSV import and the main process all judge a date against this one value.
 */
export const acceptanceFloorSchema = calendarDateSchema.default(DEFAULT_ACCEPTANCE_FLOOR);

/**
 * One day formatter per time zone: building an Intl.DateTimeFormat costs far more than using one, and
 * the form validates dates on every keystroke and on Save.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatFor(timeZone: string): Intl.DateTimeFormat | null {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      return null;
    }
    if (dayFormats.size > 64) dayFormats.clear();
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar date (YYYY-MM-DD) that a wall clock in `timeZone` shows at `instant`. Straight from
 * Intl (no Date subclass), so it also holds under fake clocks such as Playwright's `page.clock`.
 */
export function calendarDateIn(instant: Date, timeZone: string): string {
  const format = dayFormatFor(timeZone);
  if (!format) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * The latest acceptance date an agent may pick: the earlier of their local date and the UTC date,
 * because the backend compares the date with its own UTC clock (an agent in Auckland on the morning
 * of the 2nd may not pick the 2nd while UTC is still on the 1st).
 */
export function latestAcceptanceDate(now: Date, timeZone: string): string {
  const local = calendarDateIn(now, timeZone);
  const utc = calendarDateIn(now, 'UTC');
  return local < utc ? local : utc;
}

/** The instant that is sent for a chosen day: UTC midnight, as Partner Center's samples show. */
export function toUtcMidnight(date: string): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return `${date}T00:00:00.000Z`;
}

/**
 * Parses a `dateAgreed` as the API returns it. GET responses carry no offset
 * ("2019-08-26T00:00:00"); those are UTC.
 */
export function parseApiInstant(value: string): Date | undefined {
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const parsed = new Date(hasOffset ? value : `${value}Z`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** The calendar day (UTC) of an API `dateAgreed`. */
export function apiInstantToCalendarDate(value: string): string | undefined {
  const instant = parseApiInstant(value);
  return instant ? calendarDateIn(instant, 'UTC') : undefined;
}

export interface DateRuleContext {
  /** The instant to judge against (injected so rules are testable and the main process can pass its own clock). */
  now: Date;
  /** IANA zone of the agent; the main process and the backend judge with 'UTC'. */
  timeZone: string;
  /** Earliest allowed day, YYYY-MM-DD. */
  floor?: string;
}

export type DateRuleResult =
  | { ok: true; date: string; dateAgreed: string }
  | { ok: false; reason: 'invalid-date'; date: string }
  | { ok: false; reason: 'in-future'; date: string; latest: string }
  | { ok: false; reason: 'before-floor'; date: string; floor: string };

/** Checks a chosen acceptance day against the date rule and gives the UTC instant to send. */
export function checkAcceptanceDate(date: string, context: DateRuleContext): DateRuleResult {
  if (!isCalendarDate(date)) return { ok: false, reason: 'invalid-date', date };
  const floor = context.floor ?? DEFAULT_ACCEPTANCE_FLOOR;
  if (date < floor) return { ok: false, reason: 'before-floor', date, floor };
  const latest = latestAcceptanceDate(context.now, context.timeZone);
  if (date > latest) return { ok: false, reason: 'in-future', date, latest };
  return { ok: true, date, dateAgreed: toUtcMidnight(date) };
}

/** The backend's rule (error 600002): a `dateAgreed` instant later than the server's UTC now. */
export function isAfterServerNow(dateAgreed: string, serverNow: Date): boolean {
  const instant = parseApiInstant(dateAgreed);
  return instant === undefined || instant.getTime() > serverNow.getTime();
}
