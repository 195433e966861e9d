/**
 * `session`, `Session`, its `protocol` and `webRequest`, `net.fetch` and `ses.fetch`, as
 * electron.d.ts documents them. The parts that bite:
 * - `session.defaultSession` exists only once the app is ready (L13306-L13309); so do partitions;
 * - each session has its own `protocol` (L14484-L14487): a window in a partition loads a custom
 *   scheme only through that session's handler, not the `protocol` module's (the default session's);
 * - `ses.fetch` and `net.fetch` run the session's `webRequest` handlers (L14030-L14039, L10959-L10963),
 *   and `net.fetch` uses the default session (L10949-L10950): a hardened default session cancels it.
 */
import type { Lifecycle } from './lifecycle';
import { ElectronUsageError, NotInDoubleError } from './events';
import { matchesFilter } from './url-pattern';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type Filter = { urls: string[]; excludeUrls?: string[]; types?: string[] };
export interface BeforeRequestDetails {
  id: number;
  url: string;
  method: string;
  resourceType: string;
  webContentsId?: number;
  webContents?: unknown;
  frame?: unknown;
  timestamp: number;
  referrer: string;
  uploadData?: unknown[];
}
type BeforeRequestListener = (
  details: BeforeRequestDetails,
  callback: (response: { cancel?: boolean; redirectURL?: string }) => void,
) => void;

export class ProtocolDouble {
  private readonly handlers = new Map<string, ProtocolHandler>();

  constructor(private readonly lifecycle: Lifecycle) {}

  /** L12284-L12299. The protocol module's methods work only after `ready` (docs/api/protocol: "All methods unless specified can only be used after the ready event"). */
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!this.lifecycle.ready) throw new ElectronUsageError('protocol.handle() can only be used after the app is ready.');
    // A second handler for the same scheme is refused rather than silently replacing the first.
    if (this.handlers.has(scheme)) throw new ElectronUsageError(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  /** L12496. */
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  /** L12345-L12348. */
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  handlerFor(scheme: string): ProtocolHandler | undefined {
    return this.handlers.get(scheme);
  }
}

export class WebRequestDouble {
  private beforeRequest?: { filter?: Filter; listener: BeforeRequestListener };
  private nextId = 1;

  /**
   * L20607-L20628: `listener(details, callback)` before a request; `callback({cancel})` cancels it.
   * One listener per event: a later call replaces the earlier one, `null` removes it (docs/api/web-request).
   */
  onBeforeRequest(filterOrListener: Filter | BeforeRequestListener | null, maybeListener?: BeforeRequestListener | null): void {
    const listener = typeof filterOrListener === 'function' || filterOrListener === null ? filterOrListener : (maybeListener ?? null);
    const filter = typeof filterOrListener === 'object' && filterOrListener !== null ? filterOrListener : undefined;
    this.beforeRequest = listener ? { filter, listener } : undefined;
  }

  /** The verdict of the listener for one request (no listener, or a filter that does not match: go on). */
  async verdict(
    details: Omit<BeforeRequestDetails, 'id' | 'timestamp' | 'referrer'> & { referrer?: string },
  ): Promise<{ cancel?: boolean; redirectURL?: string }> {
    const registered = this.beforeRequest;
    if (!registered || !matchesFilter(registered.filter, details.url)) return {};
    if (registered.filter?.types && !registered.filter.types.includes(details.resourceType)) return {};
    return new Promise((resolve) =>
      registered.listener({ referrer: '', ...details, id: this.nextId++, timestamp: Date.now() }, (response) => resolve(response ?? {})),
    );
  }
}

type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean;

export class SessionDouble {
  readonly protocol: ProtocolDouble;
  readonly webRequest = new WebRequestDouble();
  permissionRequestHandler?: PermissionRequestHandler | null;
  permissionCheckHandler?: PermissionCheckHandler | null;
  devicePermissionHandler?: ((details: unknown) => boolean) | null;
  /** What went through `fetch`, for tests: URL and how it ended. */
  readonly fetched: Array<{ url: string; outcome: 'cancelled' | 'protocol' | 'network' | 'failed' }> = [];
  /** Requests of `fetch` still waiting for their response (method and URL), for tests. */
  readonly inFlight = new Set<string>();

