// @vitest-environment node
/**
 * The main-process entry with a mocked `electron` (the binary cannot run here): what it registers,
 * in which order, and with which settings.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelNames, ipcChannel } from '../../../../shared/ipc/channels';

const state = vi.hoisted(() => ({
  lock: true,
  ready: undefined as undefined | (() => void),
  log: [] as string[],
  windows: [] as Array<{ options: Record<string, unknown>; url?: string }>,
  ipc: [] as string[],
  ipcHandlers: new Map<string, unknown>(),
  userData: '',
  app: undefined as unknown as EventEmitter & Record<string, unknown>,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => {
      state.log.push('requestSingleInstanceLock');
      return state.lock;
    },
    quit: () => state.log.push('quit'),
    exit: (code: number) => state.log.push(`exit ${code}`),
    enableSandbox: () => state.log.push('enableSandbox'),
    whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
    getPath: () => state.userData,
    getVersion: () => '0.1.0',
    isPackaged: true,
  });
  state.app = app as never;
  class BrowserWindow extends EventEmitter {
    constructor(options: Record<string, unknown>) {
      super();
      state.windows.push({ options });
    }
    loadURL(url: string) {
      state.windows.at(-1)!.url = url;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    focus() {}
    restore() {}
  }
  const safeStorage = {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => 'basic_text',
    encryptStringAsync: async (text: string) => Buffer.from(text),
    decryptStringAsync: async (data: Buffer) => ({ result: data.toString(), shouldReEncrypt: false }),
  };
  return {
    app,
    BrowserWindow,
    clipboard: { writeText: async () => undefined, readText: async () => '', clear: () => undefined },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => {
        state.ipc.push(channel);
        state.ipcHandlers.set(channel, handler);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: () => state.log.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => state.log.push(`protocol.handle ${scheme}`),
    },
    safeStorage,
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => state.log.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => state.log.push('setPermissionCheckHandler'),
        setDevicePermissionHandler: () => undefined,
        webRequest: { onBeforeRequest: () => state.log.push('onBeforeRequest') },
      },
    },
    shell: { openExternal: async () => undefined },
    net: { fetch: (input: string, init?: RequestInit) => { state.log.push(`net.fetch ${input}`); return fetch(input, init); } },
    default: {},
  };
});

const embedded = vi.hoisted(() => ({ started: [] as string[], stopped: 0 }));
vi.mock('../../../../electron/main/embedded-sandbox', () => ({
  startEmbeddedSandbox: async (dataDir: string) => {
    embedded.started.push(dataDir);
    return { url: 'http://127.0.0.1:9', stop: async () => void (embedded.stopped += 1) };
  },
}));

describe('the Electron main entry (mocked electron)', () => {
  beforeEach(async () => {
    vi.resetModules();
    state.app?.removeAllListeners();
    state.lock = true;
    state.log.length = 0;
    state.windows.length = 0;
    state.ipc.length = 0;
    state.userData = await mkdtemp(join(tmpdir(), 'mca-userdata-'));
    process.env.MCA_DESK_SANDBOX_URL = 'http://127.0.0.1:9';
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    delete process.env.MCA_DESK_SANDBOX_URL;
    vi.restoreAllMocks();
    await rm(state.userData, { recursive: true, force: true });
  });

  it('hardens everything before the first window, then opens one window on app://', async () => {
    await import('../../../../electron/main/index');
    // Before ready: single instance, sandbox for every renderer, the scheme, the policy hook.
    expect(state.log).toEqual(['requestSingleInstanceLock', 'enableSandbox', 'registerSchemesAsPrivileged']);
    expect(state.app.listenerCount('web-contents-created')).toBe(1);
    expect(state.app.listenerCount('second-instance')).toBe(1);
    state.ready!();
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    expect(state.log).toEqual(
      expect.arrayContaining(['setPermissionRequestHandler', 'setPermissionCheckHandler', 'onBeforeRequest', 'protocol.handle app']),
    );
    expect(state.ipc.sort()).toEqual(channelNames.map(ipcChannel).sort());
    const [window] = state.windows;
    expect(window!.url).toBe('app://mca-desk/index.html');
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, devTools: false });
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(state.app.listenerCount('before-quit')).toBe(1);
    // No keyring here (basic_text): the loud warning, and the fallback reported as not secure.
    expect(vi.mocked(console.warn).mock.calls.flat().join(' ')).toContain('basic_text');
  });

  it('starts the embedded sandbox in the user-data folder by default', async () => {
    delete process.env.MCA_DESK_SANDBOX_URL;
    embedded.started.length = 0;
    await import('../../../../electron/main/index');
    state.ready!();
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    expect(embedded.started).toEqual([join(state.userData, 'sandbox')]);
    // Quitting waits for the embedded sandbox to close its database.
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    state.app.emit('will-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(state.log).toContain('quit'));
    expect(embedded.stopped).toBe(1);
  });

  it('sends backend traffic through Chromium\'s network stack (net.fetch)', async () => {
    await import('../../../../electron/main/index');
    state.ready!();
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    // A sign-in reaches the (unreachable) sandbox URL through net.fetch.
    const signIn = state.ipcHandlers.get('mca:signIn') as (event: unknown, payload: unknown) => Promise<unknown>;
    const answer = await signIn({ senderFrame: { url: 'app://mca-desk/index.html', origin: 'app://mca-desk', parent: null } }, { method: 'password', userName: 'admin@contoso.example', password: 'sandbox' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(state.log).toContain('net.fetch http://127.0.0.1:9/oauth2/token');
  });

  it('quits at once when another instance holds the lock', async () => {
    state.lock = false;
    await import('../../../../electron/main/index');
    expect(state.log).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(state.app.listenerCount('web-contents-created')).toBe(0);
  });
});
