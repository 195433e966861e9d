/**
 * `POST /oauth2/token`: the resource-owner password grant for the seeded partner users (App+User), and
 * in the model of Partner Center today the client credentials grant for the seeded app registrations
 * (AppOnly, secret = the sandbox password), answering like Microsoft Entra ID
 * (`{token_type, access_token, expires_in}`, or 400 `invalid_grant` / 401 `invalid_client`).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv, SandboxState } from '../http/context';
import { passwordMatches } from '../auth/users';
import { audit } from '../services/audit';
import { appActorName, CLIENT_CREDENTIALS_GRANT, isToday } from '../enhanced/contract';

async function clientCredentials(state: SandboxState, c: Context<AppEnv>, form: URLSearchParams): Promise<Response> {
  const clientId = form.get('client_id') ?? '';
  const secret = form.get('client_secret') ?? '';
  if (!clientId || !secret)
    return c.json(
      {
        error: 'invalid_request',
        error_description: 'AADSTS900144: client_id and client_secret are required for grant_type=client_credentials.',
      },
      400,
    );
  const app = clientId.length <= 100 ? state.apps.byId(clientId) : undefined;
  const valid = passwordMatches(secret, state.password);
  if (!app || !valid) {
    await audit(state.db, {
      at: state.clock(),
      action: 'token.refused',
      target: appActorName(clientId.slice(0, 100)),
      correlationId: c.get('correlationId'),
      status: 401,
    });
    return c.json(
      {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided, or the application was not found in the directory.',
      },
      401,
    );
  }
  const { token, expiresIn } = state.tokens.issueApp(app, state.clock(), state.tokenTtlSeconds);
  await audit(state.db, {
    at: state.clock(),
    partnerId: app.partnerTenantId,
    userName: appActorName(app.clientId),
    action: 'token.issue-app',
    correlationId: c.get('correlationId'),
    status: 200,
  });
  c.header('Cache-Control', 'no-store');
  return c.json({ token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token });
}

export function oauthRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/oauth2/token', async (c) => {
    const oauthError = (error: string, description: string) => c.json({ error, error_description: description }, 400);
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type))
      return oauthError('invalid_request', 'The request body must be application/x-www-form-urlencoded.');
    let form: URLSearchParams;
    try {
      form = new URLSearchParams(await c.req.text());
    } catch {
      return oauthError('invalid_request', 'The request body could not be read.');
    }
    const grantType = form.get('grant_type');
    // AppOnly sign-in exists in the sandbox's model of Partner Center today only (reference §2).
    if (grantType === CLIENT_CREDENTIALS_GRANT && isToday(state.legacyAttestation)) return clientCredentials(state, c, form);
    if (grantType !== 'password')
      return oauthError(
        'unsupported_grant_type',
        isToday(state.legacyAttestation)
          ? 'The sandbox supports grant_type=password (App+User) and grant_type=client_credentials (AppOnly).'
          : 'The sandbox supports grant_type=password only.',
      );
    const userName = form.get('username') ?? '';
    const password = form.get('password') ?? '';
    if (!userName || !password) return oauthError('invalid_request', 'username and password are required.');
    const user = userName.length <= 254 ? state.users.byUserName(userName) : undefined;
    const valid = passwordMatches(password, state.password);
    if (!user || !valid) {
      await audit(state.db, {
        at: state.clock(),
        action: 'token.refused',
        target: userName.slice(0, 254),
        correlationId: c.get('correlationId'),
        status: 400,
      });
      return oauthError('invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.');
    }
    const { token, expiresIn } = state.tokens.issue(user, state.clock(), state.tokenTtlSeconds);
    await audit(state.db, {
      at: state.clock(),
      partnerId: user.partnerTenantId,
      userId: user.userId,
      userName: user.userName,
      action: 'token.issue',
      correlationId: c.get('correlationId'),
      status: 200,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({
      token_type: 'Bearer',
      scope: 'user_impersonation',
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: token,
    });
  });
  return app;
}
