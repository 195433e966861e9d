/**
 * The "link valid for" cell of a signer row, to minutes. Spreadsheets are filled by hand, so the
 * same lifetime may be written as minutes (the API's unit: 60, 1440, 10080), short ("1h", "1d",
 * "7d") or spelled out in English or Dutch ("1 hour", "7 days", "1 uur", "7 dagen"). Only the form's
 * three choices are taken: an imported item must show its lifetime when it is edited in that form.
 * Empty means the default (7 days), as in the form.
 */
import { LINK_EXPIRY_CHOICES } from '../../../shared/domain/link-expiry';

const UNIT_MINUTES: ReadonlyArray<{ minutes: number; names: readonly string[] }> = [
  { minutes: 1, names: ['', 'm', 'min', 'mins', 'minute', 'minutes', 'minuut', 'minuten'] },
  { minutes: 60, names: ['h', 'hr', 'hrs', 'hour', 'hours', 'u', 'uur', 'uren'] },
  { minutes: 1440, names: ['d', 'day', 'days', 'dag', 'dagen'] },
  { minutes: 10_080, names: ['w', 'wk', 'week', 'weeks', 'weken'] },
];

export type LinkValidity = { ok: true; minutes: number | undefined } | { ok: false };

export function parseLinkValidity(cell: string): LinkValidity {
  const text = cell.trim().toLowerCase();
  if (text === '') return { ok: true, minutes: undefined };
  const match = /^(\d{1,6})\s*([a-z]*)$/.exec(text);
  if (!match) return { ok: false };
  const unit = UNIT_MINUTES.find((candidate) => candidate.names.includes(match[2]!));
  if (!unit) return { ok: false };
  const minutes = Number(match[1]) * unit.minutes;
  return LINK_EXPIRY_CHOICES.some((choice) => choice.minutes === minutes) ? { ok: true, minutes } : { ok: false };
}
