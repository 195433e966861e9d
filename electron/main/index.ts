/**
 * Electron main-process entry: bootstrap only. Single instance, sandbox everywhere, the app://
 * scheme, the security policy on every web contents, the two sessions (the window's hardened
 * partition and the backend's), the secret store, the host services behind the validated IPC layer,
 * and the quit guard. Each start-up step is a named stage: a failure shows a native error dialog,
 * is logged in the app's log folder and exits non-zero (startup.ts). The built file runs unchanged
 * under the Electron test double in tests/electron (see tests/e2e/desktop).
 */
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { createHost, type Host } from '../host/host';
import { FileSettingsStore } from '../host/settings';
import { FileAuditJournal } from '../host/audit/journal';
import { KnownAgents } from '../host/known-agents';
import { fetchNetworkModule } from '../host/auth/fetch-network-module';
import { registerAppScheme } from './protocol';
import { installSecurityPolicy } from './security';
import { openAppSessions } from './sessions';
import { registerIpc } from './ipc';
import { createPlatformHandlers } from './platform';
import { openElectronSecretStore } from './secrets';
import { guardWindowClose, installQuitGuard } from './quit-guard';
import { createMainWindow } from './window';
import { startEmbeddedSandbox, type EmbeddedSandbox } from './embedded-sandbox';
import { safeOpenExternal } from './open-external';
import { launchOptions } from './launch-options';
import { failStartup, stage } from './startup';
import { appendChromiumSwitches } from './chromium-switches';

let mainWindow: BrowserWindow | undefined;
let sandbox: EmbeddedSandbox | undefined;

const RESTART = 'Start MCA Desk again. If this keeps happening, send the log file named below to your IT department.';

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const sessions = await stage({ what: "Preparing the app window's sessions", advice: RESTART }, () =>
    openAppSessions(session, join(__dirname, '../renderer')),
  );
  const launch = await stage(
    {
      what: 'Reading the launch options (MCA_DESK_* environment variables)',
      advice: 'Correct or remove the variable named above, then start MCA Desk again.',
    },
    () => launchOptions(process.env, app.isPackaged),
  );
  if (launch.ignored.length) console.warn(`MCA Desk is packaged, so it ignores ${launch.ignored.join(', ')}.`);
  const secrets = await stage(
    {
      what: 'Opening the secret store',
      advice: `Check that ${userData} belongs to you and the disk is not full. If your system keyring is locked, unlock it; then start MCA Desk again.`,
    },
    () => openElectronSecretStore(safeStorage, userData),
  );
  const settings = FileSettingsStore.inDataDir(userData);
  const backend =
    launch.backend ??
    (
      await stage(
        { what: 'Reading the settings', advice: `Check that ${join(userData, 'settings.json')} can be read, then start MCA Desk again.` },
        () => settings.get(),
      )
    ).backend;
  let sandboxUrl = launch.sandboxUrl;
  if (backend === 'sandbox' && !sandboxUrl) {
    sandbox = await stage(
      {
        what: 'Starting the built-in sandbox backend',
        advice: `Close other copies of MCA Desk and check that the disk is not full (its database is in ${join(userData, 'sandbox')}); then start MCA Desk again.`,
      },
      () => startEmbeddedSandbox(join(userData, 'sandbox')),
    );
    sandboxUrl = sandbox.url;
  }

  const host: Host = await stage({ what: "Starting MCA Desk's services", advice: RESTART }, async () => {
    const created = createHost({
      transport: 'electron',
      version: app.getVersion(),
      settings,
      secrets,
      overrides: { backend, ...(sandboxUrl ? { sandboxUrl } : {}) },
      partnerCenterUrl: launch.partnerCenterUrl,
      // Chromium's network stack through the backend session: the system proxy, PAC and the OS
      // certificate store, as agents' networks need; never the window's session and its block.
      fetch: sessions.backendFetch,
      msal: { networkClient: fetchNetworkModule(sessions.backendFetch) },
      openBrowser: async (url) => {
        if (!(await safeOpenExternal(shell, url))) throw new Error('The sign-in page must be https.');
      },
      platform: createPlatformHandlers(clipboard, shell),
      journal: FileAuditJournal.inDataDir(userData),
      agents: KnownAgents.inDataDir(userData),
    });
    await created.start();
    return created;
  });
  registerIpc(ipcMain, host.dispatch);
  installQuitGuard(app, host.submit);

  mainWindow = await stage({ what: 'Opening the window', advice: RESTART }, () =>
    createMainWindow(BrowserWindow, join(__dirname, '../preload/index.cjs'), app.isPackaged),
  );
  guardWindowClose(mainWindow, host.submit);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

function stopSandbox(): Promise<void> {
  const running = sandbox;
  sandbox = undefined;
  return running ? running.stop() : Promise.resolve();
}

function beforeReady(): void {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.enableSandbox();
  // Chromium reads its switches as it starts: before ready.
  appendChromiumSwitches(app.commandLine);
  registerAppScheme(protocol);
  installSecurityPolicy(app, shell);
  app.on('window-all-closed', () => app.quit());
  // The embedded sandbox closes its database before the process ends, so nothing committed is lost.
  let sandboxStopped = false;
  app.on('will-quit', (event) => {
    if (!sandbox || sandboxStopped) return;
    event.preventDefault();
    void stopSandbox()
      .catch((error: unknown) => console.error('The embedded sandbox did not stop cleanly:', error))
      .finally(() => {
        sandboxStopped = true;
        app.quit();
      });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  try {
    beforeReady();
    app
      .whenReady()
      .then(start)
      .catch((error: unknown) => failStartup(app, dialog, error, stopSandbox));
  } catch (error) {
    void failStartup(app, dialog, error, stopSandbox);
  }
}
