// @vitest-environment node
/**
 * Stored sign-ins are bound to the backend URL they were issued for, and a sandbox must be on this
 * machine: a token is never restored for, or sent to, another URL, and Settings refuses a sandbox
 * elsewhere (its sign-in sends a password).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../../../electron/host/host';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import { checkSandboxUrl, MemorySettingsStore } from '../../../../electron/host/settings';
import { startSandbox, type RunningSandbox } from '../../../../sandbox/index';
import { startFakeServer, type FakeServer } from '../helpers/fake-server';

const USER = {
  userId: '3d6f2c09-eb40-48ca-a4b3-d24c9c007531',
  userName: 'admin@contoso.example',
  displayName: 'A',
  roles: ['admin-agent'],
  partnerType: 'direct-bill',
  partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
  partnerName: 'Contoso',
};

let sandbox: RunningSandbox;
let other: FakeServer;
beforeAll(async () => {
  sandbox = await startSandbox({ memory: true, port: 0, quiet: true });
  other = await startFakeServer();
});
afterAll(async () => {
  await sandbox.stop();
  await other.close();
});

describe('a stored sandbox sign-in', () => {
  it('is restored only for the sandbox URL that issued it, and its token goes nowhere else', async () => {
    const secrets = new MemorySecretStore();
    const first = createHost({
      transport: 'browser',
      version: 't',
      settings: new MemorySettingsStore({ sandboxUrl: sandbox.url }),
      secrets,
    });
    await first.start();
    expect(await first.dispatch('signIn', { method: 'password', userName: 'admin@contoso.example', password: 'sandbox' })).toMatchObject({
      ok: true,
    });

    // The same store, another sandbox URL (a launch option, another port): not signed in, nothing sent there.
    const elsewhere = createHost({
      transport: 'browser',
      version: 't',
      settings: new MemorySettingsStore({ sandboxUrl: sandbox.url }),
      secrets,
      overrides: { sandboxUrl: other.url },
    });
    await elsewhere.start();
    expect(await elsewhere.dispatch('getSession', {})).toMatchObject({ ok: true, data: { signedIn: false } });
    expect(await elsewhere.dispatch('listCustomers', { pageSize: 5 })).toMatchObject({ ok: false, error: { code: 'auth-required' } });
    expect(other.requests.filter((request) => request.headers.authorization)).toEqual([]);

    // Back at the sandbox that issued it: still signed in.
    const back = createHost({
      transport: 'browser',
      version: 't',
      settings: new MemorySettingsStore({ sandboxUrl: sandbox.url }),
      secrets,
    });
    await back.start();
    expect(await back.dispatch('getSession', {})).toMatchObject({ ok: true, data: { signedIn: true } });
  });

  it('written for another URL is not used, even if it is in the store', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set(
      'session:sandbox',
      JSON.stringify({ token: 'stolen-elsewhere', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), url: other.url, user: USER }),
    );
    const host = createHost({
      transport: 'browser',
      version: 't',
      settings: new MemorySettingsStore({ sandboxUrl: sandbox.url }),
      secrets,
    });
    await host.start();
    expect(await host.dispatch('getSession', {})).toMatchObject({ ok: true, data: { signedIn: false } });
  });
});

describe('a sandbox URL', () => {
  it('must be on this machine: updateSettings refuses another machine, even over https, and changes nothing', async () => {
    const settings = new MemorySettingsStore({ sandboxUrl: sandbox.url });
    const host = createHost({ transport: 'browser', version: 't', settings, secrets: new MemorySecretStore() });
    for (const url of ['https://sandbox.example', 'https://10.0.0.5:4010', 'http://sandbox.example'])
      expect(await host.dispatch('updateSettings', { sandboxUrl: url }), url).toMatchObject({
        ok: false,
        error: { code: 'bad-request', issues: [{ path: 'sandboxUrl' }] },
      });
    expect((await settings.get()).sandboxUrl).toBe(sandbox.url);
    for (const url of ['http://127.0.0.1:4011', 'https://localhost:4443', 'http://[::1]:4010'])
      expect(await host.dispatch('updateSettings', { sandboxUrl: url }), url).toMatchObject({ ok: true, data: { sandboxUrl: url } });
    expect(checkSandboxUrl('https://sandbox.example')).toEqual({
      problem: expect.stringContaining('on this machine'),
      issue: 'sandbox-not-local',
    });
  });
});
