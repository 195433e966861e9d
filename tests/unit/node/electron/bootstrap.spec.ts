// @vitest-environment node
/**
 * The main-process entry (electron/main/index.ts) under the Electron double (tests/electron/double),
 * which behaves as electron.d.ts documents: what it registers and in which order, the sessions, the
 * network path to a real sandbox, start-up failures, launch options and the secret store. The built
 * entry runs in real Chromium in tests/e2e/desktop.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { channelNames, ipcChannel } from '../../../../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/host/static-files';
import { createElectronDouble, type ElectronDouble, type ElectronDoubleOptions } from '../../../electron/double/index';
import { startSandbox, type RunningSandbox } from '../../../../sandbox/index';

const holder = vi.hoisted(() => ({ electron: undefined as undefined | { module: Record<string, unknown> } }));
// Each launch gets a fresh double; the module's exports read the current one.
vi.mock('electron', () => {
  const names = ['app', 'BrowserWindow', 'session', 'protocol', 'net', 'ipcMain', 'safeStorage', 'shell', 'clipboard', 'dialog'];
  return Object.defineProperties(
    {},
    Object.fromEntries(names.map((name) => [name, { enumerable: true, get: () => holder.electron!.module[name] }])),
  );
});

const APP_FRAME = { senderFrame: { url: 'app://mca-desk/index.html', origin: 'app://mca-desk', parent: null } };
const ENV = ['MCA_DESK_SANDBOX_URL', 'MCA_DESK_BACKEND', 'MCA_DESK_PARTNER_CENTER_URL'] as const;

let root: string;
let sandbox: RunningSandbox;

async function launch(options: Partial<ElectronDoubleOptions> = {}): Promise<ElectronDouble> {
  const electron = createElectronDouble({ root, ...options });
  holder.electron = electron;
  vi.resetModules();
  await import('../../../../electron/main/index');
  return electron;
}

async function ready(electron: ElectronDouble): Promise<void> {
  electron.app.emitReady();
  await vi.waitFor(() => expect(electron.windows().length + (electron.lifecycle.exitCode !== undefined ? 1 : 0)).toBeGreaterThan(0), {
    timeout: 20_000,
  });
}

async function invoke(
  electron: ElectronDouble,
  channel: string,
  payload: unknown = {},
): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  const outcome = await electron.ipcMain.invoke(ipcChannel(channel as never), APP_FRAME, [payload]);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value as never;
}

async function quit(electron: ElectronDouble): Promise<number> {
  electron.app.quit();
  return electron.app.exited;
}

beforeAll(async () => {
  sandbox = await startSandbox({ memory: true, port: 0, quiet: true });
});
afterAll(() => sandbox.stop());

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mca-electron-'));
  for (const name of ENV) delete process.env[name];
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  for (const name of ENV) delete process.env[name];
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

describe('the Electron main entry under the double', () => {
  it('hardens everything before the first window, then opens one window on app:// in its own partition', async () => {
    process.env.MCA_DESK_SANDBOX_URL = sandbox.url;
    const electron = await launch();
    // Before ready: sandbox for every renderer, the privileged scheme, the policy hook (sessions would throw now).
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.protocol.privileged.get('app')).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(electron.app.listenerCount('second-instance')).toBe(1);
    // Chromium's switches, before ready: IndexedDB's answers to a save are not held back for a frame after the click.
    expect(electron.app.commandLine.switches.get('disable-features')).toEqual({ value: 'DeferRendererTasksAfterInput', beforeReady: true });
    await ready(electron);

    const [window] = electron.windows();
    const preferences = window!.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      partition: 'persist:mca-desk',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: true,
    });
    expect(String(preferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    // The window's own session's handler served the document (from electron/renderer, which only the build fills).
    await vi.waitFor(() => expect(window!.webContents.lastDocument?.url).toBe('app://mca-desk/index.html'));
    expect(window!.webContents.lastDocument!.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(window!.webContents.session).toBe(electron.session.fromPartition('persist:mca-desk'));
    expect(electron.ipcMain.channels().sort()).toEqual(channelNames.map(ipcChannel).sort());
    expect(electron.app.listenerCount('before-quit')).toBe(1);
    expect(await quit(electron)).toBe(0);
  });

  it("signs in through the backend session: the window's block never applies to backend calls", async () => {
    // Fails on the shell as it was: hardenSession(defaultSession) plus net.fetch cancelled every backend call.
    process.env.MCA_DESK_SANDBOX_URL = sandbox.url;
    const electron = await launch();
    await ready(electron);
    const session = await invoke(electron, 'signIn', { method: 'password', userName: 'admin@contoso.example', password: 'sandbox' });
    expect(session).toMatchObject({ ok: true, data: { signedIn: true, user: { userName: 'admin@contoso.example' } } });
    expect(await invoke(electron, 'getAgreementMetadata')).toMatchObject({ ok: true });
    const backend = electron.session.fromPartition('mca-backend');
    expect(backend.fetched.filter((entry) => entry.url === `${sandbox.url}/oauth2/token`)).toEqual([
      { url: `${sandbox.url}/oauth2/token`, outcome: 'network' },
    ]);
    expect(electron.session.defaultSession.fetched).toEqual([]);
    expect(electron.session.fromPartition('persist:mca-desk').fetched).toEqual([]);
    expect(await quit(electron)).toBe(0);
  });

  it("sends MSAL's own HTTP (Microsoft sign-in) through the backend session too", async () => {
    const electron = createElectronDouble({ root });
    const userData = electron.app.getPath('userData');
    await writeFile(
      join(userData, 'settings.json'),
      JSON.stringify({
        backend: 'partner-center',
        sandboxUrl: 'http://127.0.0.1:4010',
        partnerCenter: { tenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438', clientId: 'a5b2e6f3-1c2d-4e5f-8a9b-0c1d2e3f4a5b' },
      }),
    );
    holder.electron = electron;
    vi.resetModules();
    await import('../../../../electron/main/index');
    await ready(electron);
    // No test reaches Microsoft: the backend session's webRequest handler records and cancels.
    const asked: string[] = [];
    electron.session.fromPartition('mca-backend').webRequest.onBeforeRequest((details, callback) => {
      asked.push(details.url);
      callback({ cancel: true });
    });
    const outcome = invoke(electron, 'signIn', { method: 'microsoft' });
    // MSAL opens the sign-in page in the system browser (https only, through shell.openExternal)…
    await vi.waitFor(() => expect(electron.shell.opened).toHaveLength(1));
    const page = new URL(electron.shell.opened[0]!);
    expect(page.origin).toBe('https://login.microsoftonline.com');
    // …the "browser" posts the code back to the loopback redirect (form_post), and MSAL redeems it over its network client.
    const form = new URLSearchParams({ code: 'a-code', state: page.searchParams.get('state')! });
    await fetch(page.searchParams.get('redirect_uri')!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    })
      .then((response) => response.text())
      .catch(() => undefined);
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'auth-required' } });
    expect(asked.some((url) => url.startsWith('https://login.microsoftonline.com/') && url.includes('/token'))).toBe(true);
    expect(electron.session.defaultSession.fetched).toEqual([]);
    expect(await quit(electron)).toBe(0);
  });

  it('starts the embedded sandbox in the user-data folder by default, and quitting waits for its database', async () => {
    const machineKey = randomBytes(32);
    const electron = await launch({ safeStorage: { machineKey } });
    await ready(electron);
    const userData = electron.app.getPath('userData');
    const info = (await invoke(electron, 'getAppInfo')) as { data: { backend: { kind: string; url: string } } };
    expect(info.data.backend).toMatchObject({ kind: 'sandbox', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(existsSync(join(userData, 'sandbox', 'PG_VERSION'))).toBe(true);
    expect(JSON.parse(await readFile(join(userData, 'sandbox-port.json'), 'utf8'))).toEqual({
      port: Number(new URL(info.data.backend.url).port),
    });
    expect(await invoke(electron, 'signIn', { method: 'password', userName: 'sales@contoso.example', password: 'sandbox' })).toMatchObject({
      ok: true,
    });
    expect(await quit(electron)).toBe(0);
    // The database was closed: a second launch opens it again, on the same port, still signed in.
    const again = await launch({ safeStorage: { machineKey } });
    await ready(again);
    expect(await invoke(again, 'getSession')).toMatchObject({
      ok: true,
      data: { signedIn: true, user: { userName: 'sales@contoso.example' } },
    });
    expect(await quit(again)).toBe(0);
  });

  it('quits at once when another instance holds the lock', async () => {
    const electron = await launch({ singleInstanceLock: false });
    expect(await electron.app.exited).toBe(0);
    expect(electron.app.listenerCount('web-contents-created')).toBe(0);
  });

  it('a packaged app ignores MCA_DESK_* and uses its own embedded sandbox', async () => {
    process.env.MCA_DESK_SANDBOX_URL = sandbox.url;
    process.env.MCA_DESK_PARTNER_CENTER_URL = 'http://127.0.0.1:9/';
    const electron = await launch({ isPackaged: true });
    await ready(electron);
    const info = (await invoke(electron, 'getAppInfo')) as { data: { backend: { url: string } } };
    expect(info.data.backend.url).not.toBe(sandbox.url);
    expect(vi.mocked(console.warn).mock.calls.flat().join(' ')).toContain('ignores MCA_DESK_SANDBOX_URL, MCA_DESK_PARTNER_CENTER_URL');
    expect((electron.windows()[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    expect(await quit(electron)).toBe(0);
  });
});

describe('start-up that fails well', () => {
  async function expectFailure(electron: ElectronDouble, what: RegExp) {
    expect(await electron.app.exited).toBe(1);
    expect(electron.windows()).toEqual([]);
    expect(electron.dialog.errorBoxes).toHaveLength(1);
    const [box] = electron.dialog.errorBoxes;
    expect(box!.title).toBe('MCA Desk could not start');
    expect(box!.content).toMatch(what);
    const logFile = join(electron.app.getPath('logs'), 'startup.log');
    expect(box!.content).toContain(`The details are in ${logFile}.`);
    const log = await readFile(logFile, 'utf8');
    expect(log).toMatch(what);
    expect(log).toMatch(/\n\s+at /); // the stack is in the log, not in the dialog
    expect(box!.content).not.toMatch(/\n\s+at /);
    return box!.content;
  }

  it('a launch option it cannot use: names the variable and what to do', async () => {
    process.env.MCA_DESK_BACKEND = 'mainframe';
    const electron = await launch();
    electron.app.emitReady();
    const content = await expectFailure(
      electron,
      /Reading the launch options .* failed: MCA_DESK_BACKEND must be "sandbox" or "partner-center"/,
    );
    expect(content).toContain('Correct or remove the variable');
  });

  it('a sandbox URL on another machine is refused as a launch option', async () => {
    process.env.MCA_DESK_SANDBOX_URL = 'https://sandbox.example';
    const electron = await launch();
    electron.app.emitReady();
    await expectFailure(electron, /MCA_DESK_SANDBOX_URL must be on this machine/);
  });

  it('the secret store cannot be opened', async () => {
    process.env.MCA_DESK_SANDBOX_URL = sandbox.url;
    const electron = createElectronDouble({ root });
    await mkdir(join(electron.app.getPath('userData'), 'secrets.keyfile.json'), { recursive: true });
    holder.electron = electron;
    vi.resetModules();
    await import('../../../../electron/main/index');
    electron.app.emitReady();
    await expectFailure(electron, /Opening the secret store failed: EISDIR/);
  });

  it('the embedded sandbox cannot start: its database folder is a file', async () => {
    const electron = createElectronDouble({ root });
    await writeFile(join(electron.app.getPath('userData'), 'sandbox'), 'not a folder');
    holder.electron = electron;
    vi.resetModules();
    await import('../../../../electron/main/index');
    electron.app.emitReady();
    const content = await expectFailure(electron, /Starting the built-in sandbox backend failed/);
    expect(content).toContain('Close other copies of MCA Desk');
  });
});

describe('secrets on Linux without a keyring, then with one', () => {
  it('asks once before storing with the weaker protection, records the answer, and moves to the keyring when one appears', async () => {
    process.env.MCA_DESK_SANDBOX_URL = sandbox.url;
    const machineKey = randomBytes(32);
    const first = await launch({ safeStorage: { backend: 'basic_text', machineKey } });
    await ready(first);
    const userData = first.app.getPath('userData');
    const pending = (await invoke(first, 'getAppInfo')) as { data: { secretStorage: Record<string, unknown> } };
    expect(pending.data.secretStorage).toMatchObject({
      secure: false,
      kind: 'memory',
      consent: 'pending',
      warning: expect.stringContaining('Install and unlock a keyring'),
    });
    // Signing in before the answer works, but nothing is written to disk.
    expect(await invoke(first, 'signIn', { method: 'password', userName: 'admin@contoso.example', password: 'sandbox' })).toMatchObject({
      ok: true,
    });
    expect(existsSync(join(userData, 'secrets.keyfile.json'))).toBe(false);
    expect(existsSync(join(userData, 'secret.key'))).toBe(false);
    const granted = await invoke(first, 'setSecretStorageConsent', { allow: true });
    expect(granted).toMatchObject({ ok: true, data: { consent: 'granted', kind: 'key-file', secure: false } });
    expect((await stat(join(userData, 'secret.key'))).mode & 0o777).toBe(0o600);
    expect((await readFile(join(userData, 'secrets.keyfile.json'), 'utf8')).includes('admin@contoso.example')).toBe(false);
    expect(await quit(first)).toBe(0);

    // The next start remembers the answer (no question) and the sign-in.
    const second = await launch({ safeStorage: { backend: 'basic_text', machineKey } });
    await ready(second);
    expect(await invoke(second, 'getAppInfo')).toMatchObject({ data: { secretStorage: { consent: 'granted' } } });
    expect(await invoke(second, 'getSession')).toMatchObject({ data: { signedIn: true } });
    expect(await quit(second)).toBe(0);

    // A keyring appears: the secrets move into it and the key file and the answer are deleted.
    const third = await launch({ safeStorage: { backend: 'gnome_libsecret', machineKey } });
    await ready(third);
    expect(await invoke(third, 'getAppInfo')).toMatchObject({
      data: { secretStorage: { secure: true, kind: 'os-keyring', consent: 'not-needed' } },
    });
    expect(await invoke(third, 'getSession')).toMatchObject({ data: { signedIn: true, user: { userName: 'admin@contoso.example' } } });
    for (const gone of ['secrets.keyfile.json', 'secret.key', 'secret-storage-consent.json'])
      expect(existsSync(join(userData, gone)), gone).toBe(false);
    expect(existsSync(join(userData, 'secrets.safestorage.json'))).toBe(true);
    expect(await invoke(third, 'setSecretStorageConsent', { allow: true })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await quit(third)).toBe(0);
  });

  it('a no keeps secrets in memory only: the next start signs in again, and asks nothing', async () => {
    process.env.MCA_DESK_SANDBOX_URL = sandbox.url;
    const first = await launch({ safeStorage: { backend: 'basic_text' } });
    await ready(first);
    expect(await invoke(first, 'setSecretStorageConsent', { allow: false })).toMatchObject({
      ok: true,
      data: { consent: 'refused', kind: 'memory' },
    });
    expect(await invoke(first, 'signIn', { method: 'password', userName: 'admin@contoso.example', password: 'sandbox' })).toMatchObject({
      ok: true,
    });
    expect(await quit(first)).toBe(0);
    const userData = first.app.getPath('userData');
    expect(existsSync(join(userData, 'secrets.keyfile.json'))).toBe(false);
    const second = await launch({ safeStorage: { backend: 'basic_text' } });
    await ready(second);
    expect(await invoke(second, 'getAppInfo')).toMatchObject({ data: { secretStorage: { consent: 'refused' } } });
    expect(await invoke(second, 'getSession')).toMatchObject({ data: { signedIn: false } });
    expect(await quit(second)).toBe(0);
  });
});
