/**
 * A fault-injecting proxy in front of a real sandbox, for the fault tests and the soak. Unlike the
 * sandbox's own `--fail-rate`, every fault here is counted and time-stamped, so a test can say how
 * many it survived and check that the client waited as told:
 * - `error5xx`: answer 500/503 without forwarding (nothing was written);
 * - `dropBefore`: cut the connection without forwarding;
 * - `dropAfter`: forward, let the sandbox act, then cut the connection (the answer is lost);
 * - `throttle`: open a throttling window of `retryAfterSeconds`; every call in it gets 429 with a
 *   `Retry-After` that counts down to the window's end (Partner Center's per-partner limit);
 * - `latencyMs`: a random delay before forwarding.
 * Sign-in (`/oauth2/token`), `/v1/profiles/*` and `/sandbox/*` pass untouched unless `faultAll` is set.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultMix {
  error5xx?: number;
  dropBefore?: number;
  dropAfter?: number;
  throttle?: number;
  retryAfterSeconds?: number;
  latencyMs?: [number, number];
  faultAll?: boolean;
  /** Faults at fixed places: the numbers (1-based) of the faultable requests that get this fault. */
  at?: Partial<Record<FaultKind, number[]>>;
}

export type FaultKind = 'error5xx' | 'dropBefore' | 'dropAfter' | 'throttle';

export interface ProxyEvent {
  at: number;
  method: string;
  path: string;
  action: 'forward' | FaultKind | 'throttled' | 'upstream-down';
}

export interface ThrottleWindow {
  start: number;
  end: number;
}

export interface FaultProxy {
  url: string;
  mix: FaultMix;
  events: ProxyEvent[];
  windows: ThrottleWindow[];
  /** Counts of injected faults by kind. */
  counts: Record<FaultKind, number>;
  close(): Promise<void>;
}

/** A small seeded generator (mulberry32), so a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

function faultable(path: string, mix: FaultMix): boolean {
  if (mix.faultAll) return true;
  return path.startsWith('/v1/') && !path.startsWith('/v1/profiles');
}

export async function startFaultProxy(target: () => string, mix: FaultMix = {}, random: () => number = Math.random): Promise<FaultProxy> {
  const events: ProxyEvent[] = [];
  const windows: ThrottleWindow[] = [];
  const counts: Record<FaultKind, number> = { error5xx: 0, dropBefore: 0, dropAfter: 0, throttle: 0 };
  const proxy = { mix } as FaultProxy;
  let faultableCount = 0;

  function openWindow(now: number): ThrottleWindow | undefined {
    const current = windows.at(-1);
    if (current && now < current.end) return current;
    return undefined;
  }

  async function forward(request: IncomingMessage, body: Buffer, response: ServerResponse, dropAfter: boolean): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([key, value]) => typeof value === 'string' && !HOP_HEADERS.has(key)),
    ) as Record<string, string>;
    let upstream: Response;
    let text: Buffer;
    try {
      upstream = await fetch(`${target()}${request.url}`, {
        method: request.method,
        headers,
        body: body.length ? body : undefined,
        redirect: 'manual',
      });
      text = Buffer.from(await upstream.arrayBuffer());
    } catch {
      events.push({ at: Date.now(), method: request.method ?? 'GET', path: request.url ?? '/', action: 'upstream-down' });
      response.socket?.destroy();
      return;
    }
    if (dropAfter) {
      response.socket?.destroy();
      return;
    }
    const out: Record<string, string> = {};
    upstream.headers.forEach((value, key) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding', 'keep-alive'].includes(key)) out[key] = value;
    });
    response.writeHead(upstream.status, out);
    response.end(text);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const now = Date.now();
        const method = request.method ?? 'GET';
        const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
        const body = Buffer.concat(chunks);
        const m = proxy.mix;
        if (!faultable(path, m)) {
          events.push({ at: now, method, path, action: 'forward' });
          return forward(request, body, response, false);
        }
        let window = openWindow(now);
        let action: ProxyEvent['action'] = 'forward';
        faultableCount += 1;
        const fixed = (Object.keys(m.at ?? {}) as FaultKind[]).find((kind) => m.at?.[kind]?.includes(faultableCount));
        if (window) action = 'throttled';
        else if (fixed) action = fixed;
        else {
          const roll = random();
          let edge = 0;
          for (const kind of ['throttle', 'error5xx', 'dropBefore', 'dropAfter'] as const) {
            edge += m[kind] ?? 0;
            if (roll < edge) {
              action = kind;
              break;
            }
          }
        }
        events.push({ at: now, method, path, action });
        if (action === 'throttle') {
          counts.throttle += 1;
          window = { start: now, end: now + (m.retryAfterSeconds ?? 1) * 1000 };
          windows.push(window);
        }
        if (window && (action === 'throttle' || action === 'throttled')) {
          const seconds = Math.max(1, Math.ceil((window.end - now) / 1000));
          const text = JSON.stringify({ statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` });
          response.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(seconds) });
          response.end(text);
          return;
        }
        if (action === 'error5xx') {
          counts.error5xx += 1;
          const status = random() < 0.5 ? 500 : 503;
          response.writeHead(status, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ code: status, description: 'A fault injected by the test proxy.', isRetryable: true }));
          return;
        }
        if (action === 'dropBefore') {
          counts.dropBefore += 1;
          response.socket?.destroy();
          return;
        }
        const [low, high] = m.latencyMs ?? [0, 0];
        if (high > 0) await new Promise((resolve) => setTimeout(resolve, low + random() * (high - low)));
        if (action === 'dropAfter') counts.dropAfter += 1;
        await forward(request, body, response, action === 'dropAfter');
      })().catch(() => response.socket?.destroy());
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.events = events;
  proxy.windows = windows;
  proxy.counts = counts;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}
