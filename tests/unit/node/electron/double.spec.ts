// @vitest-environment node
/**
 * The Electron double itself behaves as electron.d.ts documents, including the parts that bite
 * (each case names the line it follows), and with it the defect that made the shell unable to reach
 * any backend: backend calls through `net.fetch` while the default session cancels every request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElectronDouble } from '../../../electron/double/index';
import { matchesPattern } from '../../../electron/double/url-pattern';
import { hardenSession } from '../../../../electron/main/security';
import { openAppSessions } from '../../../../electron/main/sessions';
import { SandboxAuthProvider } from '../../../../electron/host/auth/sandbox';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import { startSandbox, type RunningSandbox } from '../../../../sandbox/index';

let root: string;
let sandbox: RunningSandbox;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mca-double-'));
  sandbox = await startSandbox({ memory: true, port: 0, quiet: true });
});
afterAll(async () => {
  await sandbox.stop();
  await rm(root, { recursive: true, force: true });
});

function signInWith(fetch: (input: string, init: RequestInit) => Promise<Response>) {
  const auth = new SandboxAuthProvider({ baseUrl: () => sandbox.url, secrets: new MemorySecretStore(), fetch });
  return auth.signIn({ method: 'password', userName: 'admin@contoso.example', password: 'sandbox' });
}

describe('the Electron double: what only works at the right moment', () => {
  it('registerSchemesAsPrivileged only before ready and only once (electron.d.ts L12404-L12405)', () => {
    const electron = createElectronDouble({ root });
    electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }]);
    expect(() => electron.protocol.registerSchemesAsPrivileged([{ scheme: 'other' }])).toThrow(/only once/);
    const late = createElectronDouble({ root });
    late.app.emitReady();
    expect(() => late.protocol.registerSchemesAsPrivileged([{ scheme: 'app' }])).toThrow(/before app is ready/);
  });

  it('protocol.handle, sessions and windows only after ready; enableSandbox only before (L13306-L13309, L1249)', () => {
    const electron = createElectronDouble({ root });
    expect(() => electron.protocol.handle('app', () => new Response(''))).toThrow(/before app is ready/);
    expect(() => electron.session.defaultSession).toThrow(/when app is ready/);
    expect(() => electron.session.fromPartition('persist:x')).toThrow(/when app is ready/);
    expect(() => new electron.BrowserWindow({})).toThrow(/before app is ready/);
    electron.app.enableSandbox();
    electron.app.emitReady();
    expect(() => electron.app.enableSandbox()).toThrow(/before app is ready/);
    expect(electron.session.fromPartition('persist:x')).toBe(electron.session.fromPartition('persist:x'));
    expect(electron.session.fromPartition('')).toBe(electron.session.defaultSession);
  });

  it('each session has its own protocol: the protocol module serves only the default session (L14484-L14487)', async () => {
    const electron = createElectronDouble({ root });
    electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    electron.app.emitReady();
    electron.protocol.handle('app', () => new Response('from the default session'));
    const window = new electron.BrowserWindow({ webPreferences: { partition: 'persist:mca-desk', sandbox: true, contextIsolation: true } });
    await expect(window.loadURL('app://mca-desk/index.html')).rejects.toThrow(/ERR_UNKNOWN_URL_SCHEME/);
    expect(await (await electron.net.fetch('app://mca-desk/x')).text()).toBe('from the default session');
  });

  it('safeStorage: `unknown` before ready, the async API only after, and the sync API refused as deprecated (L12831-L12859)', async () => {
    const electron = createElectronDouble({ root, safeStorage: { backend: 'basic_text' } });
    expect(electron.safeStorage.getSelectedStorageBackend()).toBe('unknown');
    await expect(electron.safeStorage.isAsyncEncryptionAvailable()).rejects.toThrow(/before the app is ready/);
    electron.app.emitReady();
    expect(electron.safeStorage.getSelectedStorageBackend()).toBe('basic_text');
    const sealed = await electron.safeStorage.encryptStringAsync('secret');
    expect(sealed.toString('utf8')).not.toContain('secret');
    expect(await electron.safeStorage.decryptStringAsync(sealed)).toEqual({ shouldReEncrypt: false, result: 'secret' });
    await expect(electron.safeStorage.decryptStringAsync(Buffer.from('v11garbage-garbage-garbage-garbage'))).rejects.toThrow(/decrypting/);
    expect(() => electron.safeStorage.encryptString()).toThrow(/deprecated/);
  });

  it('anything the app might use that the double does not implement throws instead of working by accident', () => {
    const electron = createElectronDouble({ root });
    expect(() => (electron.module as Record<string, unknown>).autoUpdater).toThrow(/does not implement electron.autoUpdater/);
    electron.app.emitReady();
    expect(() => new electron.BrowserWindow({ webPreferences: { nodeIntegration: true } })).toThrow(/does not implement/);
  });

  it('ipcMain: one handler per channel, and only the message of a thrown error reaches the renderer (L9442-L9457)', async () => {
    const electron = createElectronDouble({ root });
    electron.ipcMain.handle('x', () => {
      throw new Error('kept inside');
    });
    expect(() => electron.ipcMain.handle('x', () => 1)).toThrow(/second handler/);
    expect(await electron.ipcMain.invoke('x', {}, [])).toEqual({
      ok: false,
      message: "Error invoking remote method 'x': Error: kept inside",
    });
    expect(await electron.ipcMain.invoke('nothing', {}, [])).toMatchObject({
      ok: false,
      message: expect.stringContaining('No handler registered'),
    });
    electron.ipcMain.handle('fn', () => ({ run: () => 1 }));
    // The reply is structured-cloned (L9668-L9676): a function in it cannot cross.
    expect(await electron.ipcMain.invoke('fn', {}, [])).toMatchObject({ ok: false });
  });

  it('quit: before-quit may cancel, a window that refuses to close cancels, will-quit may cancel, then exit 0 (L1664-L1674)', async () => {
    const electron = createElectronDouble({ root });
    electron.app.emitReady();
    const window = new electron.BrowserWindow({ webPreferences: { sandbox: true } });
    let refuse = true;
    window.on('close', (event: { preventDefault(): void }) => refuse && event.preventDefault());
    electron.app.quit();
    expect(window.isDestroyed()).toBe(false);
    refuse = false;
    let holdQuit = true;
    electron.app.on('will-quit', (event: { preventDefault(): void }) => holdQuit && event.preventDefault());
    electron.app.quit();
    expect(window.isDestroyed()).toBe(true);
    expect(electron.lifecycle.exitCode).toBeUndefined();
    holdQuit = false;
    electron.app.quit();
    expect(await electron.app.exited).toBe(0);
  });

  it('webRequest filters use Chromium match patterns (L20703-L20722)', () => {
    expect(matchesPattern('http://*/*', 'http://127.0.0.1:4010/oauth2/token')).toBe(true);
    expect(matchesPattern('https://*/*', 'http://127.0.0.1/')).toBe(false);
    expect(matchesPattern('file://*/*', 'file:///etc/passwd')).toBe(true);
    expect(matchesPattern('*://*.example.com/*', 'https://a.example.com/x')).toBe(true);
    expect(matchesPattern('http://*/*', 'app://mca-desk/index.html')).toBe(false);
  });
});

