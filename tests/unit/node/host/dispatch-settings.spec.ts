// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher, type ChannelHandlers } from '../../../../electron/host/dispatch';
import { toIpcError } from '../../../../electron/host/verdict';
import { PartnerCenterError } from '../../../../electron/host/partner-center/errors';
import { hostError } from '../../../../electron/host/errors';
import { checkBackendUrl, FileSettingsStore, MemorySettingsStore } from '../../../../electron/host/settings';
import { createHost } from '../../../../electron/host/host';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';

describe('the dispatcher', () => {
  it("checks answers against the contract too, and never leaks a defect's details", async () => {
    const logged: string[] = [];
    const handlers = new Proxy({} as ChannelHandlers, {
      get: (_target, channel: string) => async () => {
        if (channel === 'getSession') return { signedIn: true, backend: 'sandbox' }; // no user: not the contract
        throw new Error('secret token eyJabc in a stack');
      },
    });
    const dispatch = createDispatcher(handlers, {
      log: { warn: (message) => logged.push(message), error: (message) => logged.push(message) },
    });
    expect(await dispatch('getSession', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'MCA Desk produced an answer it cannot use.' },
    });
    const defect = await dispatch('getAppInfo', {});
    expect(defect).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong inside MCA Desk.' } });
    expect(JSON.stringify(defect)).not.toContain('eyJ');
    expect(logged).toHaveLength(2);
  });

  it('maps backend failures to typed errors', () => {
    const http = (status: number, extra = {}) => toIpcError(new PartnerCenterError({ kind: 'http', status, description: 'd', ...extra }));
    expect(http(401)).toMatchObject({ code: 'auth-required', status: 401 });
    expect(http(403, { code: 900150 })).toMatchObject({ code: 'forbidden', backendCode: 900150 });
    expect(http(404)).toMatchObject({ code: 'not-found' });
    expect(http(409)).toMatchObject({ code: 'conflict' });
    expect(http(429, { retryAfterMs: 5000 })).toMatchObject({ code: 'throttled', retryAfterMs: 5000 });
    expect(http(500)).toMatchObject({ code: 'backend', status: 500 });
    expect(toIpcError(new PartnerCenterError({ kind: 'timeout', description: 'x' }))).toMatchObject({ code: 'timeout' });
    expect(toIpcError(new PartnerCenterError({ kind: 'network', description: 'x' }))).toMatchObject({ code: 'network' });
    // The host's verdict rides on the error (the expected object gained `retryable: false` with it).
    expect(toIpcError(hostError('rule', 'no', { reason: 'in-future' }))).toEqual({
      code: 'rule',
      message: 'no',
      reason: 'in-future',
      retryable: false,
    });
  });

  it('decides once whether a failure can succeed later, and not before when', () => {
    const http = (status: number, extra = {}) => toIpcError(new PartnerCenterError({ kind: 'http', status, description: 'd', ...extra }));
    expect(http(429, { retryAfterMs: 7000 })).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    expect(http(503)).toMatchObject({ retryable: true, retryAfterMs: 5000 });
    // One answer for a 409 everywhere (the submit service and every other channel used to disagree).
    expect(http(409)).toMatchObject({ code: 'conflict', retryable: true });
    for (const status of [400, 401, 403, 404]) expect(http(status), String(status)).toMatchObject({ retryable: false });
    expect(toIpcError(new PartnerCenterError({ kind: 'network', description: 'x' }))).toMatchObject({ retryable: true });
    expect(toIpcError(new PartnerCenterError({ kind: 'invalid-response', description: 'x' }))).toMatchObject({ retryable: false });
    expect(toIpcError(hostError('unavailable', 'gone'))).toMatchObject({ retryable: true, retryAfterMs: 5000 });
    // A defect has no verdict: nobody knows whether trying again helps.
    expect(toIpcError(new TypeError('boom'))).not.toHaveProperty('retryable');
  });
});

