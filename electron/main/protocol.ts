/**
 * The renderer is served from `app://mca-desk/…` (a privileged standard, secure scheme: a real
 * origin for IndexedDB, no `file://` powers), GET only, from the built renderer folder and nothing
 * outside it, with the strict Content-Security-Policy as a header.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, resolveStaticFile } from '../host/static-files';
import { APP_HOST, APP_SCHEME } from './constants';

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The handler, separate from Electron so it is tested in Node with plain `Request`s. */
export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405, headers: SECURITY_HEADERS });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400, headers: SECURITY_HEADERS });
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST)
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    const found = await resolveStaticFile(rendererRoot, url.pathname);
    if (found.kind !== 'file') {
      const status = found.kind === 'bad-request' ? 400 : found.kind === 'not-built' ? 503 : 404;
      return new Response(found.kind === 'not-built' ? 'The renderer is not built.' : 'Not found', { status, headers: SECURITY_HEADERS });
    }
    const body = await readFile(found.path);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': found.contentType, 'Cache-Control': 'no-cache' },
    });
  };
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}
