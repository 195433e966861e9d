/**
 * How long an acceptance link works (the enhanced attestation's `linkExpiryMinutes`): 5 minutes to
 * 7 days, 7 days when not given (CHOSEN, after CloudCockpit; reference/partner-center-2026.md §2).
 * Its own module so the customer schemas and the wire schema share it without importing each other.
 */
import { z } from 'zod';

export const LINK_EXPIRY_MIN_MINUTES = 5;
export const LINK_EXPIRY_MAX_MINUTES = 10_080;
export const LINK_EXPIRY_DEFAULT_MINUTES = 10_080;

/** A whole number of minutes in range, or absent for the default. */
export const linkExpiryMinutesSchema = z
  .number({ invalid_type_error: 'invalid-number' })
  .int('invalid-number')
  .min(LINK_EXPIRY_MIN_MINUTES, 'out-of-range')
  .max(LINK_EXPIRY_MAX_MINUTES, 'out-of-range')
  .optional();

/**
 * The lifetimes an agent picks from (an hour, a day, a week): the form's choices, and what a CSV
 * import takes, so an imported item can be edited in the same form without an odd value.
 */
export const LINK_EXPIRY_CHOICES = [
  { minutes: 60, name: 'hour' },
  { minutes: 1440, name: 'day' },
  { minutes: LINK_EXPIRY_DEFAULT_MINUTES, name: 'week' },
] as const;
