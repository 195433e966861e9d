import type { MiddlewareHandler } from 'hono';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';

/** Every /v1 call needs a valid bearer token (401 otherwise, with `WWW-Authenticate`). */
export function requireToken(state: SandboxState): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer realm="mca-desk-sandbox"');
      return send(c, errors.tokenMissing());
    }
    const claims = state.tokens.verify(match[1]!, state.clock());
    const user = claims ? state.users.byUserId(claims.sub) : undefined;
    if (!claims || !user || user.partnerTenantId !== claims.tid) {
      c.header('WWW-Authenticate', 'Bearer realm="mca-desk-sandbox", error="invalid_token"');
      return send(c, errors.tokenInvalid());
    }
    c.set('user', user);
    await next();
  };
}
