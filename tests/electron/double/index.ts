/**
 * A test double of Electron's main-process API, for running the real main entry where the Electron
 * binary cannot be downloaded. Each behaviour follows node_modules/electron/electron.d.ts (the line is
 * cited where it is implemented), including the parts that bite. What it cannot be is listed in
 * tests/electron/README.md. Anything the app might use that the double does not implement throws
 * `NotInDoubleError`: nothing "works" by accident.
 *
 *   const electron = createElectronDouble({ root, browser });
 *   loadBuiltMain(electron);            // tests/electron/load-main.ts
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { AppDouble } from './app';
import { createBrowserWindowClass, type BrowserWindowDouble } from './browser-window';
import { NotInDoubleError } from './events';
import { IpcMainDouble } from './ipc-main';
import type { Lifecycle } from './lifecycle';
import { ProtocolModule } from './protocol-module';
import { SafeStorageDouble, type SafeStorageOptions } from './safe-storage';
import { createNet, SessionModule } from './session';
import { ClipboardDouble, DialogDouble, ShellDouble } from './system';
import type { DriverEnv } from './page-driver';

export interface ElectronDoubleOptions {
  /** The app's folders live under this (userData, logs, temp). */
  root: string;
  isPackaged?: boolean;
  version?: string;
  /** False: another instance holds the single-instance lock. */
  singleInstanceLock?: boolean;
  safeStorage?: Partial<SafeStorageOptions>;
  /** Real Chromium for the windows (Playwright). Without it windows load their document and run no script. */
  browser?: Browser;
}

export function createElectronDouble(options: ElectronDoubleOptions) {
  const lifecycle: Lifecycle = { ready: false };
  const sessions = new SessionModule(lifecycle);
  const protocol = new ProtocolModule(lifecycle, sessions);
  const ipcMain = new IpcMainDouble();
  const windows = new Set<BrowserWindowDouble>();
  const app = new AppDouble(
    lifecycle,
    {
      root: options.root,
      isPackaged: options.isPackaged ?? false,
      version: options.version ?? '0.1.0',
      name: 'MCA Desk',
      singleInstanceLock: options.singleInstanceLock ?? true,
    },
    () => [...windows],
  );
  const driver: DriverEnv | undefined = options.browser
    ? {
        browser: options.browser,
        ipcMain,
        privileged: protocol.privileged,
        platform: process.platform,
        contexts: new Map(),
        drivers: new Map(),
        creating: 0,
        popupUrls: [],
      }
    : undefined;
  const BrowserWindow = createBrowserWindowClass({ lifecycle, app, sessions, driver, windows });
  const safeStorage = new SafeStorageDouble(lifecycle, { backend: 'gnome_libsecret', machineKey: randomBytes(32), ...options.safeStorage });
  const shell = new ShellDouble();
  const clipboard = new ClipboardDouble();
  const dialog = new DialogDouble();
  const net = createNet(sessions);

  const implemented: Record<string, unknown> = {
    app,
    BrowserWindow,
    session: sessions,
    protocol,
    net,
    ipcMain,
    safeStorage,
    shell,
    clipboard,
    dialog,
  };
  /** What `require('electron')` answers in the main process. */
  const module = new Proxy(implemented, {
    get(target, name) {
      if (typeof name === 'symbol' || name === '__esModule' || name === 'default' || name === 'then') return undefined;
      if (name in target) return target[name];
      throw new NotInDoubleError(`electron.${name}`);
    },
  });

  return {
    module,
    app,
    BrowserWindow,
    session: sessions,
    protocol,
    net,
    ipcMain,
    safeStorage,
    shell,
    clipboard,
    dialog,
    lifecycle,
    windows: (): BrowserWindowDouble[] => [...windows],
    /** Closes every Chromium context the windows used. */
    async dispose(): Promise<void> {
      for (const window of [...windows]) window.destroy();
      for (const context of driver?.contexts.values() ?? []) await (await context).close().catch(() => undefined);
    },
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;
