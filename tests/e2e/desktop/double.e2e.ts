/**
 * The Electron double's renderer side in real Chromium, with hand-written preloads: a sandboxed preload
 * can require only `electron` (docs/tutorial/sandbox), and what crosses the context bridge is a copy
 * (docs/api/context-bridge, electron.d.ts L7682-L7690): functions proxied, prototypes dropped, values
 * cloned; `invoke` replies are structured-cloned (L9668-L9676) and errors keep only their message.
 */
import { test, expect } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElectronDouble } from '../../electron/double/index';

const GOOD_PRELOAD = `
const { contextBridge, ipcRenderer } = require('electron');
class Thing { constructor() { this.value = 1; } method() { return 2; } }
contextBridge.exposeInMainWorld('probe', {
  thing: new Thing(),
  add: (a, b) => a + b,
  later: () => Promise.resolve(new Thing()),
  nested: { fn: () => 'inner', date: new Date(0) },
  ping: () => ipcRenderer.invoke('ping', { x: 1 }),
  functionReply: () => ipcRenderer.invoke('function-reply'),
  thrown: () => ipcRenderer.invoke('thrown'),
});
try {
  contextBridge.exposeInMainWorld('probe', {});
} catch (error) {
  contextBridge.exposeInMainWorld('second', { message: error.message });
}
`;

const BAD_PRELOAD = `require('node:fs'); require('electron').contextBridge.exposeInMainWorld('api', {});`;

test('a sandboxed preload requires only electron, and the context bridge copies values', async ({ browser }) => {
  const root = await mkdtemp(join(tmpdir(), 'mca-double-page-'));
  const electron = createElectronDouble({ root, browser });
  try {
    await writeFile(join(root, 'good.cjs'), GOOD_PRELOAD);
    await writeFile(join(root, 'bad.cjs'), BAD_PRELOAD);
    electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    electron.app.emitReady();
    electron.session
      .fromPartition('persist:probe')
      .protocol.handle(
        'app',
        () => new Response('<!doctype html><title>probe</title><p>probe</p>', { headers: { 'Content-Type': 'text/html' } }),
      );
    electron.ipcMain.handle('ping', (event, payload) => ({
      got: payload,
      from: (event as { senderFrame: { url: string } }).senderFrame.url,
    }));
    electron.ipcMain.handle('function-reply', () => ({ run: () => 1 }));
    electron.ipcMain.handle('thrown', () => {
      const error = Object.assign(new Error('only this message'), { secretDetail: 'stays in main' });
      throw error;
    });

    const window = new electron.BrowserWindow({
      webPreferences: { preload: join(root, 'good.cjs'), partition: 'persist:probe', sandbox: true, contextIsolation: true },
    });
    await window.loadURL('app://probe/index.html');
    const page = window.webContents.driver!.page;
    const seen = await page.evaluate(`(async () => {
      const probe = window.probe;
      const later = await probe.later();
      let functionReply;
      try { await probe.functionReply(); functionReply = 'answered'; } catch (error) { functionReply = 'refused: ' + error.message; }
      let thrown;
      try { await probe.thrown(); } catch (error) { thrown = { message: error.message, secretDetail: error.secretDetail }; }
      return {
        thingValue: probe.thing.value,
        thingMethod: typeof probe.thing.method,
        add: probe.add(2, 3),
        later: { value: later.value, method: typeof later.method },
        nested: probe.nested.fn(),
        dateIsDate: probe.nested.date instanceof Date,
        ping: await probe.ping(),
        functionReply,
        thrown,
        second: window.second.message,
        require: typeof window.require,
      };
    })()`);
    expect(seen).toEqual({
      thingValue: 1,
      thingMethod: 'undefined',
      add: 5,
      later: { value: 1, method: 'undefined' },
      nested: 'inner',
      dateIsDate: true,
      ping: { got: { x: 1 }, from: 'app://probe/index.html' },
      functionReply: expect.stringMatching(/^refused: /),
      thrown: { message: "Error invoking remote method 'thrown': Error: only this message" },
      second: 'Cannot bind an API on top of an existing property on the window object',
      require: 'undefined',
    });
    expect(window.webContents.preloadErrors).toEqual([]);

    const bad = new electron.BrowserWindow({
      webPreferences: { preload: join(root, 'bad.cjs'), partition: 'persist:probe', sandbox: true },
    });
    await bad.loadURL('app://probe/index.html');
    expect(bad.webContents.preloadErrors.map((error) => error.message)).toEqual(['module not found: node:fs']);
    expect(await bad.webContents.driver!.page.evaluate('typeof window.api')).toBe('undefined');
  } finally {
    await electron.dispose();
    await rm(root, { recursive: true, force: true });
  }
});
