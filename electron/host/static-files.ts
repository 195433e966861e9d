/**
 * Resolving a request path to a file of the built renderer, for the `app://` protocol handler and
 * the browser bridge alike: decoded once, normalised, never outside the root; app routes without
 * a file extension load index.html.
 */
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The renderer's policy (the same as its meta tag, plus `frame-ancestors`, which only a header can carry). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

export type StaticLookup =
  { kind: 'file'; path: string; contentType: string } | { kind: 'not-found' } | { kind: 'bad-request' } | { kind: 'not-built' };

export async function resolveStaticFile(root: string, pathname: string): Promise<StaticLookup> {
  const base = resolve(root);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return { kind: 'bad-request' };
  }
  if (relative.includes('\0')) return { kind: 'bad-request' };
  let file = resolve(join(base, normalize(relative)));
  if (file !== base && !file.startsWith(base + sep)) return { kind: 'not-found' };
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) {
    if (extname(relative) !== '') return { kind: 'not-found' };
    file = join(base, 'index.html');
    info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return { kind: 'not-built' };
  }
  return { kind: 'file', path: file, contentType: MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}
