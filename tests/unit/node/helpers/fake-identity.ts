/**
 * A Microsoft-identity-platform stand-in for MSAL's network module: discovery, the authorize
 * step (answered by posting the code to MSAL's loopback server, as the browser would) and the token
 * endpoint (authorization_code with PKCE check, refresh_token, and client_credentials for a
 * confidential app: its client secret, or a certificate's client assertion whose signature, thumbprint,
 * audience and issuer are checked as Entra ID does). No internet involved.
 */
import { constants, createHash, randomUUID, verify, X509Certificate } from 'node:crypto';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export interface FakeIdentityOptions {
  tenantId: string;
  clientId: string;
  user: { oid: string; upn: string; name: string; wids?: string[] };
  accessTokenLifetimeSeconds?: number;
  /** A confidential app registration (AppOnly): its client id and its secret or certificate (PEM). */
  app?: { clientId: string; secret?: string; certificatePem?: string };
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export class FakeIdentityProvider implements INetworkModule {
  readonly host = 'https://login.microsoftonline.com';
  readonly grants: string[] = [];
  readonly issuedAccessTokens: string[] = [];
  refreshAllowed = true;
  /** Every authorize URL the browser was sent to. */
  readonly authorizeUrls: string[] = [];
  /** AppOnly tokens issued by client_credentials, and how the app proved itself each time. */
  readonly appTokens: Array<{ token: string; proof: 'secret' | 'certificate'; scope: string }> = [];
  private pending?: { challenge: string; nonce?: string; code: string; scope: string };
  private refreshToken = `rt-${randomUUID()}`;

  constructor(private readonly options: FakeIdentityOptions) {}

  /** What the system browser does: the user signs in, the identity provider form-posts the code back. */
  openBrowser = async (authorizeUrl: string): Promise<void> => {
    const url = new URL(authorizeUrl);
    this.authorizeUrls.push(authorizeUrl);
    if (url.origin !== this.host || !url.pathname.endsWith('/oauth2/v2.0/authorize'))
      throw new Error(`Unexpected authorize URL ${url.origin}${url.pathname}`);
    if (url.searchParams.get('code_challenge_method') !== 'S256') throw new Error('PKCE S256 missing');
    if (url.searchParams.get('client_id') !== this.options.clientId) throw new Error('wrong client id');
    const redirect = url.searchParams.get('redirect_uri')!;
    if (!/^http:\/\/localhost:\d+$/.test(redirect)) throw new Error(`Not a loopback redirect: ${redirect}`);
    this.pending = {
      challenge: url.searchParams.get('code_challenge')!,
      nonce: url.searchParams.get('nonce') ?? undefined,
      code: `code-${randomUUID()}`,
      scope: url.searchParams.get('scope') ?? '',
    };
    const form = new URLSearchParams({ code: this.pending.code, state: url.searchParams.get('state')!, client_info: this.clientInfo() });
    const response = await fetch(redirect.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    await response.text();
  };

  private clientInfo(): string {
    return b64url(JSON.stringify({ uid: this.options.user.oid, utid: this.options.tenantId }));
  }

  private idToken(nonce?: string): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      aud: this.options.clientId,
      iss: `${this.host}/${this.options.tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      oid: this.options.user.oid,
      sub: this.options.user.oid,
      tid: this.options.tenantId,
      preferred_username: this.options.user.upn,
      name: this.options.user.name,
      ver: '2.0',
      ...(this.options.user.wids ? { wids: this.options.user.wids } : {}),
      ...(nonce ? { nonce } : {}),
    };
    return `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'test' }))}.${b64url(JSON.stringify(claims))}.${b64url('signature')}`;
  }

  private tokens(scope: string, nonce?: string) {
    const accessToken = `at-${this.issuedAccessTokens.length + 1}-${randomUUID()}`;
    this.issuedAccessTokens.push(accessToken);
    this.refreshToken = `rt-${randomUUID()}`;
    return {
      token_type: 'Bearer',
      scope,
      expires_in: this.options.accessTokenLifetimeSeconds ?? 3600,
      ext_expires_in: this.options.accessTokenLifetimeSeconds ?? 3600,
      access_token: accessToken,
      refresh_token: this.refreshToken,
      id_token: this.idToken(nonce),
      client_info: this.clientInfo(),
    };
  }

  async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
    const tenant = `${this.host}/${this.options.tenantId}`;
    if (url.includes('/discovery/instance'))
      return {
        status: 200,
        headers: {},
        body: {
          tenant_discovery_endpoint: `${tenant}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
            },
          ],
        } as T,
      };
    if (url.includes('/.well-known/openid-configuration'))
      return {
        status: 200,
        headers: {},
        body: {
          token_endpoint: `${tenant}/oauth2/v2.0/token`,
          authorization_endpoint: `${tenant}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${tenant}/oauth2/v2.0/logout`,
          issuer: `${this.host}/${this.options.tenantId}/v2.0`,
          jwks_uri: `${tenant}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
        } as T,
      };
    return { status: 404, headers: {}, body: { error: 'not_found' } as T };
  }

  async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    if (!url.includes('/oauth2/v2.0/token')) return { status: 404, headers: {}, body: { error: 'not_found' } as T };
    const form = new URLSearchParams(options?.body ?? '');
    const grant = form.get('grant_type') ?? '';
    this.grants.push(grant);
    const bad = (description: string) => ({
      status: 400,
      headers: {},
      body: { error: 'invalid_grant', error_description: description, error_codes: [70008] } as T,
    });
    if (grant === 'authorization_code') {
      const pending = this.pending;
      if (!pending || form.get('code') !== pending.code) return bad('unknown code');
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) return bad('PKCE verification failed');
      this.pending = undefined;
      return { status: 200, headers: {}, body: this.tokens(form.get('scope') ?? pending.scope, pending.nonce) as T };
    }
    if (grant === 'refresh_token') {
      if (!this.refreshAllowed || form.get('refresh_token') !== this.refreshToken)
        return bad('AADSTS700082: The refresh token has expired.');
      return { status: 200, headers: {}, body: this.tokens(form.get('scope') ?? '') as T };
    }
    if (grant === 'client_credentials') return this.clientCredentials<T>(url, form);
    return bad(`unsupported grant ${grant}`);
  }

  private clientCredentials<T>(url: string, form: URLSearchParams): NetworkResponse<T> {
    const refuse = (status: number, error: string, description: string) => ({
      status,
      headers: {},
      body: { error, error_description: description } as T,
    });
    const app = this.options.app;
    if (!app || form.get('client_id') !== app.clientId)
      return refuse(400, 'unauthorized_client', 'AADSTS700016: Application not found in the directory.');
    let proof: 'secret' | 'certificate';
    if (form.has('client_secret')) {
      if (form.get('client_secret') !== app.secret) return refuse(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
      proof = 'secret';
    } else if (form.get('client_assertion_type') === ASSERTION_TYPE && app.certificatePem) {
      const problem = this.assertionProblem(form.get('client_assertion') ?? '', url, app.clientId, app.certificatePem);
      if (problem) return refuse(401, 'invalid_client', `AADSTS700027: Client assertion failed: ${problem}.`);
      proof = 'certificate';
    } else return refuse(401, 'invalid_client', 'AADSTS7000216: client_assertion or client_secret is required.');
    const scope = form.get('scope') ?? '';
    if (!scope.split(' ').includes('https://api.partnercenter.microsoft.com/.default'))
      return refuse(400, 'invalid_scope', `AADSTS70011: unexpected scope ${scope}`);
    const token = `app-at-${this.appTokens.length + 1}-${randomUUID()}`;
    this.appTokens.push({ token, proof, scope });
    return {
      status: 200,
      headers: {},
      body: { token_type: 'Bearer', expires_in: this.options.accessTokenLifetimeSeconds ?? 3600, access_token: token } as T,
    };
  }

  /** What is wrong with a certificate's client assertion (RFC 7523), or undefined. */
  private assertionProblem(assertion: string, tokenEndpoint: string, clientId: string, certificatePem: string): string | undefined {
    const [header, payload, signature] = assertion.split('.');
    if (!header || !payload || !signature) return 'not a JWT';
    const head = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string; 'x5t#S256'?: string; x5c?: string[] };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { aud?: string; iss?: string; sub?: string; exp?: number };
    const certificate = new X509Certificate(certificatePem);
    if (head.alg !== 'PS256') return `algorithm ${head.alg}`;
    if (head['x5t#S256'] !== createHash('sha256').update(certificate.raw).digest('base64url')) return 'thumbprint';
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
      Buffer.from(signature, 'base64url'),
    );
    if (!valid) return 'signature';
    if (claims.aud !== tokenEndpoint.split('?')[0]) return `audience ${claims.aud}`;
    if (claims.iss !== clientId || claims.sub !== clientId) return 'issuer';
    if (!claims.exp || claims.exp * 1000 < Date.now()) return 'expired';
    return undefined;
  }
}
