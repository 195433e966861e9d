/**
 * A BrowserWindow's page in real Chromium (Playwright): every request of the page goes through the
 * window's session as in Electron (its protocol handlers for custom schemes, its webRequest handlers
 * for http/https/file), navigations ask `will-navigate`/`will-frame-navigate`, new windows ask the
 * window-open handler, and the built preload runs in an isolated world (page/preload-world.js) whose
 * `ipcRenderer.invoke` reaches `ipcMain` through a CDP binding that only that world has. The sender
 * frame of every call is read from Chromium's frame tree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page, Request as PlaywrightRequest, Route } from '@playwright/test';
import { preventable } from './events';
import type { IpcMainDouble } from './ipc-main';
import type { SessionDouble } from './session';
import type { SchemePrivileges } from './protocol-module';
import { frameFromTree, type FrameNode, type WebFrameMainDouble } from './web-frame';
import { toElectronUrl, toPageUrl } from './url-map';

const PRELOAD_WORLD = 'electron-preload';
const BINDING = '__electronDoubleIpc';
const SETTLE = '__electronDoubleSettle';
const EVENTS = {
  expose: 'electron-double:expose',
  mainReady: 'electron-double:main-ready',
  call: 'electron-double:call',
  result: 'electron-double:result',
};
const PAGE_DIR = join(__dirname, '..', 'page');

/** What the driver needs from its web contents (browser-window.ts). */
export interface DrivenContents {
  readonly id: number;
  readonly session: SessionDouble;
  readonly preloadPath?: string;
  readonly sandboxed: boolean;
  readonly contextIsolation: boolean;
  windowOpenHandler?: (details: {
    url: string;
    frameName: string;
    features: string;
    disposition: string;
    referrer: { url: string; policy: string };
    postBody?: unknown;
  }) => { action: 'allow' | 'deny' };
  emit(event: string, ...args: unknown[]): boolean;
  readonly preloadErrors: Array<{ message: string; stack: string }>;
  readonly blockedRequests: string[];
}

export interface DriverEnv {
  browser: Browser;
  ipcMain: IpcMainDouble;
  privileged: ReadonlyMap<string, SchemePrivileges>;
  platform: string;
  contexts: Map<SessionDouble, Promise<BrowserContext>>;
  drivers: Map<Page, PageDriver>;
  /** Windows whose page is being created (their page is not a popup). */
  creating: number;
  /** First navigation URLs of popups that have not been paired with their page yet. */
  popupUrls: string[];
}

const RESOURCE_TYPES: Record<string, string> = {
  stylesheet: 'stylesheet',
  script: 'script',
  image: 'image',
  font: 'font',
  media: 'media',
  xhr: 'xhr',
  fetch: 'xhr',
  websocket: 'webSocket',
  ping: 'ping',
  cspreport: 'cspReport',
};

function standardSchemes(privileged: ReadonlyMap<string, SchemePrivileges>): Set<string> {
  return new Set([...privileged].filter(([, privileges]) => privileges.standard).map(([scheme]) => scheme));
}

async function contextFor(env: DriverEnv, session: SessionDouble): Promise<BrowserContext> {
  let context = env.contexts.get(session);
  if (!context) {
    context = env.browser.newContext().then(async (created) => {
      await created.route('**/*', (route, request) => routeRequest(env, route, request));
      watchForPopups(env, created);
      return created;
    });
    env.contexts.set(session, context);
  }
  return context;
}

function driverOfRequest(env: DriverEnv, request: PlaywrightRequest): PageDriver | undefined {
  try {
    return env.drivers.get(request.frame().page());
  } catch {
    return undefined; // a service worker's request: there are none in a hardened window
  }
}

/** Every request of a page in a session's context. */
async function routeRequest(env: DriverEnv, route: Route, request: PlaywrightRequest): Promise<void> {
  const driver = driverOfRequest(env, request);
  if (!driver) {
    // A page no window owns: a popup. Its first request (made before Playwright knows its frame) carries
    // the URL the window-open handler is asked about; the popup itself is paired with it when it appears.
    let popup: Page | undefined;
    try {
      popup = request.frame().page();
    } catch {
      popup = undefined;
    }
    await route.abort('blockedbyclient');
    if (popup) await decidePopup(env, popup, request.url());
    else if (request.isNavigationRequest()) env.popupUrls.push(request.url());
    return;
  }
  try {
    await driver.serve(route, request);
  } catch (error) {
    driver.contents.blockedRequests.push(`${request.url()} (double error: ${error instanceof Error ? error.message : String(error)})`);
    await route.abort('failed').catch(() => undefined);
  }
}

