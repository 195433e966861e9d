// @vitest-environment node
/**
 * What keeps an enhanced call from going out, against a sandbox of Partner Center today: MCA Desk's
 * own role gate (AppOnly carries no user), a missing app credential, no sign-in, a user without MFA;
 * and what the legacy attestation gets now (retired: a permanent typed outcome, never a retry).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noMfaUser, SEEDED_PASSWORD, seededAppRegistrations, startSandbox } from '../../../../sandbox/index';
import { createHost } from '../../../../electron/host/host';
import { MemorySettingsStore } from '../../../../electron/host/settings';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import type { CreateAttestationResult, AppCredentialStatus } from '../../../../shared/ipc/enhanced';
import { calendarDateIn } from '../../../../shared/domain/dates';
import { createRequest, customerOf, data, startEnhancedWorld, type EnhancedWorld } from './enhanced-helpers';

let world: EnhancedWorld;
let customerId: string;

beforeAll(async () => {
  world = await startEnhancedWorld();
  customerId = (await customerOf((await world.signedIn()).host, 10)).id;
}, 60_000);
afterAll(() => world?.stop());

const yesterday = () => calendarDateIn(new Date(Date.now() - 86_400_000), 'UTC');

describe("MCA Desk's own role gate for the enhanced calls", () => {
  it.each([
    ['helpdesk@contoso.example', 'role-not-permitted', 'Helpdesk agent'],
    ['billing@contoso.example', 'role-not-permitted', 'Billing admin'],
    ['admin@tailspin.example', 'partner-type-not-permitted', 'indirect reseller'],
  ])('refuses create and finalise for %s, sends nothing and journals the refusal', async (userName, code) => {
    const { host, journal } = await world.signedIn(userName);
    const before = (await world.sandbox.inspect.attestations()).length;
    const calls = world.enhancedCalls().length;
    const request = createRequest(customerId);

    expect(data(await host.dispatch('createEnhancedAttestation', request))).toMatchObject({ status: 'failed', code });
    const finalise = { requestId: randomUUID(), customerId, attestationId: randomUUID() };
    expect(data(await host.dispatch('finaliseEnhancedAttestation', finalise))).toMatchObject({ status: 'failed', code });

    expect((await world.sandbox.inspect.attestations()).length).toBe(before);
    expect(world.enhancedCalls().length).toBe(calls);
    expect(await journal.list()).toEqual([
      expect.objectContaining({
        action: 'attestation.create',
        agent: expect.objectContaining({ name: userName }),
        requestId: request.requestId,
        outcome: 'failed',
        code,
        sent: false,
      }),
      expect.objectContaining({
        action: 'attestation.finalise',
        requestId: finalise.requestId,
        attestationId: finalise.attestationId,
        outcome: 'failed',
        code,
        sent: false,
      }),
    ]);
  });

  it('lets a Sales agent of an indirect provider create (its partner app, no setup)', async () => {
    const { host } = await world.signedIn('sales@fabrikam.example');
    const fabrikamCustomer = await customerOf(host, 0);
    const result = data(await host.dispatch('createEnhancedAttestation', createRequest(fabrikamCustomer.id))) as CreateAttestationResult;
    expect(result).toMatchObject({ status: 'created', attestation: { status: 'pending', customerId: fabrikamCustomer.id } });
    const status = data(await host.dispatch('getAppCredentialStatus', {})) as AppCredentialStatus;
    expect(status).toEqual({
      backend: 'sandbox',
      source: 'sandbox-partner-app',
      configured: true,
      clientId: seededAppRegistrations[1]!.clientId,
      mayChange: false,
    });
    // The status above is exactly that (no secret in it); there is nothing to set up with the sandbox.
    expect(
      await host.dispatch('setAppCredential', {
        tenantId: randomUUID(),
        clientId: randomUUID(),
        credential: { kind: 'secret', secret: 'x' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('asks to sign in when nobody is, and sends nothing', async () => {
    const { host } = await world.newHost();
    expect(data(await host.dispatch('createEnhancedAttestation', createRequest(customerId)))).toEqual({
      status: 'auth-required',
      reason: 'Sign in to send queued attestations.',
      need: 'sign-in',
    });
    expect(await host.dispatch('getAppCredentialStatus', {})).toMatchObject({ ok: false, error: { code: 'auth-required' } });
  });
});

describe('a missing app credential, and MFA', () => {
  it('keeps the item when the session brought no app credential, says to sign in again, and sends it once that is done', async () => {
    const { secrets } = await world.signedIn();
    // A session stored by an older MCA Desk (or by a sandbox before 2026): no app in it.
    const stored = JSON.parse((await secrets.get('session:sandbox'))!) as Record<string, unknown>;
    expect(stored.app).toMatchObject({ clientId: seededAppRegistrations[0]!.clientId });
    delete stored.app;
    await secrets.set('session:sandbox', JSON.stringify(stored));
    const { host } = await world.newHost({ secrets });
    const request = createRequest(customerId);
    const calls = world.enhancedCalls().length;

    const waiting = data(await host.dispatch('createEnhancedAttestation', request));
    expect(waiting).toMatchObject({
      status: 'auth-required',
      need: 'sign-in',
      reason: expect.stringContaining('sign in to the sandbox again'),
    });
    expect(world.enhancedCalls().length).toBe(calls);
    expect(data(await host.dispatch('getAppCredentialStatus', {}))).toMatchObject({
      configured: false,
      problem: expect.stringContaining('sign in to the sandbox again'),
    });

    data(await host.dispatch('signIn', { method: 'password', userName: 'admin@contoso.example', password: SEEDED_PASSWORD }));
    expect(data(await host.dispatch('createEnhancedAttestation', request))).toMatchObject({ status: 'created', alreadyCreated: false });
  });

  it('turns 900421 into "sign in again with multi-factor authentication", at sign-in and on a call', async () => {
    const { host } = await world.newHost();
    const refused = await host.dispatch('signIn', { method: 'password', userName: noMfaUser.userName, password: SEEDED_PASSWORD });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'auth-required',
        reason: 'mfa-required',
        backendCode: 900421,
        message: expect.stringContaining('sign in again with multi-factor authentication'),
      },
    });
    expect(data(await host.dispatch('getSession', {}))).toMatchObject({ signedIn: false });

    // A session that predates the rule (its token has no MFA claim): the first App+User call is refused.
    const token = await fetch(`${world.sandbox.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: noMfaUser.userName, password: SEEDED_PASSWORD }).toString(),
    }).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
    const secrets = new MemorySecretStore();
    await secrets.set(
      'session:sandbox',
      JSON.stringify({ token, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: noMfaUser, url: world.proxy.url }),
    );
    const restored = await world.newHost({ secrets });
    const item = {
      itemId: randomUUID(),
      customerId,
      primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'tania@example.com' },
      dateAgreed: yesterday(),
    };
    expect(data(await restored.host.dispatch('submitAttestation', item))).toEqual({
      status: 'auth-required',
      need: 'mfa',
      reason: expect.stringContaining('sign in again with multi-factor authentication'),
    });
    // The session is gone, and what comes next still says why.
    expect(data(await restored.host.dispatch('getSession', {}))).toMatchObject({ signedIn: false });
    expect(await restored.host.dispatch('listCustomers', {})).toMatchObject({ ok: false, error: { code: 'auth-required' } });
    expect(data(await restored.host.dispatch('submitAttestation', item))).toMatchObject({ status: 'auth-required' });
  });
});

describe('the legacy attestation on Partner Center today', () => {
  it('answers legacy-retired for a contact-and-date attestation and for the bulk tool, permanently, with nothing recorded', async () => {
    const { host } = await world.signedIn();
    const agreementsBefore = (await world.sandbox.inspect.agreements()).length;
    const item = {
      itemId: randomUUID(),
      customerId,
      primaryContact: { firstName: 'Oud', lastName: 'Pad', email: 'oud@customer.example' },
      dateAgreed: yesterday(),
    };
    const retired = data(await host.dispatch('submitAttestation', item));
    expect(retired).toEqual({ status: 'legacy-retired', code: 600070, reason: expect.stringContaining('5 January 2026') });
    // Sent again, the answer is the same: nothing changes at the backend, nothing loops.
    expect(data(await host.dispatch('submitAttestation', item))).toEqual(retired);
    const bulk = data(
      await host.dispatch('bulkReattest', {
        items: [
          { ...item, itemId: randomUUID() },
          { ...item, itemId: randomUUID(), customerId: (await customerOf(host, 11)).id },
        ],
      }),
    ) as {
      results: Array<{ result: { status: string } }>;
    };
    expect(bulk.results.map((entry) => entry.result.status)).toEqual(['legacy-retired', 'legacy-retired']);
    expect((await world.sandbox.inspect.agreements()).length).toBe(agreementsBefore);
  });
});

describe('a sandbox of Partner Center before 2026', () => {
  it('brings no app with the sign-in: the status says so, and an enhanced send waits instead of being lost', async () => {
    const before2026 = await startSandbox({ port: 0, memory: true, quiet: true, legacyAttestation: 'available' });
    try {
      const host = createHost({
        transport: 'browser',
        version: 'test',
        settings: new MemorySettingsStore(),
        secrets: new MemorySecretStore(),
        overrides: { backend: 'sandbox', sandboxUrl: before2026.url },
        log: { warn: () => undefined, error: () => undefined },
      });
      await host.start();
      const attestationsBefore = (await before2026.inspect.attestations()).length;
      data(await host.dispatch('signIn', { method: 'password', userName: 'admin@contoso.example', password: SEEDED_PASSWORD }));
      expect(data(await host.dispatch('getAppCredentialStatus', {}))).toMatchObject({
        configured: false,
        problem: expect.stringContaining('before 2026'),
      });
      expect(data(await host.dispatch('createEnhancedAttestation', createRequest(customerId)))).toMatchObject({
        status: 'auth-required',
        need: 'sign-in',
      });
      expect(await before2026.inspect.attestations()).toHaveLength(attestationsBefore);
    } finally {
      await before2026.stop();
    }
  });
});
