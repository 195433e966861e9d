/**
 * Electron main-process entry: bootstrap only. Single instance, sandbox everywhere, the app://
 * scheme, the security policy on every web contents, the secret store, the host services behind
 * the validated IPC layer, and the quit guard. Everything with logic lives in small modules that are
 * tested with a mocked `electron` (see tests/unit/node/electron).
 */
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import { createHost, type Host } from '../host/host';
import { FileSettingsStore } from '../host/settings';
import { FileAuditJournal } from '../host/audit/journal';
import { backendKindSchema } from '../../shared/ipc/contract';
import { registerAppScheme, handleAppProtocol } from './protocol';
import { hardenSession, installSecurityPolicy } from './security';
import { registerIpc } from './ipc';
import { createPlatformHandlers } from './platform';
import { openElectronSecretStore } from './secrets';
import { guardWindowClose, installQuitGuard } from './quit-guard';
import { createMainWindow } from './window';
import { startEmbeddedSandbox, type EmbeddedSandbox } from './embedded-sandbox';
import { safeOpenExternal } from './open-external';

let mainWindow: BrowserWindow | undefined;
let sandbox: EmbeddedSandbox | undefined;

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  handleAppProtocol(protocol, join(__dirname, '../renderer'));

  const userData = app.getPath('userData');
  const secrets = await openElectronSecretStore(safeStorage, userData);
  const settings = FileSettingsStore.inDataDir(userData);
  const envBackend = backendKindSchema.safeParse(process.env.MCA_DESK_BACKEND);
  const backend = envBackend.success ? envBackend.data : (await settings.get()).backend;
  let sandboxUrl = process.env.MCA_DESK_SANDBOX_URL || undefined;
  if (backend === 'sandbox' && !sandboxUrl) {
    sandbox = await startEmbeddedSandbox(join(userData, 'sandbox'));
    sandboxUrl = sandbox.url;
  }

  const host: Host = createHost({
    transport: 'electron',
    version: app.getVersion(),
    settings,
    secrets,
    overrides: { backend, ...(sandboxUrl ? { sandboxUrl } : {}) },
    partnerCenterUrl: process.env.MCA_DESK_PARTNER_CENTER_URL || undefined,
    // Chromium's network stack: the system proxy, PAC and the OS certificate store, as agents' networks need.
    fetch: (input, init) => net.fetch(input, init),
    openBrowser: async (url) => {
      if (!(await safeOpenExternal(shell, url))) throw new Error('The sign-in page must be https.');
    },
    platform: createPlatformHandlers(clipboard, shell),
    journal: FileAuditJournal.inDataDir(userData),
  });
  await host.start();
  registerIpc(ipcMain, host.dispatch);
  installQuitGuard(app, host.submit);

  mainWindow = createMainWindow(BrowserWindow, join(__dirname, '../preload/index.cjs'), app.isPackaged);
  guardWindowClose(mainWindow, host.submit);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.enableSandbox();
  registerAppScheme(protocol);
  installSecurityPolicy(app, shell);
  app.on('window-all-closed', () => app.quit());
  // The embedded sandbox closes its database before the process ends, so nothing committed is lost.
  let sandboxStopped = false;
  app.on('will-quit', (event) => {
    if (!sandbox || sandboxStopped) return;
    event.preventDefault();
    void sandbox
      .stop()
      .catch((error: unknown) => console.error('The embedded sandbox did not stop cleanly:', error))
      .finally(() => {
        sandboxStopped = true;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('MCA Desk could not start:', error);
      app.exit(1);
    });
}
