/**
 * Chromium match patterns for `webRequest` filters (electron.d.ts L20703-L20722, WebRequestFilter:
 * `urls` include, `excludeUrls` exclude, `<all_urls>` matches all): `<scheme>://<host>/<path>`,
 * where `*` as the scheme means http or https, `*` or `*.example.com` as the host, and `*` in the
 * path matches anything.
 */
function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

export function matchesPattern(pattern: string, raw: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp):/.test(raw);
  const parts = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const urlScheme = url.protocol.slice(0, -1);
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : scheme !== urlScheme) return false;
  if (
    host !== '*' &&
    !(host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host)
  )
    return false;
  return globToRegExp(path).test(`${url.pathname}${url.search}`);
}

export function matchesFilter(filter: { urls: string[]; excludeUrls?: string[] } | undefined, url: string): boolean {
  if (!filter) return true;
  if (filter.excludeUrls?.some((pattern) => matchesPattern(pattern, url))) return false;
  return filter.urls.some((pattern) => matchesPattern(pattern, url));
}