describe('settings', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mca-settings-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('accepts https anywhere and http only on this machine', () => {
    expect(checkBackendUrl('https://api.partnercenter.microsoft.com')).toBeUndefined();
    expect(checkBackendUrl('http://127.0.0.1:4010')).toBeUndefined();
    expect(checkBackendUrl('http://localhost:4010')).toBeUndefined();
    expect(checkBackendUrl('http://sandbox.example:4010')).toBeDefined();
    expect(checkBackendUrl('https://user:pw@example.com')).toBeDefined();
    expect(checkBackendUrl('file:///etc')).toBeDefined();
  });

  it('persists settings without secrets and refuses insecure URLs', async () => {
    const store = FileSettingsStore.inDataDir(dir);
    expect(await store.get()).toEqual({
      backend: 'sandbox',
      sandboxUrl: 'http://127.0.0.1:4010',
      partnerCenter: { tenantId: '', clientId: '' },
      acceptanceFloor: '2019-03-01',
      directScanShare: 0.5,
      followUpAfterDays: 3,
    });
    await store.update({ partnerCenter: { tenantId: 'contoso.onmicrosoft.com', clientId: 'a5b2e6f3-1c2d-4e5f-8a9b-0c1d2e3f4a5b' } });
    await expect(store.update({ sandboxUrl: 'http://evil.example/' })).rejects.toMatchObject({ detail: { code: 'bad-request' } });
    const reread = await FileSettingsStore.inDataDir(dir).get();
    expect(reread.partnerCenter.clientId).toBe('a5b2e6f3-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual(reread);
  });

  it('reads a settings file written before the earliest acceptance day existed with the default, and keeps a chosen one', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ backend: 'sandbox', sandboxUrl: 'http://127.0.0.1:4010', partnerCenter: { tenantId: '', clientId: '' } }),
    );
    expect(await FileSettingsStore.inDataDir(dir).get()).toMatchObject({ acceptanceFloor: '2019-03-01' });
    await FileSettingsStore.inDataDir(dir).update({ acceptanceFloor: '2020-01-01' });
    expect(await FileSettingsStore.inDataDir(dir).get()).toMatchObject({ acceptanceFloor: '2020-01-01' });
    await expect(FileSettingsStore.inDataDir(dir).update({ acceptanceFloor: '2999-01-01' })).rejects.toMatchObject({
      detail: { code: 'bad-request' },
    });
    expect(await FileSettingsStore.inDataDir(dir).get()).toMatchObject({ acceptanceFloor: '2020-01-01' });
  });

  it('keeps the direct acceptance check’s share of the rate limit (half by default) and refuses one out of range, changing nothing', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ backend: 'sandbox', sandboxUrl: 'http://127.0.0.1:4010', partnerCenter: { tenantId: '', clientId: '' } }),
    );
    expect(await FileSettingsStore.inDataDir(dir).get()).toMatchObject({ directScanShare: 0.5 });
    await FileSettingsStore.inDataDir(dir).update({ directScanShare: 0.3 });
    expect(await FileSettingsStore.inDataDir(dir).get()).toMatchObject({ directScanShare: 0.3 });
    for (const bad of [0, 0.01, 1.5, 0.333, Number.NaN])
      await expect(FileSettingsStore.inDataDir(dir).update({ directScanShare: bad })).rejects.toMatchObject({
        detail: { code: 'bad-request', issues: [{ path: 'directScanShare' }] },
      });
    expect(await FileSettingsStore.inDataDir(dir).get()).toMatchObject({ directScanShare: 0.3 });
  });

  it('keeps the follow-up days (3 by default) and refuses a number that is not 1 to 7 whole days, changing nothing', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ backend: 'sandbox', sandboxUrl: 'http://127.0.0.1:4010', partnerCenter: { tenantId: '', clientId: '' } }),
    );
    expect(await FileSettingsStore.inDataDir(dir).get()).toMatchObject({ followUpAfterDays: 3 });
    await FileSettingsStore.inDataDir(dir).update({ followUpAfterDays: 5 });
    expect(await FileSettingsStore.inDataDir(dir).get()).toMatchObject({ followUpAfterDays: 5 });
    for (const bad of [0, -1, 8, 2.5, Number.NaN])
      await expect(FileSettingsStore.inDataDir(dir).update({ followUpAfterDays: bad })).rejects.toMatchObject({
        detail: { code: 'bad-request', issues: [{ path: 'followUpAfterDays' }] },
      });
    expect(await FileSettingsStore.inDataDir(dir).get()).toMatchObject({ followUpAfterDays: 5 });
    // Through the channel: the contract's schema refuses it before the host runs, with the same answer.
    const host = createHost({ transport: 'browser', version: 't', settings: new MemorySettingsStore(), secrets: new MemorySecretStore() });
    expect(await host.dispatch('updateSettings', { followUpAfterDays: 30 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await host.dispatch('getSettings', {})).toMatchObject({ ok: true, data: { followUpAfterDays: 3 } });
  });

  it('signs out when the backend or identity changes', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set(
      'session:sandbox',
      JSON.stringify({
        token: 't',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        url: 'http://127.0.0.1:4010',
        user: {
          userId: '3d6f2c09-eb40-48ca-a4b3-d24c9c007531',
          userName: 'admin@contoso.example',
          displayName: 'A',
          roles: ['admin-agent'],
          partnerType: 'direct-bill',
          partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
          partnerName: 'Contoso',
        },
      }),
    );
    const host = createHost({ transport: 'browser', version: 't', settings: new MemorySettingsStore(), secrets });
    await host.start();
    expect(await host.dispatch('getSession', {})).toMatchObject({ ok: true, data: { signedIn: true } });
    expect(await host.dispatch('updateSettings', { sandboxUrl: 'http://127.0.0.1:4011' })).toMatchObject({
      ok: true,
      data: { sandboxUrl: 'http://127.0.0.1:4011' },
    });
    expect(await host.dispatch('getSession', {})).toMatchObject({ ok: true, data: { signedIn: false } });
    expect(await secrets.get('session:sandbox')).toBeUndefined();
    expect(await host.dispatch('updateSettings', { sandboxUrl: 'ftp://x' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await host.dispatch('updateSettings', { backend: 'partner-center' })).toMatchObject({ ok: true });
    expect(await host.dispatch('getSession', {})).toMatchObject({ ok: true, data: { signedIn: false, backend: 'partner-center' } });
  });
});
