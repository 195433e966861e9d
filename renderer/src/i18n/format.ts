/** Dates and times as the agent reads them, in the current language (date-fns). */
import { format, formatDistanceToNow, parseISO } from 'date-fns';
import { apiInstantToCalendarDate } from '../../../shared/domain/dates';
import { dateLocale, i18n } from './index';

/** A calendar day (YYYY-MM-DD) as "20 Nov 2026" / "20 nov 2026". */
export function formatDay(day: string): string {
  const parsed = parseISO(day);
  return Number.isNaN(parsed.getTime()) ? day : format(parsed, 'PP', { locale: dateLocale() });
}

/** The day of an API instant ("2019-08-26T00:00:00" is UTC). */
export function formatApiDay(instant: string): string {
  const day = apiInstantToCalendarDate(instant);
  return day ? formatDay(day) : instant;
}

/** A moment as date and time, in the app's language or in `language` (an email's). */
export function formatMoment(epochMs: number, language?: string): string {
  return format(new Date(epochMs), 'PPp', { locale: dateLocale(language) });
}

/** "5 minutes ago" / "5 minuten geleden". */
export function formatAgo(epochMs: number, now: number = Date.now()): string {
  if (epochMs >= now) return formatDistanceToNow(new Date(now), { addSuffix: true, locale: dateLocale() });
  return formatDistanceToNow(new Date(epochMs), { addSuffix: true, locale: dateLocale() });
}

/** A time of day, for "until 14:05". */
export function formatTime(epochMs: number): string {
  return format(new Date(epochMs), 'p', { locale: dateLocale() });
}

/** A file size as "1.4 MB" / "1,4 MB" (KB below a megabyte). */
export function formatSize(bytes: number): string {
  const megabytes = bytes >= 1024 * 1024;
  const value = megabytes ? bytes / (1024 * 1024) : Math.max(bytes / 1024, 0.1);
  return new Intl.NumberFormat(i18n.global.locale.value, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(value);
}
