import { z } from 'zod';

/** Every failure a channel can report, the same over Electron IPC and the browser bridge. */
export const ipcErrorCodes = [
  'bad-request', // the payload failed the channel's schema; nothing was done
  'bad-sender', // the call came from a frame or origin that is not the app
  'unknown-channel',
  'auth-required', // not signed in, or the token expired: sign in again
  'forbidden', // role or partner type does not allow it
  'not-found',
  'conflict',
  'rule', // a domain rule refused it (date, duplicate, …); `reason` says which
  'backend', // the backend refused it; `status` and `backendCode` say how
  'throttled', // 429; `retryAfterMs` says when to try again (every retryable error carries it)
  'network', // the backend could not be reached
  'timeout',
  'unavailable', // not possible in this transport or configuration
  'internal',
] as const;
export const ipcErrorCodeSchema = z.enum(ipcErrorCodes);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  reason: z.string().optional(),
  status: z.number().int().optional(),
  backendCode: z.union([z.string(), z.number()]).optional(),
  /**
   * The host's verdict (electron/host/verdict.ts): whether the same call can succeed later. Absent
   * when the host never judged the failure (its transport failed or refused the caller, or a defect):
   * whoever holds the work keeps it.
   */
  retryable: z.boolean().optional(),
  /** With `retryable`: not before this many milliseconds (the backend's Retry-After, or the host's default). */
  retryAfterMs: z.number().int().nonnegative().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

/**
 * The `reason` of an `auth-required` error when Partner Center refused the sign-in because it carried
 * no multi-factor authentication (401 with 900421, since 1 April 2026). Signing in again the same way
 * cannot help, so the host and the renderer name this case apart from an expired or wrong sign-in.
 */
export const MFA_REQUIRED_REASON = 'mfa-required';

/** Whether a failure means "sign in again, with MFA". */
export function needsMfa(detail: IpcError): boolean {
  return detail.code === 'auth-required' && detail.reason === MFA_REQUIRED_REASON;
}

/** What every channel answers: data, or a typed error. Never a thrown exception across the boundary. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/** Turns a zod failure into the `bad-request` error a transport sends back. */
export function badRequest(error: z.ZodError, message = 'The request is not valid.'): IpcError {
  return {
    code: 'bad-request',
    message,
    issues: error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  };
}

/** An error a renderer can throw and catch: carries the typed `IpcError`. */
export class ApiError extends Error {
  readonly code: IpcErrorCode;
  readonly detail: IpcError;
  constructor(detail: IpcError) {
    super(detail.message);
    this.name = 'ApiError';
    this.code = detail.code;
    this.detail = detail;
  }
}
