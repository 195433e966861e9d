/**
 * Playwright fixtures for the desktop shell without an Electron binary: the BUILT main entry
 * (out/main/index.js, unchanged) runs in this process under the Electron double (tests/electron),
 * and its one window is a real Chromium page that loads app:// through the handler the main process
 * registered on the window's session, with the built preload in an isolated world. Every test gets a
 * fresh app data folder; the app quits (or is stopped) at the end.
 *
 *   test('…', async ({ desktop }) => { const page = desktop.page; … });
 *   test.use({ desktopOptions: { env: { MCA_DESK_SANDBOX_URL: url } } });
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElectronDouble, type ElectronDouble, type ElectronDoubleOptions } from '../../electron/double/index';
import type { BrowserWindowDouble } from '../../electron/double/browser-window';
import { loadBuiltMain } from '../../electron/load-main';

export { expect };

export interface DesktopOptions {
  /** Environment for this launch (MCA_DESK_*; restored afterwards). */
  env?: Record<string, string>;
  double?: Partial<Omit<ElectronDoubleOptions, 'root' | 'browser'>>;
}

export interface DesktopApp {
  electron: ElectronDouble;
  window: BrowserWindowDouble;
  /** The window's page in Chromium. */
  page: Page;
  /** What the app itself says (through window.api, as the renderer asks). */
  appInfo(): Promise<{ backend: { kind: string; url: string } }>;
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const test = base.extend<{ desktopOptions: DesktopOptions; desktop: DesktopApp }>({
  desktopOptions: [{}, { option: true }],

  desktop: async ({ browser, desktopOptions }, use, testInfo) => {
    const root = await mkdtemp(join(tmpdir(), 'mca-desktop-'));
    const saved = new Map<string, string | undefined>();
    for (const [name, value] of Object.entries(desktopOptions.env ?? {})) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
    const electron = createElectronDouble({ root, browser, ...desktopOptions.double });
    try {
      loadBuiltMain(electron);
      const window = await until(
        'the main window',
        () => electron.windows()[0] ?? (electron.lifecycle.exitCode !== undefined ? null : undefined),
      );
      if (!window)
        throw new Error(
          `The app exited with ${electron.lifecycle.exitCode} before opening a window: ${JSON.stringify(electron.dialog.errorBoxes)}`,
        );
      await until('the window to be shown', () => (window.isVisible() ? true : undefined));
      const page = window.webContents.driver!.page;
      await use({
        electron,
        window,
        page,
        appInfo: () =>
          page.evaluate(() =>
            (globalThis as unknown as { api: { getAppInfo(r: object): Promise<{ data: never }> } }).api
              .getAppInfo({})
              .then((envelope) => envelope.data),
          ),
      });
      expect(window.webContents.preloadErrors, 'errors in the preload or its world').toEqual([]);
    } finally {
      if (electron.lifecycle.exitCode === undefined) {
        electron.app.quit();
        const code = await Promise.race([
          electron.app.exited,
          new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 20_000)),
        ]);
        if (code === 'timeout') {
          testInfo.annotations.push({ type: 'teardown', description: 'The app did not quit within 20 s; stopped with app.exit.' });
          electron.app.exit(0);
        }
      }
      await electron.dispose();
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await rm(root, { recursive: true, force: true });
    }
  },
});
