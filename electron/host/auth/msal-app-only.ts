/**
 * AppOnly tokens for Partner Center: an `@azure/msal-node` ConfidentialClientApplication with the app
 * credential an Admin agent set up in Settings (`acquireTokenByClientCredential`, scope
 * `https://api.partnercenter.microsoft.com/.default`). A certificate goes to MSAL as its PEM private key
 * and SHA-256 thumbprint (PS256 client assertion, with the certificate as `x5c`), a secret as is.
 * MSAL's HTTP goes through the host's injectable network client, like the App+User sign-in's. MSAL
 * keeps the token in memory and renews it itself; `fresh` skips that cache after Partner Center
 * refused a token.
 */
import { AuthError, ConfidentialClientApplication, LogLevel, type INetworkModule } from '@azure/msal-node';
import type { AppCredentialStatus } from '../../../shared/ipc/enhanced';
import type { PartnerUser } from '../../../shared/domain/roles';
import { AuthRequiredError, HostError, hostError } from '../errors';
import type { SecretStore } from '../secrets/store';
import { APP_ONLY_SCOPE } from '../partner-center/enhanced-contract';
import { APP_CREDENTIAL_KEY, describeStored, storedAppCredentialSchema, type StoredAppCredential } from './app-credential';
import type { AppOnlyTokenSource } from './app-only';

export const APP_CREDENTIAL_MISSING =
  "No app credential is set up for Partner Center's enhanced attestation calls: an Admin agent enters the app's tenant id, application id and certificate or client secret in Settings.";

/** Entra ID's answers that mean "this credential is no good" (not "try later"). */
const REJECTED_CODES = new Set(['invalid_client', 'unauthorized_client', 'invalid_request', 'invalid_grant', 'invalid_scope']);

export interface MsalAppOnlyOptions {
  secrets: SecretStore;
  now: () => Date;
  authorityHost?: string;
  networkClient?: INetworkModule;
  knownAuthorities?: string[];
}

function expiredMessage(stored: StoredAppCredential): string {
  const certificate = stored.credential.kind === 'certificate' ? stored.credential : undefined;
  return `The app's certificate (thumbprint ${certificate?.thumbprint ?? '?'}) expired on ${certificate?.notAfter.slice(0, 10) ?? '?'}: an Admin agent uploads a new certificate to the app registration and enters it in Settings.`;
}

function rejectedMessage(detail: string): string {
  return `Microsoft Entra ID refused the app credential${detail ? ` (${detail})` : ''}: an Admin agent checks the tenant id, application id and certificate or secret in Settings (and the app's admin consent), or replaces the credential.`;
}

export class MsalAppOnly implements AppOnlyTokenSource {
  readonly backend = 'partner-center' as const;
  private app?: { configuredAt: string; cca: ConfidentialClientApplication };
  private problem?: string;

  constructor(private readonly options: MsalAppOnlyOptions) {}

  async stored(): Promise<StoredAppCredential | undefined> {
    const raw = await this.options.secrets.get(APP_CREDENTIAL_KEY);
    if (!raw) return undefined;
    try {
      const parsed = storedAppCredentialSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** A new credential replaces the client (and its token cache). */
  forget(): void {
    this.app = undefined;
    this.problem = undefined;
  }

  private application(stored: StoredAppCredential): ConfidentialClientApplication {
    if (this.app?.configuredAt === stored.configuredAt) return this.app.cca;
    const host = (this.options.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
    const credential = stored.credential;
    const cca = new ConfidentialClientApplication({
      auth: {
        clientId: stored.clientId,
        authority: `${host}/${stored.tenantId}`,
        ...(credential.kind === 'secret'
          ? { clientSecret: credential.secret }
          : {
              clientCertificate: {
                thumbprintSha256: credential.thumbprintSha256,
                privateKey: credential.privateKey,
                x5c: credential.certificate,
              },
            }),
        ...(this.options.knownAuthorities ? { knownAuthorities: this.options.knownAuthorities } : {}),
      },
      system: {
        ...(this.options.networkClient ? { networkClient: this.options.networkClient } : {}),
        // Never log personal data, tokens or assertions.
        loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
      },
    });
    this.app = { configuredAt: stored.configuredAt, cca };
    return cca;
  }

  async getToken(options: { fresh?: boolean } = {}): Promise<string> {
    const stored = await this.stored();
    if (!stored) {
      this.problem = APP_CREDENTIAL_MISSING;
      throw new AuthRequiredError(APP_CREDENTIAL_MISSING, { need: 'app-credential', reason: 'app-credential-missing' });
    }
    if (stored.credential.kind === 'certificate' && Date.parse(stored.credential.notAfter) <= this.options.now().getTime()) {
      this.problem = expiredMessage(stored);
      throw new AuthRequiredError(this.problem, { need: 'app-credential', reason: 'app-credential-expired' });
    }
    let accessToken: string | undefined;
    try {
      const result = await this.application(stored).acquireTokenByClientCredential({
        scopes: [APP_ONLY_SCOPE],
        skipCache: options.fresh === true,
      });
      accessToken = result?.accessToken;
    } catch (error) {
      throw this.failure(error);
    }
    if (!accessToken) throw hostError('backend', 'Microsoft Entra ID answered the app sign-in without a token.');
    this.problem = undefined;
    return accessToken;
  }

  private failure(error: unknown): HostError {
    if (error instanceof HostError) return error;
    const code = error instanceof AuthError ? error.errorCode : '';
    const aadsts = /AADSTS\d+/.exec(error instanceof Error ? error.message : '')?.[0];
    if (REJECTED_CODES.has(code) || aadsts) {
      // AADSTS7000222: the client secret expired; the rest: wrong secret, unknown app, no consent, bad assertion.
      this.problem =
        aadsts === 'AADSTS7000222'
          ? "The app's client secret expired (AADSTS7000222): an Admin agent creates a new secret and enters it in Settings."
          : rejectedMessage(aadsts ?? code);
      return new AuthRequiredError(this.problem, {
        need: 'app-credential',
        reason: aadsts === 'AADSTS7000222' ? 'app-credential-expired' : 'app-credential-rejected',
      });
    }
    return hostError('network', 'The Microsoft sign-in service could not be reached for an app token.');
  }

  rejected(): AuthRequiredError {
    this.problem = rejectedMessage('Partner Center refused its token');
    return new AuthRequiredError(this.problem, { need: 'app-credential', reason: 'app-credential-rejected' });
  }

  async status(user: PartnerUser | undefined): Promise<AppCredentialStatus> {
    const stored = await this.stored();
    const now = this.options.now();
    const mayChange = user?.roles.includes('admin-agent') ?? false;
    if (!stored) return { backend: 'partner-center', source: 'settings', configured: false, problem: APP_CREDENTIAL_MISSING, mayChange };
    const described = describeStored(stored, now);
    const problem = described.expired ? expiredMessage(stored) : this.problem;
    return { backend: 'partner-center', source: 'settings', configured: true, ...described, ...(problem ? { problem } : {}), mayChange };
  }
}