const decided = new WeakSet<Page>();

/**
 * electron.d.ts L19586-L19599: `window.open`, `target=_blank` and the like call the window-open
 * handler before any window exists. Chromium creates the popup first; the double asks the handler
 * with the popup's first URL (it loads nothing: its requests are refused) and closes it at once.
 * `allow` is not implemented (the app never allows). A popup without any request is asked about
 * as `about:blank` when it appears.
 */
async function decidePopup(env: DriverEnv, popup: Page, url: string): Promise<void> {
  if (env.drivers.has(popup) || decided.has(popup)) return;
  const realOpener = await popup.opener().catch(() => null);
  if (!realOpener && env.creating > 0 && url === 'about:blank') return; // a window's own page, being created
  decided.add(popup);
  const opener = realOpener ?? [...env.drivers.keys()].find((page) => page.context() === popup.context());
  const driver = opener ? env.drivers.get(opener) : undefined;
  if (!driver) return void popup.close().catch(() => undefined);
  const electronUrl = toElectronUrl(url);
  const decision = driver.contents.windowOpenHandler?.({
    url: electronUrl,
    frameName: '',
    features: '',
    disposition: 'foreground-tab',
    referrer: { url: '', policy: 'strict-origin-when-cross-origin' },
  }) ?? { action: 'allow' };
  driver.windowOpens.push({ url: electronUrl, action: decision.action });
  await popup.close().catch(() => undefined);
  if (decision.action !== 'deny')
    driver.contents.blockedRequests.push(`${electronUrl} (window-open allowed: the double does not create child windows)`);
}

function watchForPopups(env: DriverEnv, context: BrowserContext): void {
  context.on('page', (page) => {
    if (env.drivers.has(page) || env.creating > 0) return;
    // Pair the popup with its first navigation's URL; one that makes none (about:blank) is decided after a while.
    const started = Date.now();
    const poll = () => {
      if (decided.has(page) || env.drivers.has(page)) return;
      const url = env.popupUrls.shift();
      if (url) return void decidePopup(env, page, url);
      if (Date.now() - started > 1000) return void decidePopup(env, page, 'about:blank');
      setTimeout(poll, 20);
    };
    poll();
  });
}

export class PageDriver {
  readonly windowOpens: Array<{ url: string; action: string }> = [];
  private readonly worldContexts = new Map<number, string>();
  private readonly routingIds = new Map<string, number>();
  private expectedLoad?: string;

