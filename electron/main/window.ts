/**
 * The one window. Its options are a literal inside the `new BrowserWindow(...)` call (Electronegativity
 * reads literals only): its own hardened persistent partition (sessions.ts), context isolation, the
 * sandbox, no Node, no <webview>, web security on, no middle-click windows, DevTools only in development.
 */
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_START_URL } from './constants';
import { WINDOW_PARTITION } from './sessions';

export function createMainWindow(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType,
  preloadPath: string,
  isPackaged: boolean,
): BrowserWindowType {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'MCA Desk',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      partition: WINDOW_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}
