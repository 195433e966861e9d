import { Hono } from 'hono';
import type { AppEnv, SandboxState } from '../http/context';
import { isToday, PROFILE_APP_FIELD, seededAppRegistrations } from '../enhanced/contract';

export function profileRoutes(state: SandboxState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** Sandbox-only: the signed-in user, as shared `partnerUserSchema`. */
  app.get('/v1/profiles/me', (c) => {
    const user = c.get('user');
    return c.json({
      userId: user.userId,
      userName: user.userName,
      displayName: user.displayName,
      roles: user.roles,
      partnerType: user.partnerType,
      partnerTenantId: user.partnerTenantId,
      partnerName: user.partnerName,
      // An indirect reseller's provider (sandbox-only field; the real API has it under /v1/relationships).
      ...(user.providerName ? { providerName: user.providerName } : {}),
      // Sandbox-only, Partner Center today: the partner's seeded app registration, so the app can use
      // the AppOnly grant (secret = the sandbox password) without setup.
      ...(isToday(state.legacyAttestation) ? { [PROFILE_APP_FIELD]: appClientIdOf(user.partnerTenantId) } : {}),
    });
  });

  /** The real API's organization profile of the signed-in partner. */
  app.get('/v1/profiles/organization', (c) => {
    const user = c.get('user');
    return c.json({
      id: user.partnerTenantId,
      tenantId: user.partnerTenantId,
      companyName: user.partnerName,
      domain: user.partnerDomain,
      email: `admin@${user.partnerDomain}`,
      language: 'en',
      culture: 'en-US',
      defaultAddress: { country: 'US', city: 'Redmond', state: 'WA', addressLine1: 'One Microsoft Way', postalCode: '98052' },
      attributes: { objectType: 'OrganizationProfile' },
    });
  });
  return app;
}

/** The client id of the partner's seeded app registration (named in the profile as PROFILE_APP_FIELD). */
function appClientIdOf(partnerTenantId: string): string | undefined {
  return seededAppRegistrations.find((app) => app.partnerTenantId === partnerTenantId)?.clientId;
}
