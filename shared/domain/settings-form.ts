import { z } from 'zod';
import { calendarDateSchema, latestAcceptanceDate } from './dates';
import { LINK_EXPIRY_MAX_MINUTES } from './link-expiry';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

type UrlIssue = 'required' | 'invalid-url' | 'insecure-url' | 'sandbox-not-local';

function backendUrlIssue(value: string, options: { loopbackOnly: boolean }): UrlIssue | undefined {
  if (value.length === 0) return 'required';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid-url';
  }
  if (value.length > 500 || url.username || url.password || !['http:', 'https:'].includes(url.protocol)) return 'invalid-url';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return 'insecure-url';
  if (options.loopbackOnly && !LOOPBACK_HOSTS.has(url.hostname)) return 'sandbox-not-local';
  return undefined;
}

function urlSchema(options: { loopbackOnly: boolean }) {
  return z
    .string({ required_error: 'required' })
    .trim()
    .superRefine((value, ctx) => {
      const issue = backendUrlIssue(value, options);
      if (issue) ctx.addIssue({ code: z.ZodIssueCode.custom, message: issue });
    });
}

/**
 * A backend URL the app may talk to: https anywhere, plain http only on this machine (the sandbox).
 * Issue codes: 'required', 'invalid-url', 'insecure-url'.
 */
export const backendUrlSchema = urlSchema({ loopbackOnly: false });

/**
 * The sandbox's URL: on this machine only (127.0.0.1, localhost or [::1], http or https). Signing in to
 * the sandbox sends a seeded user's password, which must never go to another machine.
 * Issue codes: those of `backendUrlSchema`, and 'sandbox-not-local' for https elsewhere.
 */
export const sandboxUrlSchema = urlSchema({ loopbackOnly: true });

/** A Microsoft Entra tenant: its GUID or a verified domain such as contoso.onmicrosoft.com. */
export const tenantReferenceSchema = z
  .string({ required_error: 'required' })
  .trim()
  .superRefine((value, ctx) => {
    if (value.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'required' });
    else if (!GUID.test(value) && !TENANT_DOMAIN.test(value)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid-tenant' });
  });

/** An app registration's client id (a GUID). */
export const clientIdSchema = z
  .string({ required_error: 'required' })
  .trim()
  .superRefine((value, ctx) => {
    if (value.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'required' });
    else if (!GUID.test(value)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid-guid' });
  });

/**
 * The Settings "Backend" form: the sandbox needs its URL; Partner Center needs the partner's tenant
 * and the app's client id. The other backend's values are kept as they are.
 */
export const backendSettingsFormSchema = z.discriminatedUnion('backend', [
  z.object({
    backend: z.literal('sandbox'),
    sandboxUrl: sandboxUrlSchema,
    partnerCenter: z.object({ tenantId: z.string().trim().max(100), clientId: z.string().trim().max(100) }),
  }),
  z.object({
    backend: z.literal('partner-center'),
    sandboxUrl: z.string(),
    partnerCenter: z.object({ tenantId: tenantReferenceSchema, clientId: clientIdSchema }),
  }),
]);

export type BackendSettingsForm = z.output<typeof backendSettingsFormSchema>;
export type BackendSettingsFormInput = z.input<typeof backendSettingsFormSchema>;

/**
 * A number setting from `min` to `max` in the steps `step` allows (the form, the IPC payload and the
 * host judge it with the same schema). Issue codes: 'not-a-number', 'too-small', 'too-large', `step.code`.
 */
function boundedNumberSchema(min: number, max: number, step: { code: string; holds: (value: number) => boolean }) {
  const issueOf = (value: number): string | undefined => {
    if (!Number.isFinite(value)) return 'not-a-number';
    if (value < min) return 'too-small';
    if (value > max) return 'too-large';
    return step.holds(value) ? undefined : step.code;
  };
  return z.number({ invalid_type_error: 'not-a-number', required_error: 'not-a-number' }).superRefine((value, ctx) => {
    const issue = issueOf(value);
    if (issue) ctx.addIssue({ code: z.ZodIssueCode.custom, message: issue });
  });
}

/** The direct-acceptance scan's default share of the backend's rate limit: half. */
export const DEFAULT_DIRECT_SCAN_SHARE = 0.5;

/**
 * Settings › Direct acceptance check: the share of the backend's rate limit (Partner Center: 500
 * requests a minute) the background check may use, from 5 % to 100 % in whole percents. The form
 * (as a share of its percent field), the IPC payload (`settingsSchema`) and the host's settings check
 * all use this one schema. Issue codes: 'not-a-number', 'too-small', 'too-large', 'not-whole-percent'.
 */
export const directScanShareSchema = boundedNumberSchema(0.05, 1, {
  code: 'not-whole-percent',
  holds: (share) => Math.abs(share * 100 - Math.round(share * 100)) <= 1e-9,
});

/**
 * Settings › Earliest acceptance date: a calendar day, not after today in UTC (a floor after today would
 * refuse every date). The settings form and the main process's settings check both use it.
 */
export const acceptanceFloorSettingSchema = calendarDateSchema.refine((day) => day <= latestAcceptanceDate(new Date(), 'UTC'), 'in-future');

/** Overview › Follow up: a sent link is listed once the signer has not accepted it after this many days (default 3). */
export const DEFAULT_FOLLOW_UP_AFTER_DAYS = 3;
/** The longest a link lives, in days (10,080 minutes): a pending link is never older than this. */
export const FOLLOW_UP_AFTER_DAYS_MAX = LINK_EXPIRY_MAX_MINUTES / (24 * 60);

/**
 * Settings › Follow up: whole days, 1 to 7 (a link lives at most 7 days, so a larger number would never
 * list one). The form, the IPC payload (`settingsSchema`) and the host's settings check all use this one
 * schema. Issue codes: 'not-a-number', 'too-small', 'too-large', 'not-whole'.
 */
export const followUpAfterDaysSchema = boundedNumberSchema(1, FOLLOW_UP_AFTER_DAYS_MAX, { code: 'not-whole', holds: Number.isInteger });
