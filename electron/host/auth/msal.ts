/**
 * Partner Center sign-in: an `@azure/msal-node` public client (App+User), authorization code + PKCE
 * through the system browser and a loopback redirect (`http://localhost:<port>`, which the app
 * registration must list), scope `…/user_impersonation`. The token cache is serialised into the
 * secret store (encrypted), so silent refresh works across restarts. The tenant and client id come
 * from the settings. Tests run this offline with a custom MSAL network module.
 */
import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type ICachePlugin,
  type INetworkModule,
  type TokenCacheContext,
  LogLevel,
} from '@azure/msal-node';
import { z } from 'zod';
import type { Session } from '../../../shared/ipc/contract';
import { partnerUserSchema, type PartnerUser } from '../../../shared/domain/roles';
import { PARTNER_CENTER_API_URL, PARTNER_CENTER_SCOPE } from '../../../shared/domain/urls';
import { AuthRequiredError, HostError, hostError } from '../errors';
import { MFA_REQUIRED_REASON } from '../../../shared/ipc/errors';
import type { SecretStore } from '../secrets/store';
import type { AuthLoss, AuthProvider, SignInRequest } from './provider';
import { MFA_CLAIMS_REQUEST, MFA_REASON } from '../partner-center/enhanced-contract';
import type { TokenIdentity } from './partner-profile';

const CACHE_KEY = 'msal-cache';
const SESSION_KEY = 'session:partner-center';

/** `apiUrl`: the Partner Center API root the session was made for; its tokens go nowhere else. */
const storedSessionSchema = z.object({
  homeAccountId: z.string(),
  tenantId: z.string(),
  clientId: z.string(),
  apiUrl: z.string(),
  user: partnerUserSchema,
});
type StoredSession = z.infer<typeof storedSessionSchema>;

const SUCCESS_PAGE =
  '<!doctype html><meta charset="utf-8"><title>MCA Desk</title><p>You are signed in to MCA Desk. You can close this tab and return to the app.</p>';
const ERROR_PAGE =
  '<!doctype html><meta charset="utf-8"><title>MCA Desk</title><p>Signing in to MCA Desk did not succeed. Return to the app and try again.</p>';

export interface MsalAuthOptions {
  settings: () => { tenantId: string; clientId: string };
  secrets: SecretStore;
  /** Opens the sign-in page in the system browser. */
  openBrowser: (url: string) => Promise<void>;
  /** Who the user is for the rules (roles, partner type): called with a fresh access token. */
  resolveUser: (accessToken: string, identity: TokenIdentity) => Promise<PartnerUser>;
  /** `https://login.microsoftonline.com` unless told (sovereign clouds are not supported by the MCA APIs). */
  authorityHost?: string;
  /** MSAL's HTTP client; tests answer like an identity provider without the internet. */
  networkClient?: INetworkModule;
  /** Extra authority knowledge (tests): skips instance discovery for a non-Microsoft host. */
  knownAuthorities?: string[];
  /** The Partner Center API root in use: a stored session is bound to the one it was made for. */
  apiUrl?: () => string;
}

function identityOf(account: AccountInfo): TokenIdentity {
  const claims = (account.idTokenClaims ?? {}) as {
    oid?: string;
    preferred_username?: string;
    upn?: string;
    email?: string;
    name?: string;
    wids?: unknown;
  };
  return {
    objectId: claims.oid ?? account.localAccountId,
    userName: account.username || claims.preferred_username || claims.upn || claims.email || '',
    displayName: account.name ?? claims.name,
    directoryRoles: Array.isArray(claims.wids) ? claims.wids.filter((wid): wid is string => typeof wid === 'string') : [],
  };
}

export class MsalAuthProvider implements AuthProvider {
  readonly kind = 'partner-center' as const;
  private app?: { pca: PublicClientApplication; tenantId: string; clientId: string };
  private current?: { account: AccountInfo; stored: StoredSession; expiresAt?: string };
  private lapsed = false;
  /**
   * Set when Partner Center refused the session for want of MFA (401, 900421): the claims the next
   * interactive sign-in asks for (the answer's own challenge, else MFA), with `prompt: 'login'` so
   * the user authenticates afresh instead of reusing the session that lacked it (MSAL: `claims`, `prompt`).
   */
  private mfaClaims?: string;

  constructor(private readonly options: MsalAuthOptions) {}

  private cachePlugin(): ICachePlugin {
    const secrets = this.options.secrets;
    return {
      async beforeCacheAccess(context: TokenCacheContext) {
        const stored = await secrets.get(CACHE_KEY);
        if (stored) context.tokenCache.deserialize(stored);
      },
      async afterCacheAccess(context: TokenCacheContext) {
        if (context.cacheHasChanged) await secrets.set(CACHE_KEY, context.tokenCache.serialize());
      },
    };
  }

