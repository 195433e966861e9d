/** The sandbox's HTTP application: middleware in order, then one router per resource. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, SandboxState } from './context';
import { errors, send } from './errors';
import { partnerCenterHeaders } from './headers';
import { requireToken } from '../auth/middleware';
import { oauthRoutes } from '../routes/oauth';
import { profileRoutes } from '../routes/profiles';
import { agreementRoutes } from '../routes/agreements';
import { customerRoutes } from '../routes/customers';
import { customerAgreementRoutes } from '../routes/customer-agreements';
import { sandboxRoutes } from '../routes/sandbox';
import { customerCreateRoutes } from '../routes/customer-create';
import { documentRoutes } from '../routes/documents';
import { partnerRecordRoutes } from '../routes/partner-records';
import { homeRoutes } from '../routes/home';
import { isToday } from '../enhanced/contract';
import { attestationRoutes } from '../enhanced/attestation-routes';
import { acceptanceRoutes } from '../enhanced/acceptance-routes';
import { attestationHelperRoutes } from '../enhanced/helper-routes';

/** Larger bodies get 413; a bulk batch of 500 items is about 150 kB. */
export const MAX_BODY_BYTES = 1024 * 1024;

const routers = [
  homeRoutes,
  oauthRoutes,
  profileRoutes,
  agreementRoutes,
  customerRoutes,
  customerCreateRoutes,
  customerAgreementRoutes,
  partnerRecordRoutes,
  documentRoutes,
  sandboxRoutes,
];
/** Partner Center today only: before 2026 these paths did not exist (404, as the seed's sandbox answered). */
const todayRouters = [attestationRoutes, acceptanceRoutes, attestationHelperRoutes];

export function createApp(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', c.res.headers.get('Cache-Control') ?? 'no-store');
  });
  app.use('*', partnerCenterHeaders());
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // The rest of the body is not read: close the connection so no client reuses it mid-upload.
        c.header('Connection', 'close');
        return send(c, errors.payloadTooLarge(MAX_BODY_BYTES));
      },
    }),
  );
  app.use('/v1/*', state.faults.middleware());
  app.use('/v1/*', requireToken(state));
  app.use('/v1/*', state.throttle.middleware());

  for (const routes of isToday(state.legacyAttestation) ? [...routers, ...todayRouters] : routers) app.route('/', routes(state));

  app.notFound((c) => send(c, errors.notFound()));
  app.onError((error, c) => {
    if (!state.quiet) console.error('[sandbox] request failed:', error);
    return send(c, errors.internal());
  });
  return app;
}