  constructor(
    readonly partition: string,
    lifecycle: Lifecycle,
  ) {
    this.protocol = new ProtocolDouble(lifecycle);
  }

  /** L14364. */
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  /** L14347. */
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  /** L14309. */
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }

  /** For tests: what the session answers when a page asks for `permission` (no handler: Electron grants, docs/api/session). */
  async requestPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return true;
    return new Promise((resolve) => handler(null, permission, resolve, {}));
  }

  /**
   * L14030-L14039: like the renderer's `fetch`, through this session. Custom protocols go to this
   * session's handlers (unless `bypassCustomProtocolHandlers`); webRequest handlers run first, also
   * when bypassing. http(s) then goes out through Node's fetch (standing in for Chromium's stack).
   */
  async fetch(input: string | Request, init: RequestInit & { bypassCustomProtocolHandlers?: boolean } = {}): Promise<Response> {
    const url = typeof input === 'string' ? input : input.url;
    const method = (init.method ?? (typeof input === 'string' ? 'GET' : input.method)).toUpperCase();
    const verdict = await this.webRequest.verdict({ url, method, resourceType: 'other' });
    if (verdict.cancel) {
      this.fetched.push({ url, outcome: 'cancelled' });
      // What Chromium reports for a request a webRequest handler cancelled.
      throw new Error('net::ERR_BLOCKED_BY_CLIENT');
    }
    if (verdict.redirectURL) throw new NotInDoubleError('webRequest redirectURL for fetch');
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.protocol.handlerFor(scheme);
    if (handler && !init.bypassCustomProtocolHandlers) {
      this.fetched.push({ url, outcome: 'protocol' });
      return handler(new Request(url, init));
    }
    // L10955: no data: or blob:; other unhandled schemes fail like an unknown scheme.
    if (scheme !== 'http' && scheme !== 'https') {
      this.fetched.push({ url, outcome: 'failed' });
      throw new Error('net::ERR_UNKNOWN_URL_SCHEME');
    }
    const { bypassCustomProtocolHandlers: _bypass, ...rest } = init;
    const label = `${method} ${url}`;
    this.inFlight.add(label);
    try {
      const response = await globalThis.fetch(url, rest);
      this.fetched.push({ url, outcome: 'network' });
      return response;
    } catch (error) {
      this.fetched.push({ url, outcome: 'failed' });
      throw error;
    } finally {
      this.inFlight.delete(label);
    }
  }
}

/** The `session` module: `defaultSession` and `fromPartition` (L13280-L13309). */
export class SessionModule {
  private readonly partitions = new Map<string, SessionDouble>();

  constructor(private readonly lifecycle: Lifecycle) {}

  private requireReady(): void {
    // L13306-L13309: "the default session object of the app, available after app.whenReady is called".
    if (!this.lifecycle.ready) throw new ElectronUsageError('Session can only be received when app is ready');
  }

  get defaultSession(): SessionDouble {
    this.requireReady();
    return this.session('');
  }

  /** L13280-L13292: the same `Session` for the same partition; '' is the default session; `persist:` persists. */
  fromPartition(partition: string): SessionDouble {
    this.requireReady();
    return this.session(partition);
  }

  /** All sessions made so far (tests). */
  all(): SessionDouble[] {
    return [...this.partitions.values()];
  }

  private session(partition: string): SessionDouble {
    let found = this.partitions.get(partition);
    if (!found) {
      found = new SessionDouble(partition, this.lifecycle);
      this.partitions.set(partition, found);
    }
    return found;
  }
}

/** `net` (L10936-L10963): `fetch` from the default session, so its webRequest handlers apply. */
export function createNet(sessions: SessionModule) {
  return {
    fetch: (input: string | Request, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }) =>
      sessions.defaultSession.fetch(input, init),
    isOnline: () => true,
  };
}
