/**
 * Chromium outside Electron cannot load a custom scheme, so the double shows a privileged standard
 * scheme's URL to the page as an https stand-in and answers it from the session's protocol handler:
 * `app://mca-desk/index.html` ⇄ `https://mca-desk.app.electron-double.invalid/index.html`. Everything
 * the main process sees (loadURL, webRequest, senderFrame.url/origin, the handler's Request) is the
 * Electron URL. https keeps it a secure context, as `secure: true` makes the scheme in Electron.
 */
const SUFFIX = '.electron-double.invalid';
const STAND_IN = /^https:\/\/([a-z0-9-]+)\.([a-z][a-z0-9+-]*)\.electron-double\.invalid(?::\d+)?(\/[^]*)?$/i;

export function toPageUrl(electronUrl: string, standardSchemes: ReadonlySet<string>): string {
  const url = new URL(electronUrl);
  const scheme = url.protocol.slice(0, -1);
  if (!standardSchemes.has(scheme)) return electronUrl;
  return `https://${url.host}.${scheme}${SUFFIX}${url.pathname}${url.search}${url.hash}`;
}

export function toElectronUrl(pageUrl: string): string {
  const match = STAND_IN.exec(pageUrl);
  if (!match) return pageUrl;
  const [, host, scheme, rest] = match as unknown as [string, string, string, string | undefined];
  return `${scheme}://${host}${rest ?? '/'}`;
}

/** The origin Electron reports for a frame (WebFrameMain.origin, electron.d.ts L20270-L20278). */
export function toElectronOrigin(pageOrigin: string | undefined): string {
  if (!pageOrigin || pageOrigin === 'null' || pageOrigin === '://') return 'null';
  const match = STAND_IN.exec(pageOrigin.replace(/\/?$/, '/'));
  if (match) return `${match[2]}://${match[1]}`;
  return pageOrigin.replace(/\/$/, '');
}
