/**
 * AppOnly tokens for the enhanced attestation calls (Partner Center today takes nothing else there).
 * One interface, two sources: the sandbox's partner app (no setup: `SandboxAppOnly`) and the app
 * credential an Admin agent set up for Partner Center (`MsalAppOnly`, msal-app-only.ts). A source
 * that cannot give a token says what to fix with an `AuthRequiredError` (`need`: sign in again, or an
 * Admin agent sets up the app credential), so queued work waits instead of being dropped; an
 * identity service out of reach is a retryable `network` error.
 */
import { z } from 'zod';
import type { BackendKind } from '../../../shared/ipc/contract';
import type { AppCredentialStatus } from '../../../shared/ipc/enhanced';
import type { PartnerUser } from '../../../shared/domain/roles';
import { AuthRequiredError, hostError } from '../errors';
import { parseErrorBody } from '../partner-center/errors';
import { apiRoot, type FetchLike } from '../partner-center/http';
import { APP_TOKEN_EXPIRY_MARGIN_MS, SANDBOX_TOKEN_PATH } from '../partner-center/enhanced-contract';

export interface AppOnlyTokenSource {
  readonly backend: BackendKind;
  /** A bearer token; `fresh`: never the cached one (the backend just refused it). */
  getToken(options?: { fresh?: boolean }): Promise<string>;
  /** The backend refused even a fresh token (401): the error to give, remembered for the status. */
  rejected(): AuthRequiredError;
  /** What Settings shows (never the credential). */
  status(user: PartnerUser | undefined): Promise<AppCredentialStatus>;
}

const tokenAnswerSchema = z.object({ access_token: z.string().min(1), expires_in: z.union([z.number(), z.string()]).optional() });

/** A token and until when it may be used. */
export interface CachedToken {
  token: string;
  usableUntil: number;
}

export function usable(cached: CachedToken | undefined, now: Date): cached is CachedToken {
  return cached !== undefined && cached.usableUntil > now.getTime();
}

export const SANDBOX_CREDENTIAL_MISSING =
  'This sign-in brought no app for the enhanced attestation calls (the sandbox models Partner Center before 2026, or the session is older than this version of MCA Desk): sign in to the sandbox again.';
const SANDBOX_CREDENTIAL_REJECTED =
  "The sandbox refused your partner's app (its secret is the sandbox password, which may have changed): sign in to the sandbox again.";

export interface SandboxAppOnlyOptions {
  /** The signed-in user's partner app, from the sandbox session (client id, secret, the sandbox's URL). */
  credential: () => { clientId: string; secret: string; url: string } | undefined;
  fetch?: FetchLike;
  now: () => Date;
  timeoutMs?: number;
}

/** The sandbox: the client credentials grant with the partner's seeded app and the sandbox password. */
export class SandboxAppOnly implements AppOnlyTokenSource {
  readonly backend = 'sandbox' as const;
  private cached?: CachedToken & { clientId: string; url: string };
  private problem?: string;
  private readonly fetchImpl: FetchLike;

  constructor(private readonly options: SandboxAppOnlyOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async getToken(options: { fresh?: boolean } = {}): Promise<string> {
    const credential = this.options.credential();
    if (!credential) {
      this.problem = SANDBOX_CREDENTIAL_MISSING;
      throw new AuthRequiredError(SANDBOX_CREDENTIAL_MISSING, { need: 'sign-in', reason: 'app-credential-missing' });
    }
    const cached = this.cached;
    if (!options.fresh && usable(cached, this.options.now()) && cached.clientId === credential.clientId && cached.url === credential.url)
      return cached.token;
    const root = apiRoot(credential.url);
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${root}${SANDBOX_TOKEN_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: credential.clientId,
          client_secret: credential.secret,
        }).toString(),
        signal: timeout,
        redirect: 'error',
      });
      text = await response.text();
    } catch {
      throw hostError(timeout.aborted ? 'timeout' : 'network', `The sandbox at ${root} could not be reached for an app token.`);
    }
    if (response.status === 400 || response.status === 401) {
      this.problem = SANDBOX_CREDENTIAL_REJECTED;
      throw new AuthRequiredError(SANDBOX_CREDENTIAL_REJECTED, { need: 'sign-in', reason: 'app-credential-rejected' });
    }
    if (!response.ok)
      throw hostError('backend', `The sandbox refused the app token (${response.status}).`, {
        status: response.status,
        backendCode: parseErrorBody(text).code,
      });
    let parsed: z.SafeParseReturnType<unknown, z.output<typeof tokenAnswerSchema>>;
    try {
      parsed = tokenAnswerSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = tokenAnswerSchema.safeParse(undefined);
    }
    if (!parsed.success) throw hostError('backend', 'The sandbox answered the app sign-in without a token.');
    const lifetimeMs = Number(parsed.data.expires_in ?? 3600) * 1000;
    const usableUntil = this.options.now().getTime() + (Number.isFinite(lifetimeMs) ? lifetimeMs : 3_600_000) - APP_TOKEN_EXPIRY_MARGIN_MS;
    this.cached = { token: parsed.data.access_token, usableUntil, clientId: credential.clientId, url: credential.url };
    this.problem = undefined;
    return parsed.data.access_token;
  }

  rejected(): AuthRequiredError {
    this.cached = undefined;
    this.problem = SANDBOX_CREDENTIAL_REJECTED;
    return new AuthRequiredError(SANDBOX_CREDENTIAL_REJECTED, { need: 'sign-in', reason: 'app-credential-rejected' });
  }

  async status(): Promise<AppCredentialStatus> {
    const credential = this.options.credential();
    return {
      backend: 'sandbox',
      source: 'sandbox-partner-app',
      configured: credential !== undefined,
      ...(credential ? { clientId: credential.clientId } : {}),
      ...(this.problem || !credential ? { problem: this.problem ?? SANDBOX_CREDENTIAL_MISSING } : {}),
      // The sandbox's app comes with the sign-in: there is nothing to set up.
      mayChange: false,
    };
  }
}
