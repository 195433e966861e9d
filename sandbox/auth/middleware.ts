import type { MiddlewareHandler } from 'hono';
import type { AppEnv, SandboxState } from '../http/context';
import { errors, send } from '../http/errors';
import { enhancedErrors, isAppOnlyRoute, isToday, MFA_CLAIMS_CHALLENGE } from '../enhanced/contract';

/**
 * Every /v1 call needs a valid bearer token (401 otherwise, with `WWW-Authenticate`). Partner Center
 * of today also takes AppOnly tokens, on the calls that accept them only (403 elsewhere), and refuses
 * App+User tokens without the MFA claim (401, 900421).
 */
export function requireToken(state: SandboxState): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer realm="mca-desk-sandbox"');
      return send(c, errors.tokenMissing());
    }
    const invalid = () => {
      c.header('WWW-Authenticate', 'Bearer realm="mca-desk-sandbox", error="invalid_token"');
      return send(c, errors.tokenInvalid());
    };
    const claims = state.tokens.verify(match[1]!, state.clock());
    if (!claims) return invalid();
    const today = isToday(state.legacyAttestation);

    if (claims.idtyp === 'app') {
      // Before 2026 the sandbox knows no AppOnly tokens (none can be issued then).
      const app = today && claims.appid ? state.apps.byId(claims.appid) : undefined;
      if (!app || app.partnerTenantId !== claims.tid || app.objectId !== claims.sub) return invalid();
      if (!isAppOnlyRoute(c.req.method, c.req.path)) return send(c, enhancedErrors.userTokenRequired());
      c.set('caller', { kind: 'app', app });
      c.set('partnerTenantId', app.partnerTenantId);
      await next();
      return;
    }

    const user = state.users.byUserId(claims.sub);
    if (!user || user.partnerTenantId !== claims.tid) return invalid();
    if (today && !claims.amr?.includes('mfa')) {
      c.header(
        'WWW-Authenticate',
        `Bearer realm="mca-desk-sandbox", error="insufficient_claims", claims="${Buffer.from(MFA_CLAIMS_CHALLENGE).toString('base64')}"`,
      );
      return send(c, enhancedErrors.mfaRequired());
    }
    c.set('user', user);
    c.set('caller', { kind: 'user', user });
    c.set('partnerTenantId', user.partnerTenantId);
    await next();
  };
}
