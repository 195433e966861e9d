// @vitest-environment node
/**
 * AppOnly for Partner Center, offline: MSAL's real ConfidentialClientApplication (client credentials
 * with a certificate's client assertion or a secret) against a fake identity provider as its network
 * module, and a fake Partner Center that takes only the AppOnly tokens that provider issued. The Admin
 * agent sets the credential through the host's channels; the status never shows it; a missing,
 * expired or refused credential asks for what to fix and keeps the item. MFA: after a 900421 the next
 * interactive sign-in asks for the claims Partner Center named, with a fresh login.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../../electron/host/host';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../../../electron/host/settings';
import { MemoryAuditJournal } from '../../../../electron/host/audit/journal';
import type { AppCredentialStatus, CreateAttestationResult } from '../../../../shared/ipc/enhanced';
import { FakeIdentityProvider } from '../helpers/fake-identity';
import { json, startFakeServer, type FakeServer } from '../helpers/fake-server';
import { makeCertificate } from '../helpers/test-certificates';
import { createRequest, data } from './enhanced-helpers';

const TENANT = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const PUBLIC_CLIENT = 'a5b2e6f3-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const APP_CLIENT = 'c0ffee00-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const CUSTOMER = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';
const ADMIN = { oid: '6a8a1d62-3f2c-4d1b-9b8e-0e7d5c4b3a21', upn: 'agent@contoso.example', name: 'Ada Agent' };
const certificate = makeCertificate();

describe('AppOnly through MSAL against Partner Center (offline)', () => {
  let partnerCenter: FakeServer;
  let identity: FakeIdentityProvider;
  let secrets: MemorySecretStore;
  let roles: Record<string, string[]>;
  let refuseAppTokens: number;

  beforeEach(async () => {
    partnerCenter = await startFakeServer();
    identity = new FakeIdentityProvider({
      tenantId: TENANT,
      clientId: PUBLIC_CLIENT,
      user: ADMIN,
      app: { clientId: APP_CLIENT, secret: 'the-secret', certificatePem: certificate.certificatePem },
    });
    secrets = new MemorySecretStore();
    roles = { 'role-admin': [ADMIN.oid], 'role-sales': [] };
    refuseAppTokens = 0;
    partnerCenter.route('GET', '/v1/profiles/organization', (_request, response) =>
      json(response, 200, { id: TENANT, companyName: 'Contoso Cloud Partners' }),
    );
    partnerCenter.route('GET', '/v1/roles', (_request, response) =>
      json(response, 200, {
        items: [
          { id: 'role-admin', name: 'Admin Agent' },
          { id: 'role-sales', name: 'Sales Agent' },
        ],
      }),
    );
    partnerCenter.route('GET', /^\/v1\/roles\/[^/]+\/usermembers$/, (request, response) =>
      json(response, 200, { items: (roles[request.path.split('/')[3]!] ?? []).map((id) => ({ id })) }),
    );
    partnerCenter.route('GET', '/v1/relationships', (_request, response) => json(response, 200, { items: [] }));
    partnerCenter.route('POST', '/v1/attestations/enhanced', (request, response) => {
      const token = String(request.headers.authorization).replace(/^Bearer /, '');
      const known = identity.appTokens.some((issued) => issued.token === token);
      if (!known || refuseAppTokens-- > 0) return json(response, 401, { code: 'InvalidToken', description: 'The token is not valid.' });
      const body = JSON.parse(request.body) as Record<string, string>;
      const at = new Date().toISOString();
      json(response, 201, {
        id: randomUUID(),
        customerTenantId: body.customerTenantId,
        status: 'pending',
        acceptanceUrl: 'https://accept.example/abc',
        expiresAt: at,
        createdAt: at,
        country: body.country,
        language: body.language,
        companyName: body.companyName,
        signatory: { firstName: body.signatoryFirstName, lastName: body.signatoryLastName, email: body.signatoryEmail },
      });
    });
  });
  afterEach(() => partnerCenter.close());

  async function signedInHost(options: { now?: () => Date } = {}): Promise<{ host: Host; journal: MemoryAuditJournal }> {
    const journal = new MemoryAuditJournal();
    const host = createHost({
      transport: 'browser',
      version: 'test',
      settings: new MemorySettingsStore({ backend: 'partner-center', partnerCenter: { tenantId: TENANT, clientId: PUBLIC_CLIENT } }),
      secrets,
      partnerCenterUrl: partnerCenter.url,
      openBrowser: identity.openBrowser,
      msal: { networkClient: identity },
      journal,
      ...(options.now ? { now: options.now } : {}),
      log: { warn: () => undefined, error: () => undefined },
    });
    await host.start();
    if (!(await host.dispatch('getSession', {})).ok || !(data(await host.dispatch('getSession', {})) as { signedIn: boolean }).signedIn)
      data(await host.dispatch('signIn', { method: 'microsoft' }));
    return { host, journal };
  }

  const appPosts = () =>
    partnerCenter.requests.filter((request) => request.method === 'POST' && request.path === '/v1/attestations/enhanced');

  it('sets a certificate as an Admin agent, shows only its thumbprint and expiry, and creates with an AppOnly token from a client assertion', async () => {
    const { host, journal } = await signedInHost();
    const missing = data(await host.dispatch('getAppCredentialStatus', {})) as AppCredentialStatus;
    expect(missing).toMatchObject({
      backend: 'partner-center',
      source: 'settings',
      configured: false,
      mayChange: true,
      problem: expect.stringContaining('an Admin agent enters'),
    });

    const request = createRequest(CUSTOMER);
    const waiting = data(await host.dispatch('createEnhancedAttestation', request));
    expect(waiting).toMatchObject({ status: 'auth-required', need: 'app-credential', reason: expect.stringContaining('Settings') });
    expect(appPosts()).toHaveLength(0);

    const status = data(
      await host.dispatch('setAppCredential', {
        tenantId: TENANT,
        clientId: APP_CLIENT,
        credential: { kind: 'pfx', pfxBase64: certificate.pfxBase64('pfx-pass'), passphrase: 'pfx-pass' },
      }),
    ) as AppCredentialStatus;
    expect(status).toMatchObject({
      configured: true,
      kind: 'certificate',
      tenantId: TENANT,
      clientId: APP_CLIENT,
      thumbprint: expect.stringMatching(/^[0-9A-F]{40}$/),
      expiresAt: expect.any(String),
      expired: false,
      configuredBy: ADMIN.upn,
    });
    expect(JSON.stringify(status)).not.toMatch(/PRIVATE KEY|pfx-pass|MII/);

    // The very item that waited goes now, with the same request id.
    const created = data(await host.dispatch('createEnhancedAttestation', request)) as CreateAttestationResult;
    expect(created).toMatchObject({ status: 'created', alreadyCreated: false, attestation: { customerId: CUSTOMER } });
    expect(identity.appTokens.map((issued) => issued.proof)).toEqual(['certificate']);
    expect(appPosts()[0]!.headers['ms-requestid']).toBe(request.requestId);
    expect(appPosts()[0]!.headers.authorization).toBe(`Bearer ${identity.appTokens[0]!.token}`);

    // MSAL keeps the token: the next create asks Entra ID for nothing. A token Partner Center refuses is replaced once.
    data(await host.dispatch('createEnhancedAttestation', createRequest(CUSTOMER)));
    expect(identity.appTokens).toHaveLength(1);
    refuseAppTokens = 1;
    expect(data(await host.dispatch('createEnhancedAttestation', createRequest(CUSTOMER)))).toMatchObject({ status: 'created' });
    expect(identity.appTokens).toHaveLength(2);
    expect((await journal.list()).map((entry) => `${entry.action} ${entry.outcome}`)).toEqual([
      'attestation.create auth-required',
      'app-credential.set certificate',
      'attestation.create created',
      'attestation.create created',
      'attestation.create created',
    ]);
    // The secret store holds the key; nothing else does.
    expect(await secrets.get('app-credential:partner-center')).toContain('PRIVATE KEY');
  });

  it('lets only an Admin agent set or remove it, and asks for a new credential when Entra ID refuses one', async () => {
    roles = { 'role-admin': [], 'role-sales': [ADMIN.oid] };
    const sales = await signedInHost();
    expect(data(await sales.host.dispatch('getAppCredentialStatus', {}))).toMatchObject({ mayChange: false });
    expect(
      await sales.host.dispatch('setAppCredential', {
        tenantId: TENANT,
        clientId: APP_CLIENT,
        credential: { kind: 'secret', secret: 'the-secret' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await sales.host.dispatch('removeAppCredential', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await secrets.get('app-credential:partner-center')).toBeUndefined();
    await sales.host.dispatch('signOut', {});

    roles = { 'role-admin': [ADMIN.oid], 'role-sales': [] };
    const { host } = await signedInHost();
    data(
      await host.dispatch('setAppCredential', {
        tenantId: TENANT,
        clientId: APP_CLIENT,
        credential: { kind: 'secret', secret: 'a-wrong-secret' },
      }),
    );
    const refused = data(await host.dispatch('createEnhancedAttestation', createRequest(CUSTOMER)));
    expect(refused).toMatchObject({ status: 'auth-required', need: 'app-credential', reason: expect.stringContaining('AADSTS7000215') });
    expect(data(await host.dispatch('getAppCredentialStatus', {}))).toMatchObject({
      configured: true,
      kind: 'secret',
      problem: expect.stringContaining('refused'),
    });
    // Bad input changes nothing: the stored (wrong) secret stays until a valid replacement comes.
    expect(
      await host.dispatch('setAppCredential', {
        tenantId: TENANT,
        clientId: APP_CLIENT,
        credential: { kind: 'pem', pem: certificate.certificatePem },
      }),
    ).toMatchObject({ ok: false, error: { code: 'rule', reason: 'private-key-missing' } });
    expect(await secrets.get('app-credential:partner-center')).toContain('a-wrong-secret');

    data(
      await host.dispatch('setAppCredential', {
        tenantId: TENANT,
        clientId: APP_CLIENT,
        credential: { kind: 'secret', secret: 'the-secret' },
      }),
    );
    expect(data(await host.dispatch('createEnhancedAttestation', createRequest(CUSTOMER)))).toMatchObject({ status: 'created' });
    expect(identity.appTokens.map((issued) => issued.proof)).toEqual(['secret']);

    expect(data(await host.dispatch('removeAppCredential', {}))).toMatchObject({ configured: false });
    expect(await secrets.get('app-credential:partner-center')).toBeUndefined();
    expect(data(await host.dispatch('createEnhancedAttestation', createRequest(CUSTOMER)))).toMatchObject({
      status: 'auth-required',
      need: 'app-credential',
    });
  });

  it('says when the certificate has expired, before asking Entra ID for anything', async () => {
    let clock = new Date();
    const { host } = await signedInHost({ now: () => clock });
    data(
      await host.dispatch('setAppCredential', {
        tenantId: TENANT,
        clientId: APP_CLIENT,
        credential: { kind: 'pem', pem: certificate.keyPem + certificate.certificatePem },
      }),
    );
    clock = new Date(Date.now() + 400 * 86_400_000);
    expect(data(await host.dispatch('createEnhancedAttestation', createRequest(CUSTOMER)))).toMatchObject({
      status: 'auth-required',
      need: 'app-credential',
      reason: expect.stringContaining('expired on'),
    });
    expect(data(await host.dispatch('getAppCredentialStatus', {}))).toMatchObject({
      expired: true,
      problem: expect.stringContaining('uploads a new certificate'),
    });
    expect(identity.appTokens).toHaveLength(0);
  });

  it('asks the next Microsoft sign-in for MFA (the claims of the challenge, prompt=login) after a 900421', async () => {
    const { host } = await signedInHost();
    const challenge = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });
    partnerCenter.route('GET', '/v1/customers', (_request, response) =>
      json(
        response,
        401,
        { code: 900421, description: 'Multi-factor authentication is required.' },
        { 'WWW-Authenticate': `Bearer error="insufficient_claims", claims="${Buffer.from(challenge).toString('base64')}"` },
      ),
    );
    expect(await host.dispatch('listCustomers', {})).toMatchObject({
      ok: false,
      error: {
        code: 'auth-required',
        reason: 'mfa-required',
        message: expect.stringContaining('sign in again with multi-factor authentication'),
      },
    });
    expect(data(await host.dispatch('getSession', {}))).toMatchObject({ signedIn: false });
    expect(
      data(
        await host.dispatch('submitAttestation', {
          itemId: randomUUID(),
          customerId: CUSTOMER,
          primaryContact: { firstName: 'T', lastName: 'C', email: 't@example.com' },
          dateAgreed: '2025-06-01',
        }),
      ),
    ).toMatchObject({ status: 'auth-required', need: 'mfa' });

    data(await host.dispatch('signIn', { method: 'microsoft' }));
    const authorize = new URL(identity.authorizeUrls.at(-1)!);
    expect(authorize.searchParams.get('prompt')).toBe('login');
    expect(JSON.parse(authorize.searchParams.get('claims')!)).toMatchObject(JSON.parse(challenge));
    // The first sign-in asked for neither (MSAL's own id_token claims aside).
    const first = new URL(identity.authorizeUrls[0]!).searchParams;
    expect(first.get('prompt')).toBe('select_account');
    expect(JSON.parse(first.get('claims') ?? '{}')).not.toHaveProperty('access_token');
  });
});
