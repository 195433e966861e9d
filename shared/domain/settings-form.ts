import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * A backend URL the app may talk to: https anywhere, plain http only on this machine (the sandbox).
 * Issue codes: 'required', 'invalid-url', 'insecure-url'.
 */
export const backendUrlSchema = z
  .string({ required_error: 'required' })
  .trim()
  .superRefine((value, ctx) => {
    if (value.length === 0) return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'required' });
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid-url' });
    }
    if (value.length > 500 || url.username || url.password || !['http:', 'https:'].includes(url.protocol))
      return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid-url' });
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'insecure-url' });
  });

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
    sandboxUrl: backendUrlSchema,
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
