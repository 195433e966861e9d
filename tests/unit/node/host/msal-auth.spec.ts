// @vitest-environment node
/**
 * The Partner Center sign-in path end to end, offline: MSAL's real PublicClientApplication with
 * PKCE and its loopback server, a fake identity provider as its network module, and a fake Partner
 * Center for the profile and role calls.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost } from '../../../../electron/host/host';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../../../electron/host/settings';
import { FakeIdentityProvider } from '../helpers/fake-identity';
import { json, startFakeServer, type FakeServer } from '../helpers/fake-server';

const TENANT = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const CLIENT = 'a5b2e6f3-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const USER = { oid: '6a8a1d62-3f2c-4d1b-9b8e-0e7d5c4b3a21', upn: 'agent@contoso.example', name: 'Ada Agent' };

describe('Microsoft sign-in (MSAL public client, PKCE, loopback) offline', () => {
  let partnerCenter: FakeServer;
  let identity: FakeIdentityProvider;
  let secrets: MemorySecretStore;

  beforeEach(async () => {
    partnerCenter = await startFakeServer();
    identity = new FakeIdentityProvider({ tenantId: TENANT, clientId: CLIENT, user: USER, accessTokenLifetimeSeconds: 60 });
    secrets = new MemorySecretStore();
    partnerCenter.route('GET', '/v1/profiles/organization', (_request, response) =>
      json(response, 200, { id: TENANT, companyName: 'Contoso Cloud Partners' }),
    );
    partnerCenter.route('GET', '/v1/roles', (_request, response) =>
      json(response, 200, {
        totalCount: 2,
        items: [
          { id: 'role-admin', name: 'Admin Agent' },
          { id: 'role-sales', name: 'Sales Agent' },
        ],
      }),
    );
    partnerCenter.route('GET', '/v1/roles/role-admin/usermembers', (_request, response) =>
      json(response, 200, { items: [{ id: USER.oid, userPrincipalName: USER.upn }] }),
    );
    partnerCenter.route('GET', '/v1/roles/role-sales/usermembers', (_request, response) => json(response, 200, { items: [] }));
    partnerCenter.route('GET', '/v1/relationships', (_request, response) => json(response, 200, { items: [] }));
    partnerCenter.route('GET', '/v1/agreements', (_request, response) =>
      json(response, 200, {
        totalCount: 1,
        items: [
          {
            templateId: '117a77b0-9360-443b-8795-c6dedc750cf9',
            agreementType: 'MicrosoftCustomerAgreement',
            agreementLink: 'https://aka.ms/customeragreement',
            versionRank: 0,
          },
        ],
      }),
    );
  });
  afterEach(() => partnerCenter.close());

  const host = () =>
    createHost({
      transport: 'browser',
      version: 'test',
      settings: new MemorySettingsStore({ backend: 'partner-center', partnerCenter: { tenantId: TENANT, clientId: CLIENT } }),
      secrets,
      partnerCenterUrl: partnerCenter.url,
      openBrowser: identity.openBrowser,
      msal: { networkClient: identity },
    });

  it('signs in through the browser with PKCE, knows the roles, refreshes silently and keeps the cache encrypted in the store', async () => {
    const app = host();
    await app.start();
    expect(await app.dispatch('getSession', {})).toEqual({ ok: true, data: { signedIn: false, backend: 'partner-center' } });
    expect(await app.dispatch('signIn', { method: 'password', userName: 'x', password: 'y' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });

    const signedIn = await app.dispatch('signIn', { method: 'microsoft' });
    expect(signedIn).toMatchObject({
      ok: true,
      data: {
        signedIn: true,
        backend: 'partner-center',
        user: {
          userId: USER.oid,
          userName: USER.upn,
          displayName: 'Ada Agent',
          roles: ['admin-agent'],
          partnerType: 'direct-bill',
          partnerTenantId: TENANT,
          partnerName: 'Contoso Cloud Partners',
        },
      },
    });
    expect(identity.grants).toEqual(['authorization_code']);
    // The session never carries a token to the renderer.
    expect(JSON.stringify(signedIn)).not.toMatch(/at-\d|rt-/);

    // The first token lives 60 s, inside MSAL's refresh window: the next call refreshes silently.
    expect(await app.dispatch('getAgreementMetadata', {})).toMatchObject({
      ok: true,
      data: { templateId: '117a77b0-9360-443b-8795-c6dedc750cf9' },
    });
    expect(identity.grants).toEqual(['authorization_code', 'refresh_token']);
    const metadataCall = partnerCenter.requests.find((request) => request.path === '/v1/agreements')!;
    expect(metadataCall.headers.authorization).toBe(`Bearer ${identity.issuedAccessTokens[1]}`);
    expect(metadataCall.url).toContain('agreementType=MicrosoftCustomerAgreement');

    expect((await secrets.keys()).sort()).toEqual(['msal-cache', 'session:partner-center']);

    // A restart: the session comes back from the secret store without the browser.
    const restarted = host();
    await restarted.start();
    expect(await restarted.dispatch('getSession', {})).toMatchObject({ ok: true, data: { signedIn: true, user: { userName: USER.upn } } });
    expect(await restarted.dispatch('getAgreementMetadata', {})).toMatchObject({ ok: true });
    expect(identity.grants.filter((grant) => grant === 'authorization_code')).toHaveLength(1);

    // The refresh token is revoked: the next call asks to sign in again, nothing crashes.
    identity.refreshAllowed = false;
    const expired = host();
    await expired.start();
    expect(
      await expired.dispatch('submitAttestation', {
        itemId: '0f8fad5b-d9cb-469f-a165-70867728950e',
        customerId: '14876998-c0dc-46e6-9d0c-65a57a6c32ec',
        primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'tania@example.com' },
        dateAgreed: '2025-06-01',
      }),
    ).toMatchObject({ ok: true, data: { status: 'auth-required' } });
    expect(await expired.dispatch('getSession', {})).toMatchObject({ ok: true, data: { signedIn: false } });

    expect(await restarted.dispatch('signOut', {})).toMatchObject({ ok: true, data: { signedIn: false } });
    expect(await secrets.get('session:partner-center')).toBeUndefined();
  });

  it('refuses to start a sign-in without an app (client) id', async () => {
    const app = createHost({
      transport: 'browser',
      version: 'test',
      settings: new MemorySettingsStore({ backend: 'partner-center' }),
      secrets,
      partnerCenterUrl: partnerCenter.url,
      openBrowser: identity.openBrowser,
      msal: { networkClient: identity },
    });
    await app.start();
    expect(await app.dispatch('signIn', { method: 'microsoft' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('client) id') },
    });
  });
});