  private application(): { pca: PublicClientApplication; tenantId: string; clientId: string } {
    const { tenantId, clientId } = this.options.settings();
    if (!clientId)
      throw hostError(
        'unavailable',
        'Set the app (client) id of your Microsoft Entra app registration in Settings before signing in to Partner Center.',
      );
    if (this.app && this.app.tenantId === tenantId && this.app.clientId === clientId) return this.app;
    const host = (this.options.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
    const pca = new PublicClientApplication({
      auth: {
        clientId,
        authority: `${host}/${tenantId || 'organizations'}`,
        ...(this.options.knownAuthorities ? { knownAuthorities: this.options.knownAuthorities } : {}),
      },
      cache: { cachePlugin: this.cachePlugin() },
      system: {
        ...(this.options.networkClient ? { networkClient: this.options.networkClient } : {}),
        // Never log personal data or tokens.
        loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
      },
    });
    this.app = { pca, tenantId, clientId };
    return this.app;
  }

  private apiUrl(): string {
    return this.options.apiUrl?.() ?? PARTNER_CENTER_API_URL;
  }

  async restore(): Promise<void> {
    try {
      const raw = await this.options.secrets.get(SESSION_KEY);
      const parsed = raw ? storedSessionSchema.safeParse(JSON.parse(raw)) : undefined;
      if (!parsed?.success) return;
      const { pca, tenantId, clientId } = this.application();
      if (parsed.data.tenantId !== tenantId || parsed.data.clientId !== clientId || parsed.data.apiUrl !== this.apiUrl()) return;
      const account = await pca.getTokenCache().getAccountByHomeId(parsed.data.homeAccountId);
      if (account) this.current = { account, stored: parsed.data };
    } catch {
      this.current = undefined;
    }
  }

  /** The session, if it was made for the API root in use now. */
  private active(): MsalAuthProvider['current'] {
    if (this.current && this.current.stored.apiUrl !== this.apiUrl()) this.current = undefined;
    return this.current;
  }

  session(): Session {
    const current = this.active();
    return current
      ? // Partner Center retired the contact + date attestation on 5 January 2026.
        {
          signedIn: true,
          backend: 'partner-center',
          user: current.stored.user,
          attestationRoute: 'enhanced',
          ...(current.expiresAt ? { expiresAt: current.expiresAt } : {}),
        }
      : { signedIn: false, backend: 'partner-center' };
  }

  user(): PartnerUser | undefined {
    return this.active()?.stored.user;
  }

  async signIn(request: SignInRequest): Promise<Session> {
    if (request.method !== 'microsoft')
      throw hostError('unavailable', 'Partner Center signs in with Microsoft ("Sign in with Microsoft"), not with a password.');
    const { pca, tenantId, clientId } = this.application();
    let result;
    try {
      result = await pca.acquireTokenInteractive({
        scopes: [PARTNER_CENTER_SCOPE],
        openBrowser: this.options.openBrowser,
        successTemplate: SUCCESS_PAGE,
        errorTemplate: ERROR_PAGE,
        ...(this.mfaClaims ? { claims: this.mfaClaims, prompt: 'login' } : { prompt: 'select_account' }),
      });
    } catch (error) {
      throw hostError(
        'auth-required',
        `Signing in with Microsoft did not succeed${error instanceof Error && 'errorCode' in error ? ` (${String((error as { errorCode: unknown }).errorCode)})` : ''}.`,
      );
    }
    if (!result?.account || !result.accessToken) throw hostError('auth-required', 'Signing in with Microsoft gave no account.');
    const user = await this.options.resolveUser(result.accessToken, identityOf(result.account));
    const stored: StoredSession = { homeAccountId: result.account.homeAccountId, tenantId, clientId, apiUrl: this.apiUrl(), user };
    await this.options.secrets.set(SESSION_KEY, JSON.stringify(stored));
    this.current = { account: result.account, stored, expiresAt: result.expiresOn?.toISOString() };
    this.lapsed = false;
    this.mfaClaims = undefined;
    return this.session();
  }

  async signOut(): Promise<Session> {
    const current = this.current;
    this.current = undefined;
    if (current && this.app)
      await this.app.pca
        .getTokenCache()
        .removeAccount(current.account)
        .catch(() => undefined);
    await this.options.secrets.delete(SESSION_KEY);
    return this.session();
  }

  /** A token from the cache, refreshed silently with the refresh token when it is about to expire. */
  async getAccessToken(): Promise<string> {
    const current = this.active();
    if (!current) {
      if (this.mfaClaims) throw new AuthRequiredError(MFA_REASON, { need: 'mfa', reason: MFA_REQUIRED_REASON });
      throw new AuthRequiredError(this.lapsed ? 'Your Microsoft sign-in expired. Sign in again.' : 'Sign in with Microsoft to continue.');
    }
    try {
      const result = await this.application().pca.acquireTokenSilent({ account: current.account, scopes: [PARTNER_CENTER_SCOPE] });
      if (!result?.accessToken) throw new InteractionRequiredAuthError('no_tokens_found', '');
      current.expiresAt = result.expiresOn?.toISOString();
      return result.accessToken;
    } catch (error) {
      if (error instanceof HostError) throw error;
      if (error instanceof InteractionRequiredAuthError || (error as { errorCode?: string }).errorCode === 'invalid_grant') {
        this.current = undefined;
        this.lapsed = true;
        throw new AuthRequiredError('Your Microsoft sign-in expired. Sign in again.');
      }
      throw hostError('network', 'The Microsoft sign-in service could not be reached to refresh the session.');
    }
  }

  async invalidate(loss?: AuthLoss): Promise<void> {
    // A 401 from Partner Center: the cached token is no good. Drop the session, keep nothing stale.
    await this.signOut();
    this.lapsed = true;
    if (loss?.mfaRequired) this.mfaClaims = loss.claimsChallenge ?? MFA_CLAIMS_REQUEST;
  }
}
