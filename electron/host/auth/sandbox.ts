/**
 * Sign-in against the sandbox: a seeded user's name and password for a bearer token
 * (`POST /oauth2/token`, grant_type=password), then the user's roles and partner type from the
 * sandbox-only `GET /v1/profiles/me`. The session (token, expiry, user) is kept in the secret store,
 * so a restart of the app keeps the agent signed in until the token expires. A token is bound to the
 * sandbox URL it was issued by: it is never restored for, or sent to, any other URL.
 *
 * The AppOnly app of the sandbox needs no setup: the profile names the partner's seeded app
 * registration (`appClientId`, Partner Center today only) and its secret is the sandbox password,
 * which the agent just typed. Both are kept with the session in the secret store (encrypted, never
 * sent to the renderer) and dropped on sign-out; `appCredential()` hands them to the AppOnly source.
 */
import { z } from 'zod';
import type { Session } from '../../../shared/ipc/contract';
import { partnerUserSchema, type PartnerUser } from '../../../shared/domain/roles';
import { AuthRequiredError, hostError } from '../errors';
import { MFA_REQUIRED_REASON } from '../../../shared/ipc/errors';
import { PartnerCenterClient } from '../partner-center/client';
import { parseErrorBody } from '../partner-center/errors';
import { apiRoot, type FetchLike } from '../partner-center/http';
import type { RetryAfterHolds } from '../partner-center/retry-after-hold';
import type { SecretStore } from '../secrets/store';
import type { AuthLoss, AuthProvider, SignInRequest } from './provider';
import { MFA_REASON } from '../partner-center/enhanced-contract';

const SESSION_KEY = 'session:sandbox';

const storedSessionSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: partnerUserSchema,
  url: z.string(),
  /** The partner's app registration and its secret (the sandbox password): absent before 2026, or in a session stored by an older MCA Desk. */
  app: z.object({ clientId: z.string().min(1), secret: z.string().min(1) }).optional(),
});
type StoredSession = z.infer<typeof storedSessionSchema>;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string()]).optional(),
});

export interface SandboxAuthOptions {
  /** The sandbox's URL; a function, because settings may change it while the app runs. */
  baseUrl: () => string;
  secrets: SecretStore;
  fetch?: FetchLike;
  now?: () => Date;
  timeoutMs?: number;
  /** The host's Retry-After holds, so the profile lookup of a sign-in respects a running 429 window. */
  retryAfterHolds?: RetryAfterHolds;
}

export class SandboxAuthProvider implements AuthProvider {
  readonly kind = 'sandbox' as const;
  private current?: StoredSession;
  /** The last session ended by expiry or a 401 (so the message can say so). */
  private lapsed = false;
  /** The last session ended because the backend wants MFA (the sandbox's user without MFA never gets past this). */
  private mfaLapse = false;
  private readonly now: () => Date;
  private readonly fetchImpl: FetchLike;

  constructor(private readonly options: SandboxAuthOptions) {
    this.now = options.now ?? (() => new Date());
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async restore(): Promise<void> {
    try {
      const raw = await this.options.secrets.get(SESSION_KEY);
      const parsed = raw ? storedSessionSchema.safeParse(JSON.parse(raw)) : undefined;
      this.current = parsed?.success && !this.expired(parsed.data) && this.issuedHere(parsed.data) ? parsed.data : undefined;
    } catch {
      this.current = undefined;
    }
  }

  private expired(session: StoredSession): boolean {
    return Date.parse(session.expiresAt) <= this.now().getTime();
  }

  /** The token was issued by the sandbox the settings point at now. */
  private issuedHere(session: StoredSession): boolean {
    try {
      return session.url === apiRoot(this.options.baseUrl());
    } catch {
      return false;
    }
  }

  private active(): StoredSession | undefined {
    if (this.current && !this.issuedHere(this.current)) this.current = undefined;
    if (this.current && this.expired(this.current)) {
      this.current = undefined;
      this.lapsed = true;
    }
    return this.current;
  }

  session(): Session {
    const current = this.active();
    // A sandbox of Partner Center today names the partner's app with the profile; one before 2026 has none.
    return current
      ? {
          signedIn: true,
          backend: 'sandbox',
          user: current.user,
          expiresAt: current.expiresAt,
          attestationRoute: current.app ? 'enhanced' : 'legacy',
        }
      : { signedIn: false, backend: 'sandbox' };
  }

  user(): PartnerUser | undefined {
    return this.active()?.user;
  }

  async signIn(request: SignInRequest): Promise<Session> {
    if (request.method !== 'password')
      throw hostError('unavailable', 'The sandbox signs in with a user name and password; "Sign in with Microsoft" is for Partner Center.');
    const root = apiRoot(this.options.baseUrl());
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${root}/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'password', username: request.userName, password: request.password }).toString(),
        signal: timeout,
        redirect: 'error',
      });
      text = await response.text();
    } catch {
      throw hostError(timeout.aborted ? 'timeout' : 'network', `The sandbox at ${root} could not be reached.`);
    }
    if (!response.ok) {
      const body = parseErrorBody(text);
      if (response.status === 400 || response.status === 401)
        throw hostError('auth-required', 'The user name or password is not correct.', {
          reason: 'invalid-credentials',
          status: response.status,
          backendCode: body.code,
        });
      throw hostError('backend', `The sandbox refused the sign-in (${response.status}).`, {
        status: response.status,
        backendCode: body.code,
      });
    }
    const parsed = tokenResponseSchema.safeParse(JSON.parse(text || '{}'));
    if (!parsed.success) throw hostError('backend', 'The sandbox answered the sign-in without a token.');
    const token = parsed.data.access_token;
    const expiresInSeconds = Number(parsed.data.expires_in ?? 3600);
    const expiresAt = new Date(this.now().getTime() + (Number.isFinite(expiresInSeconds) ? expiresInSeconds : 3600) * 1000).toISOString();
    const profileClient = new PartnerCenterClient({
      baseUrl: root,
      getAccessToken: async () => token,
      fetch: this.fetchImpl,
      now: this.now,
      retryAfterHolds: this.options.retryAfterHolds,
    });
    const { user, appClientId } = await profileClient.getSandboxProfileWithApp();
    this.mfaLapse = false;
    this.current = {
      token,
      expiresAt,
      user,
      url: root,
      ...(appClientId ? { app: { clientId: appClientId, secret: request.password } } : {}),
    };
    this.lapsed = false;
    await this.options.secrets.set(SESSION_KEY, JSON.stringify(this.current));
    return this.session();
  }

  async signOut(): Promise<Session> {
    this.current = undefined;
    await this.options.secrets.delete(SESSION_KEY);
    return this.session();
  }

  /** The sandbox's AppOnly app for this partner (client id and secret), if this sign-in brought it. */
  appCredential(): { clientId: string; secret: string; url: string } | undefined {
    const current = this.active();
    return current?.app ? { ...current.app, url: current.url } : undefined;
  }

  async getAccessToken(): Promise<string> {
    const current = this.active();
    if (!current) {
      if (this.mfaLapse) throw new AuthRequiredError(MFA_REASON, { need: 'mfa', reason: MFA_REQUIRED_REASON });
      throw new AuthRequiredError(this.lapsed ? 'Your session expired. Sign in again.' : 'Sign in to continue.');
    }
    return current.token;
  }

  async invalidate(loss?: AuthLoss): Promise<void> {
    await this.signOut();
    this.lapsed = true;
    this.mfaLapse = loss?.mfaRequired ?? false;
  }
}
