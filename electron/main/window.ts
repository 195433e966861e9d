/**
 * The one window. `webPreferences` is a literal in this one function (Electronegativity reads
 * literals only): context isolation, the sandbox, no Node, no <webview>, web security on,
 * DevTools only in development.
 */
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_START_URL } from './constants';

export function mainWindowOptions(preloadPath: string, isPackaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'MCA Desk',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !isPackaged,
    },
  };
}

export function createMainWindow(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType,
  preloadPath: string,
  isPackaged: boolean,
): BrowserWindowType {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, isPackaged));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}
