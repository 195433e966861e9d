/**
 * Electron main-process entry. The hardened shell (custom scheme, CSP, validated IPC, secret store)
 * is built by the host issue; this foundation only opens the sandboxed window on the built renderer.
 */
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'MCA Desk',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  });
  void window.loadFile(join(__dirname, '../renderer/index.html'));
}

app.enableSandbox();
void app.whenReady().then(createWindow);
app.on('window-all-closed', () => app.quit());
