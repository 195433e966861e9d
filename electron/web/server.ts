/**
 * Browser mode's loopback bridge: serves the built renderer and `POST /api/<channel>` on 127.0.0.1.
 *
 * Who may call (Jupyter's model): the launch prints a URL with a random one-time-per-launch token;
 * `GET /?token=…` exchanges it for an HttpOnly, SameSite=Strict cookie and redirects to a clean URL
 * whose fragment (never sent to a server) hands the page a second per-launch secret, which the page
 * keeps in memory only and sends as `X-MCA-Desk-Token` on every API call: cookies do not tell ports
 * apart, so a page on another loopback port, or a replayed cookie alone, gets nothing.
 * Every other request needs that cookie. Against DNS rebinding and cross-site requests, the `Host`
 * must be this server's loopback address and port, and API calls need a same-origin `Origin`
 * (and `Sec-Fetch-Site`, when sent), a JSON content type and a body under the size limit. Anything
 * else is answered 401/403/400/413 with a JSON error, before the host sees it: no effect.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY, resolveStaticFile } from '../host/static-files';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from '../host/dispatch';
import type { IpcError } from '../../shared/ipc/errors';

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The header that carries the page's in-memory secret, and the fragment key that hands it over. */
export const BRIDGE_TOKEN_HEADER = 'X-MCA-Desk-Token';
export const BRIDGE_SECRET_FRAGMENT = 'mca-desk-bridge=';

export { CONTENT_SECURITY_POLICY };

export interface BridgeOptions {
  dispatch: Dispatcher;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The launch token; random when not given. */
  token?: string;
  /** The secret the page sends as `X-MCA-Desk-Token`; random when not given. */
  apiSecret?: string;
  maxBodyBytes?: number;
  log?: { warn(message: string): void };
}

export interface RunningBridge {
  /** `http://127.0.0.1:<port>/?token=<token>`: what the user opens. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** The cookie's name (it carries the port: cookies do not tell ports apart). */
  cookieName: string;
  /** What the page sends as `X-MCA-Desk-Token` (tests call the API with it). */
  apiSecret: string;
  close(): Promise<void>;
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function sendError(response: ServerResponse, status: number, error: IpcError): void {
  sendJson(response, status, { ok: false, error });
}

function sendPage(response: ServerResponse, status: number, title: string, text: string): void {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p></html>`;
  response.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  });
  response.end(html);
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomSecret();
  const session = randomSecret();
  const apiSecret = options.apiSecret ?? randomSecret();
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = 0;
  let cookieName = 'mca_desk';

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const found = await resolveStaticFile(options.staticDir, pathname);
    if (found.kind === 'bad-request') return sendPage(response, 400, 'Bad request', 'The address is not valid.');
    if (found.kind === 'not-found') return sendPage(response, 404, 'Not found', 'There is nothing here.');
    if (found.kind === 'not-built')
      return sendPage(response, 503, 'MCA Desk is not built', 'The renderer has not been built: run <code>npm run build</code>.');
    const body = await readFile(found.path);
    const headers: Record<string, string | number> = {
      ...BASE_HEADERS,
      'Content-Type': found.contentType,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    };
    if (found.contentType.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      headers['Cache-Control'] = 'no-store';
    }
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendError(response, 405, { code: 'bad-request', message: 'Bridge calls are POST requests.' });
      return;
    }
    const origin = request.headers.origin;
    if (!origin || origin !== `http://${request.headers.host}`) {
      sendError(response, 403, { code: 'bad-sender', message: 'The call does not come from the MCA Desk page.' });
      return;
    }
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin') {
      sendError(response, 403, { code: 'bad-sender', message: 'The call does not come from the MCA Desk page.' });
      return;
    }
    if (!sameSecret(parseCookies(request.headers.cookie).get(cookieName), session)) {
      sendError(response, 401, { code: 'bad-sender', message: 'Open MCA Desk with the link it printed when it started.' });
      return;
    }
    const pageSecret = request.headers[BRIDGE_TOKEN_HEADER.toLowerCase()];
    if (!sameSecret(typeof pageSecret === 'string' ? pageSecret : undefined, apiSecret)) {
      sendError(response, 401, {
        code: 'bad-sender',
        message:
          'This page has lost its link to MCA Desk (it was reloaded, or opened without the link). Open MCA Desk again with the link it printed when it started.',
        reason: 'bridge-token',
      });
      return;
    }
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== 'application/json') {
      sendError(response, 400, { code: 'bad-request', message: 'Bridge calls send JSON (Content-Type: application/json).' });
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(request, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        response.setHeader('Connection', 'close');
        sendError(response, 413, { code: 'bad-request', message: `The request is larger than ${limit} bytes.` });
        return;
      }
      throw error;
    }
    let payload: unknown;
    try {
      payload = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      sendError(response, 400, { code: 'bad-request', message: 'The request body is not valid JSON.' });
      return;
    }
    const envelope = await options.dispatch(channel, payload);
    if (!envelope.ok && envelope.error.code === 'unknown-channel') {
      sendJson(response, 404, envelope);
      return;
    }
    if (!envelope.ok && envelope.error.code === 'bad-request') {
      sendJson(response, 400, envelope);
      return;
    }
    sendJson(response, 200, envelope);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a page on attacker.example resolved to 127.0.0.1 still sends its own Host.
    if (!request.headers.host || !allowedHosts().has(request.headers.host.toLowerCase())) {
      sendError(response, 403, { code: 'bad-sender', message: 'Unknown host.' });
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url.pathname.slice('/api/'.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendError(response, 405, { code: 'bad-request', message: 'Only GET and HEAD are served here.' });
      return;
    }
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!sameSecret(given, token)) {
        sendPage(response, 401, 'Wrong link', 'This link is not valid for this run of MCA Desk. Use the link it printed when it started.');
        return;
      }
      url.searchParams.delete('token');
      response.writeHead(303, {
        ...BASE_HEADERS,
        // The fragment stays in the browser: the page reads it once, keeps it in memory and removes it.
        Location: `${url.pathname}${url.search}#${BRIDGE_SECRET_FRAGMENT}${apiSecret}`,
        'Set-Cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      response.end();
      return;
    }
    if (!sameSecret(parseCookies(request.headers.cookie).get(cookieName), session)) {
      sendPage(
        response,
        401,
        'Open MCA Desk from its link',
        'Open MCA Desk with the link it printed when it started (it ends with <code>?token=…</code>).',
      );
      return;
    }
    await serveStatic(request, response, url.pathname);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log?.warn(`Bridge error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendError(response, 500, { code: 'internal', message: 'Something went wrong inside MCA Desk.' });
      else response.destroy();
    });
  });
  server.requestTimeout = 5 * 60_000;
  server.headersTimeout = 30_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  cookieName = `mca_desk_${port}`;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    cookieName,
    apiSecret,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
