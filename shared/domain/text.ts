import { z } from 'zod';

/**
 * C0/C1 control characters and the bidirectional overrides/isolates that can disguise a name
 * ("evil\u202Egnp.exe"). Zero-width joiners stay allowed: several scripts need them.
 */
const FORBIDDEN_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Number of user-perceived code points, so "Zoë" or "渡辺" count as people read them. */
export function characterCount(value: string): number {
  return [...value].length;
}

export function hasControlCharacters(value: string): boolean {
  return FORBIDDEN_CHARACTERS.test(value);
}

/** A required, trimmed, single-line text of at most `max` characters without control characters. */
export function requiredText(max: number) {
  return z
    .string({ required_error: 'required', invalid_type_error: 'required' })
    .transform((value) => value.trim())
    .superRefine((value, ctx) => {
      if (value.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'required', fatal: true });
      else if (characterCount(value) > max)
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'too-long', params: { max }, fatal: true });
      else if (hasControlCharacters(value)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'control-characters', fatal: true });
    });
}

/** Optional text: empty or blank becomes undefined; otherwise the same rules as `requiredText`. */
export function optionalText(max: number) {
  return z
    .string()
    .optional()
    .nullable()
    .transform((value) => {
      const trimmed = value?.trim();
      return trimmed ? trimmed : undefined;
    })
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      if (characterCount(value) > max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'too-long', params: { max }, fatal: true });
      else if (hasControlCharacters(value)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'control-characters', fatal: true });
    });
}
