/**
 * `POST /oauth2/token`: the resource-owner password grant for the seeded partner users, answering like
 * Microsoft Entra ID (`{token_type, access_token, expires_in}` or 400 `{error: "invalid_grant"}`).
 */
import { Hono } from 'hono';
import type { AppEnv, SandboxState } from '../http/context';
import { passwordMatches } from '../auth/users';
import { audit } from '../services/audit';

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
    if (grantType !== 'password') return oauthError('unsupported_grant_type', 'The sandbox supports grant_type=password only.');
    const userName = form.get('username') ?? '';
    const password = form.get('password') ?? '';
    if (!userName || !password) return oauthError('invalid_request', 'username and password are required.');
    const user = userName.length <= 254 ? state.users.byUserName(userName) : undefined;
    const valid = passwordMatches(password, state.password);
    if (!user || !valid) {
      await audit(state.db, { at: state.clock(), action: 'token.refused', target: userName.slice(0, 254), correlationId: c.get('correlationId'), status: 400 });
      return oauthError('invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.');
    }
    const { token, expiresIn } = state.tokens.issue(user, state.clock(), state.tokenTtlSeconds);
    await audit(state.db, {
      at: state.clock(), partnerId: user.partnerTenantId, userId: user.userId, userName: user.userName, action: 'token.issue',
      correlationId: c.get('correlationId'), status: 200,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ token_type: 'Bearer', scope: 'user_impersonation', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token });
  });
  return app;
}
