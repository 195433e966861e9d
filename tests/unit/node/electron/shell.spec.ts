// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hardenSession, hardenWebContents, installSecurityPolicy } from '../../../../electron/main/security';
import { createAppProtocolHandler, registerAppScheme } from '../../../../electron/main/protocol';
import { externalUrl, safeOpenExternal } from '../../../../electron/main/open-external';
import { createMainWindow } from '../../../../electron/main/window';
import { guardWindowClose, installQuitGuard } from '../../../../electron/main/quit-guard';
import { createPlatformHandlers } from '../../../../electron/main/platform';

vi.mock('electron', () => ({}));

class FakeContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url?: string) {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

describe('navigation, new windows, webviews', () => {
  it('keeps every web contents on the app origin and opens nothing itself', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const app = new EventEmitter();
    installSecurityPolicy(app as never, shell);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);

    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:4010/', 'app://other/', 'javascript:alert(1)']) {
      const event = navigationEvent();
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
      const frameEvent = navigationEvent(url);
      contents.emit('will-frame-navigate', frameEvent);
      expect(frameEvent.defaultPrevented, url).toBe(true);
      const redirect = navigationEvent();
      contents.emit('will-redirect', redirect, url);
      expect(redirect.defaultPrevented, url).toBe(true);
    }
    const inside = navigationEvent();
    contents.emit('will-navigate', inside, 'app://mca-desk/index.html');
    expect(inside.defaultPrevented).toBe(false);

    const webview = navigationEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);