  private constructor(
    private readonly env: DriverEnv,
    readonly contents: DrivenContents,
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async open(env: DriverEnv, contents: DrivenContents): Promise<PageDriver> {
    const context = await contextFor(env, contents.session);
    env.creating += 1;
    let page: Page;
    try {
      page = await context.newPage();
    } finally {
      env.creating -= 1;
    }
    const cdp = await context.newCDPSession(page);
    const driver = new PageDriver(env, contents, page, cdp);
    env.drivers.set(page, driver);
    await driver.attach();
    return driver;
  }

  private async attach(): Promise<void> {
    this.cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const frameId = (context.auxData as { frameId?: string } | undefined)?.frameId;
      if (context.name === PRELOAD_WORLD && frameId) this.worldContexts.set(context.id, frameId);
    });
    // An exception in the preload's world outside the preload itself (the double's own code) is a double defect: keep it visible.
    this.cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
      if (exceptionDetails.executionContextId !== undefined && this.worldContexts.has(exceptionDetails.executionContextId))
        this.contents.preloadErrors.push({ message: exceptionDetails.exception?.description ?? exceptionDetails.text, stack: '' });
    });
    this.cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.worldContexts.delete(executionContextId));
    this.cdp.on('Runtime.executionContextsCleared', () => this.worldContexts.clear());
    this.cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name === BINDING) void this.onBinding(event.payload, event.executionContextId);
    });
    await this.cdp.send('Runtime.enable');
    await this.cdp.send('Page.enable');
    await this.cdp.send('Runtime.addBinding', { name: BINDING, executionContextName: PRELOAD_WORLD });
    if (this.contents.preloadPath) {
      const config = {
        binding: BINDING,
        settle: SETTLE,
        events: EVENTS,
        sandboxed: this.contents.sandboxed,
        contextIsolation: this.contents.contextIsolation,
        platform: this.env.platform,
      };
      const preload = readFileSync(this.contents.preloadPath, 'utf8');
      const world = readFileSync(join(PAGE_DIR, 'preload-world.js'), 'utf8')
        .replace('__CONFIG__', JSON.stringify(config))
        .replace('__PRELOAD_SOURCE__;', () => preload);
      await this.cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: world, worldName: PRELOAD_WORLD });
      await this.page.addInitScript(readFileSync(join(PAGE_DIR, 'main-world.js'), 'utf8').replace('__EVENTS__', JSON.stringify(EVENTS)));
    }
  }

  /** electron.d.ts L19352-L19356: resolves when the page has loaded, rejects when it fails. */
  async load(url: string): Promise<void> {
    this.expectedLoad = url;
    const response = await this.page
      .goto(toPageUrl(url, standardSchemes(this.env.privileged)), { waitUntil: 'load' })
      .catch((error: unknown) => {
        throw new Error(`ERR_FAILED (-2) loading '${url}': ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      });
    if (!response) throw new Error(`ERR_ABORTED (-3) loading '${url}'`);
  }

  async close(): Promise<void> {
    this.env.drivers.delete(this.page);
    await this.page.close().catch(() => undefined);
  }

  /** The frame tree as Electron's WebFrameMain objects. */
  private async frames(): Promise<Map<string, FrameNode>> {
    const nodes = new Map<string, FrameNode>();
    const { frameTree } = (await this.cdp.send('Page.getFrameTree')) as { frameTree: { frame: FrameNode; childFrames?: unknown[] } };
    const walk = (tree: { frame: FrameNode; childFrames?: unknown[] }) => {
      nodes.set(tree.frame.id, tree.frame);
      for (const child of (tree.childFrames ?? []) as Array<{ frame: FrameNode; childFrames?: unknown[] }>) walk(child);
    };
    walk(frameTree);
    return nodes;
  }

  /** Chromium's id of the page's top frame. */
  async mainFrameId(): Promise<string> {
    const nodes = await this.frames();
    return [...nodes.values()].find((node) => !node.parentId)!.id;
  }

  async webFrame(frameId: string): Promise<WebFrameMainDouble | null> {
    return frameFromTree(await this.frames(), frameId, this.routingIds);
  }

  /** The frame Chromium knows by this name (an iframe's `name`), for tests that call from a subframe. */
  async webFrameNamed(name: string): Promise<WebFrameMainDouble | null> {
    const nodes = await this.frames();
    const node = [...nodes.values()].find((candidate) => candidate.name === name);
    return node ? frameFromTree(nodes, node.id, this.routingIds) : null;
  }

  /** One `ipcRenderer.invoke` as it reaches `ipcMain` (IpcMainInvokeEvent, electron.d.ts L9536-L9562). */
  async invokeFrom(frame: WebFrameMainDouble | null, channel: string, args: unknown[]) {
    const event = {
      type: 'frame',
      sender: this.contents,
      senderFrame: frame,
      frameId: frame?.routingId ?? -1,
      processId: frame?.processId ?? -1,
      preventDefault() {},
      defaultPrevented: false,
    };
    return this.env.ipcMain.invoke(channel, event, args);
  }

  private async onBinding(payload: string, executionContextId: number): Promise<void> {
    const message = JSON.parse(payload) as {
      kind: string;
      id?: number;
      channel?: string;
      args?: unknown[];
      message?: string;
      stack?: string;
    };
    if (message.kind === 'preload-error') {
      const error = { message: message.message ?? '', stack: message.stack ?? '' };
      this.contents.preloadErrors.push(error);
      this.contents.emit(
        'preload-error',
        preventable(),
        this.contents.preloadPath,
        Object.assign(new Error(error.message), { stack: error.stack }),
      );
      return;
    }
    if (message.kind !== 'invoke') return;
    const frameId = this.worldContexts.get(executionContextId);
    // A page that went away while its invoke was in flight has no frame tree to read: Electron then
    // hands the handler `senderFrame: null` ("May be null if accessed after the frame has either
    // navigated or been destroyed", node_modules/electron/electron.d.ts:9524-9529), and so does the double.
    const frame = frameId ? await this.webFrame(frameId).catch(() => null) : null;
    const outcome = await this.invokeFrom(frame, String(message.channel), message.args ?? []);
    const args = outcome.ok
      ? [{ value: message.id }, { value: true }, outcome.value === undefined ? {} : { value: outcome.value }]
      : [{ value: message.id }, { value: false }, {}, { value: outcome.message }];
    await this.cdp
      .send('Runtime.callFunctionOn', {
        executionContextId,
        functionDeclaration: `function (...args) { return globalThis[${JSON.stringify(SETTLE)}](...args); }`,
        arguments: args,
      })
      .catch(() => undefined); // the page went away meanwhile
  }

  /** Navigations the page starts (not loadURL's own) ask the main process first (L18600-L18638). */
  private mayNavigate(request: PlaywrightRequest, electronUrl: string): boolean {
    const isMainFrame = request.frame() === this.page.mainFrame();
    if (isMainFrame && this.expectedLoad === electronUrl) {
      this.expectedLoad = undefined;
      return true;
    }
    const details = preventable({ url: electronUrl, isSameDocument: false, isMainFrame, frame: null, initiator: null });
    this.contents.emit('will-frame-navigate', details);
    if (!isMainFrame) return !details.defaultPrevented;
    const main = preventable({ url: electronUrl, isSameDocument: false, isMainFrame: true, frame: null, initiator: null });
    this.contents.emit('will-navigate', main, electronUrl);
    return !details.defaultPrevented && !main.defaultPrevented;
  }

  async serve(route: Route, request: PlaywrightRequest): Promise<void> {
    const electronUrl = toElectronUrl(request.url());
    if (request.isNavigationRequest() && !this.mayNavigate(request, electronUrl)) {
      this.contents.blockedRequests.push(`${electronUrl} (navigation refused)`);
      await route.abort('aborted');
      return;
    }
    const scheme = new URL(electronUrl).protocol.slice(0, -1);
    const session = this.contents.session;
    const handler = session.protocol.handlerFor(scheme);
    if (handler) {
      const privileges = this.env.privileged.get(scheme);
      // L12404-L12430: a scheme not registered as standard has no origin for IndexedDB and cannot resolve relative URLs.
      if (!privileges?.standard) {
        this.contents.blockedRequests.push(`${electronUrl} (scheme not registered as a privileged standard scheme)`);
        await route.abort('failed');
        return;
      }
      const response = await handler(
        new Request(electronUrl, {
          method: request.method(),
          headers: request.headers(),
          ...(request.postDataBuffer() ? { body: request.postDataBuffer()! } : {}),
        }),
      );
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => (headers[key] = value));
      await route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
      return;
    }
    if (['http', 'https', 'ws', 'wss', 'file'].includes(scheme)) {
      const isMainFrame = request.frame() === this.page.mainFrame();
      const resourceType = request.isNavigationRequest()
        ? isMainFrame
          ? 'mainFrame'
          : 'subFrame'
        : (RESOURCE_TYPES[request.resourceType()] ?? 'other');
      const verdict = await session.webRequest.verdict({
        url: electronUrl,
        method: request.method(),
        resourceType,
        webContentsId: this.contents.id,
        webContents: this.contents,
      });
      if (verdict.cancel) {
        this.contents.blockedRequests.push(electronUrl);
        await route.abort('blockedbyclient');
        return;
      }
      await route.continue();
      return;
    }
    // No handler for this scheme in this session (e.g. one registered on another session): Chromium fails the load.
    this.contents.blockedRequests.push(`${electronUrl} (no handler for ${scheme}: in this session)`);
    await route.abort('failed');
  }
}
