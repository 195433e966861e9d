/**
 * Which links may leave the app for the system browser: https anywhere, and plain http only on this
 * machine's loopback, where the sandbox serves its own agreement documents (Partner Center's are
 * https). Credentials in a URL are refused: they would end up in the browser's history.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isOpenableWebLink(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password || !url.hostname) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}