    expect(contents.windowOpenHandler!({ url: 'https://aka.ms/customeragreement' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://mca-desk/popup' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.openExternal.mock.calls).toEqual([['https://aka.ms/customeragreement']]);
  });

  it('hardens a contents directly too', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, { openExternal: vi.fn() });
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('permissions and network', () => {
  it('denies every permission request and check, and every network request from the renderer', () => {
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    let beforeRequest:
      { filter: { urls: string[] }; listener: (details: unknown, callback: (response: { cancel: boolean }) => void) => void } | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: (filter: { urls: string[] }, listener: never) => (beforeRequest = { filter, listener }) },
    };
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal']) {
      const callback = vi.fn();
      requestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(checkHandler!()).toBe(false);
    expect(beforeRequest!.filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*']),
    );
    const callback = vi.fn();
    beforeRequest!.listener({ url: 'https://api.partnercenter.microsoft.com/v1/customers' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('shell.openExternal', () => {
  it("opens only https, loopback http (the sandbox's documents) and mailto links, re-serialised", async () => {
    expect(externalUrl('https://aka.ms/customeragreement')).toBe('https://aka.ms/customeragreement');
    expect(externalUrl('http://127.0.0.1:4010/sandbox/agreement-documents/t/preview')).toBe(
      'http://127.0.0.1:4010/sandbox/agreement-documents/t/preview',
    );
    expect(externalUrl('mailto:a@b.example?subject=Hi')).toBe('mailto:a@b.example?subject=Hi');
    for (const url of [
      'http://example.com',
      'http://192.168.1.10/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-settings:',
      'https://user:pass@example.com/',
      'not a url',
    ])
      expect(externalUrl(url), url).toBeUndefined();
    const shell = { openExternal: vi.fn(async () => undefined) };
    const log = vi.fn();
    expect(await safeOpenExternal(shell, 'file:///etc/passwd', log)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('is what the clipboard, mailto and link channels use', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const clipboard = {
      text: '',
      writeText: vi.fn(async (text: string) => void (clipboard.text = text)),
      readText: vi.fn(async () => clipboard.text),
      clear: vi.fn(() => void (clipboard.text = '')),
    };
    const platform = createPlatformHandlers(clipboard as never, shell);
    vi.useFakeTimers();
    try {
      const written = await platform.writeClipboard({ text: 'password: Temp-1', clearAfterMs: 60_000 });
      expect(written.clearsAt).toBeDefined();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(clipboard.clear).toHaveBeenCalledTimes(1);
      await platform.writeClipboard({ text: 'secret', clearAfterMs: 1_000 });
      clipboard.text = 'something the agent copied since';
      await vi.advanceTimersByTimeAsync(1_000);
      expect(clipboard.text).toBe('something the agent copied since');
    } finally {
      vi.useRealTimers();
    }
    await platform.openMailto({ to: 'a@b.example', subject: 'MCA', body: 'Please accept' });
    expect(shell.openExternal).toHaveBeenLastCalledWith('mailto:a%40b.example?subject=MCA&body=Please%20accept');
    await expect(platform.openMailto({ to: 'not an address', subject: '', body: '' })).rejects.toMatchObject({
      detail: { code: 'bad-request' },
    });
    await platform.openExternal({ url: 'https://aka.ms/customeragreement' });
    await expect(platform.openExternal({ url: 'http://example.com' })).rejects.toMatchObject({ detail: { code: 'bad-request' } });
  });
});

describe('the app:// protocol', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mca-renderer-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>MCA Desk</title>');
    await writeFile(join(root, 'assets', 'index.js'), 'export {}');
    await writeFile(join(root, '..', 'mca-protocol-outside.txt'), 'outside');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(join(root, '..', 'mca-protocol-outside.txt'), { force: true });
  });

  it('is registered as a privileged standard secure scheme', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
  });

  it('serves the renderer with the CSP, GET only, nothing outside the folder or another host', async () => {
    const handle = createAppProtocolHandler(root);
    const page = await handle(new Request('app://mca-desk/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(await page.text()).toContain('MCA Desk');
    expect((await handle(new Request('app://mca-desk/assets/index.js'))).headers.get('content-type')).toContain('javascript');
    expect(await (await handle(new Request('app://mca-desk/customers/42'))).text()).toContain('MCA Desk');
    for (const url of [
      'app://mca-desk/../mca-protocol-outside.txt',
      'app://mca-desk/%2e%2e/mca-protocol-outside.txt',
      'app://mca-desk/assets/..%2f..%2fmca-protocol-outside.txt',
      'app://mca-desk/nothing.js',
      'app://other-host/index.html',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('outside');
    }
    expect((await handle(new Request('app://mca-desk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('the window', () => {
  it('isolates and sandboxes the renderer, with no Node, no webview and DevTools only in development', () => {
    const created: Array<{ options: Record<string, unknown>; url?: string }> = [];
    class FakeWindow extends EventEmitter {
      constructor(options: Record<string, unknown>) {
        super();
        created.push({ options });
      }
      loadURL(url: string) {
        created.at(-1)!.url = url;
        return Promise.resolve();
      }
      show() {}
    }
    createMainWindow(FakeWindow as never, '/app/out/preload/index.cjs', true);
    createMainWindow(FakeWindow as never, '/p', false);
    expect(created[0]!.url).toBe('app://mca-desk/index.html');
    expect(created[0]!.options.webPreferences).toEqual(
      expect.objectContaining({
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        disableBlinkFeatures: 'Auxclick',
        devTools: false,
      }),
    );
    expect((created[1]!.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
  });
});

describe('quitting while a submit is in flight', () => {
  it('waits for the submit to finish, then quits; quits at once when idle', async () => {
    let pending = 1;
    let finish!: () => void;
    const submits = {
      get pending() {
        return pending;
      },
      idle: vi.fn(
        () =>
          new Promise<boolean>(
            (resolve) =>
              (finish = () => {
                pending = 0;
                resolve(true);
              }),
          ),
      ),
    };
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
    installQuitGuard(app as never, submits);
    const first = navigationEvent();
    app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(app.quit).toHaveBeenCalledTimes(1);
    const second = navigationEvent();
    app.emit('before-quit', second);
    expect(second.defaultPrevented).toBe(false);

    const idleApp = Object.assign(new EventEmitter(), { quit: vi.fn() });
    installQuitGuard(idleApp as never, { pending: 0, idle: vi.fn() });
    const event = navigationEvent();
    idleApp.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('keeps the window open until the submit finishes, so the renderer records the result', async () => {
    let pending = 2;
    const submits = {
      get pending() {
        return pending;
      },
      idle: vi.fn(async () => {
        pending = 0;
        return true;
      }),
    };
    const window = Object.assign(new EventEmitter(), { close: vi.fn() });
    guardWindowClose(window as never, submits);
    const event = navigationEvent();
    window.emit('close', event);
    expect(event.defaultPrevented).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(window.close).toHaveBeenCalledTimes(1);
  });
});
