/**
 * `BrowserWindow` and its `webContents` (electron.d.ts L4653-L6343, L17701-L19599). With a Playwright
 * browser the page is real Chromium (page-driver.ts); without one (unit tests) the window fetches its
 * document through the session's protocol handler and runs no script.
 */
import { EventEmitter } from 'node:events';
import type { AppDouble } from './app';
import { ElectronUsageError, NotInDoubleError, preventable } from './events';
import type { Lifecycle } from './lifecycle';
import { PageDriver, type DriverEnv } from './page-driver';
import type { SessionDouble, SessionModule } from './session';

export interface WindowEnv {
  lifecycle: Lifecycle;
  app: AppDouble;
  sessions: SessionModule;
  /** Real Chromium, when the test has one. */
  driver?: DriverEnv;
  /** The open windows (BrowserWindow.getAllWindows). */
  windows: Set<BrowserWindowDouble>;
}

interface WebPreferences {
  preload?: string;
  partition?: string;
  sandbox?: boolean;
  contextIsolation?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webviewTag?: boolean;
  [key: string]: unknown;
}

let nextContentsId = 1;

export class WebContentsDouble extends EventEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler?: PageDriver['contents']['windowOpenHandler'];
  readonly preloadErrors: Array<{ message: string; stack: string }> = [];
  /** Requests of the page that were cancelled, refused or failed, with why. */
  readonly blockedRequests: string[] = [];
  driver?: PageDriver;
  /** Without Chromium: the last document loaded, as the session's handler answered it. */
  lastDocument?: { url: string; status: number; headers: Record<string, string>; body: string };
  private attached?: Promise<PageDriver | undefined>;
  private url = '';
  private destroyed = false;

  constructor(
    readonly session: SessionDouble,
    readonly preloadPath: string | undefined,
    readonly sandboxed: boolean,
    readonly contextIsolation: boolean,
    private readonly env: WindowEnv,
  ) {
    super();
  }

  attach(): Promise<PageDriver | undefined> {
    this.attached ??= this.env.driver
      ? PageDriver.open(this.env.driver, this).then((driver) => (this.driver = driver))
      : Promise.resolve(undefined);
    return this.attached;
  }

  /** L19586-L19599: asked before any new window is created. */
  setWindowOpenHandler(handler: NonNullable<WebContentsDouble['windowOpenHandler']>): void {
    this.windowOpenHandler = handler;
  }

  /**
   * L19345-L19356: resolves once loaded (`did-finish-load`), rejects when the load fails, and "a noop
   * rejection handler is already attached, which avoids unhandled rejection errors".
   */
  loadURL(url: string): Promise<void> {
    const loading = this.load(url);
    loading.catch(() => undefined);
    return loading;
  }

  private async load(url: string): Promise<void> {
    const driver = await this.attach();
    if (driver) await driver.load(url);
    else await this.loadWithoutPage(url);
    this.url = url;
    this.emit('did-finish-load');
  }

  /** Without Chromium: the document as the session serves it (an HTTP error status still "loads", as in Chromium). */
  private async loadWithoutPage(url: string): Promise<void> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.session.protocol.handlerFor(scheme);
    if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    const response = await handler(new Request(url));
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    this.lastDocument = { url, status: response.status, headers, body: await response.text() };
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
    await this.driver?.close();
  }

  send(): never {
    throw new NotInDoubleError('webContents.send (the app never pushes to the renderer)');
  }
}

export class BrowserWindowDouble extends EventEmitter {
  readonly webContents: WebContentsDouble;
  readonly options: Record<string, unknown>;
  private visible = false;
  private destroyed = false;
  private shownOnce = false;

  constructor(
    private readonly env: WindowEnv,
    options: Record<string, unknown> = {},
  ) {
    super();
    // docs/api/browser-window: windows can be created only after the app is ready.
    if (!env.lifecycle.ready) throw new ElectronUsageError('Cannot create BrowserWindow before app is ready');
    this.options = options;
    const preferences = (options.webPreferences ?? {}) as WebPreferences;
    // L20359-L20373 contextIsolation defaults to true; L20523-L20530 sandbox defaults to true; L20469-L20471 nodeIntegration false.
    const contextIsolation = preferences.contextIsolation ?? true;
    const sandboxed = env.app.sandboxEnabled || (preferences.sandbox ?? true);
    if (preferences.nodeIntegration || !contextIsolation || !sandboxed || preferences.nodeIntegrationInSubFrames)
      throw new NotInDoubleError('windows without contextIsolation and the sandbox, or with Node in the page');
    // L20490-L20498: the partition's session, or the default session.
    const session = preferences.partition ? env.sessions.fromPartition(preferences.partition) : env.sessions.defaultSession;
    this.webContents = new WebContentsDouble(session, preferences.preload, sandboxed, contextIsolation, env);
    env.windows.add(this);
    // L1010-L1013: every new web contents is announced, before it loads anything.
    env.app.emit('web-contents-created', preventable(), this.webContents);
    env.app.emit('browser-window-created', preventable(), this);
    this.visible = options.show !== false;
    void this.webContents.attach().catch(() => undefined);
  }

  /** L6339-L6343 (as webContents.loadURL). The first successful load makes the window ready to show (L5158-L5165). */
  loadURL(url: string): Promise<void> {
    const loading = this.webContents.loadURL(url).then(() => {
      if (this.shownOnce) return;
      this.shownOnce = true;
      this.emit('ready-to-show');
    });
    loading.catch(() => undefined);
    return loading;
  }

  show(): void {
    this.visible = true;
    this.emit('show');
  }

  hide(): void {
    this.visible = false;
  }

  isVisible(): boolean {
    return this.visible;
  }

  focus(): void {}

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}

  getTitle(): string {
    return String(this.options.title ?? '');
  }

  /** L5950-L5954 with `close` (L4797-L4812, cancellable) and `closed` (L4817-L4821). */
  close(): void {
    if (this.destroyed) return;
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }

  /** Closes without `close` (as `app.exit` does). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.env.windows.delete(this);
    void this.webContents.destroy();
    this.emit('closed');
    this.env.app.windowClosed();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** The `BrowserWindow` class of one double: `new BrowserWindow(options)` and `getAllWindows()` (L5902-L5906). */
export interface BrowserWindowConstructor {
  new (options?: Record<string, unknown>): BrowserWindowDouble;
  getAllWindows(): BrowserWindowDouble[];
}

export function createBrowserWindowClass(env: WindowEnv): BrowserWindowConstructor {
  return class BrowserWindow extends BrowserWindowDouble {
    constructor(options: Record<string, unknown> = {}) {
      super(env, options);
    }

    static getAllWindows(): BrowserWindowDouble[] {
      return [...env.windows];
    }
  };
}