describe('the network path (the defect this issue fixes)', () => {
  it("net.fetch runs the default session's webRequest handlers: a hardened default session cancels sign-in (L10949-L10963)", async () => {
    const electron = createElectronDouble({ root });
    electron.app.emitReady();
    hardenSession(electron.session.defaultSession as never);
    await expect(signInWith((input, init) => electron.net.fetch(input, init))).rejects.toMatchObject({ detail: { code: 'network' } });
    expect(electron.session.defaultSession.fetched).toEqual([{ url: `${sandbox.url}/oauth2/token`, outcome: 'cancelled' }]);
  });

  it("the app's sessions: the window's partition and the default session are hardened, backend calls get through the backend session", async () => {
    const electron = createElectronDouble({ root });
    electron.app.emitReady();
    const sessions = openAppSessions(electron.session as never, join(root, 'renderer'));
    expect((await signInWith(sessions.backendFetch)).signedIn).toBe(true);
    const backend = electron.session.fromPartition('mca-backend');
    expect(backend.fetched.map((entry) => entry.outcome)).toEqual(['network', 'network']);
    for (const hardened of [electron.session.fromPartition('persist:mca-desk'), electron.session.defaultSession]) {
      expect(await hardened.webRequest.verdict({ url: `${sandbox.url}/v1/customers`, method: 'GET', resourceType: 'xhr' })).toEqual({
        cancel: true,
      });
      expect(await hardened.requestPermission('notifications')).toBe(false);
    }
    expect(await backend.requestPermission('notifications')).toBe(false);
    // The window's session serves app:// itself; the default session does not.
    expect(electron.session.fromPartition('persist:mca-desk').protocol.isProtocolHandled('app')).toBe(true);
    expect(electron.session.defaultSession.protocol.isProtocolHandled('app')).toBe(false);
  });
});
