/**
 * The outcome variants of a send the outbox makes (one attestation, a batch item, an enhanced
 * create or finalise). Every such channel answers one of these for the item's sake, never an
 * error, so `auth-required` pauses the queue and nothing the agent typed is lost.
 */
import { z } from 'zod';
import { agreementRecordSchema } from '../domain/agreement';

/** What the agent has to do before an `auth-required` item can go: sign in, sign in with MFA, or have an Admin agent set up the app credential. */
export const authNeeds = ['sign-in', 'mfa', 'app-credential'] as const;
export const authNeedSchema = z.enum(authNeeds);
export type AuthNeed = z.infer<typeof authNeedSchema>;

export const confirmedResultSchema = z.object({
  status: z.literal('confirmed'),
  record: agreementRecordSchema,
  alreadyRecorded: z.boolean(),
});
/** `throttled`: the backend answered 429 (its limit is the partner's): nothing is sent until `afterMs` has passed. */
export const retryResultSchema = z.object({
  status: z.literal('retry'),
  afterMs: z.number().int().nonnegative(),
  reason: z.string(),
  throttled: z.literal(true).optional(),
});
export const failedResultSchema = z.object({ status: z.literal('failed'), code: z.union([z.string(), z.number()]), reason: z.string() });
export const authRequiredResultSchema = z.object({
  status: z.literal('auth-required'),
  reason: z.string(),
  need: authNeedSchema.optional(),
});
/**
 * The backend retired the legacy attestation (contact + date, or the bulk tool; Partner Center since
 * 5 January 2026). Permanent: never retried, the item is parked with everything the agent typed, for
 * the enhanced route to take over.
 */
export const legacyRetiredResultSchema = z.object({
  status: z.literal('legacy-retired'),
  code: z.union([z.string(), z.number()]),
  reason: z.string(),
});

/**
 * A write's "read first whether an earlier attempt landed" flag (submit, finalise). The outbox sets it
 * (`renderer/src/outbox/check-first.ts`); absent means true, the safe side.
 */
export const checkFirstSchema = z.boolean().optional();
