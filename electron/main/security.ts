/**
 * Security rules for every web contents, present and future (`web-contents-created`): no navigation
 * away from the app's origin, no new windows (https and mailto links go to the system instead), no
 * <webview>, every permission request and check denied, and no network requests from the renderer
 * at all (everything that leaves the machine goes through the main process).
 */
import type { App, Session, Shell, WebContents } from 'electron';
import { isAppOrigin } from './constants';
import { safeOpenExternal } from './open-external';

export const isAppUrl = isAppOrigin;

export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  const refuseNavigation = (event: { preventDefault(): void; url?: string }, url?: string) => {
    const target = url ?? event.url ?? '';
    if (!isAppUrl(target)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => refuseNavigation(event, url));
  contents.on('will-frame-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', (event, url) => refuseNavigation(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void safeOpenExternal(shell, url);
    return { action: 'deny' };
  });
}

/** Every permission request and check denied (also on the backend session, which hosts no page). */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

/**
 * A session that hosts pages: permissions denied and every http(s)/ws/file request cancelled. Never
 * the session backend calls use: `net.fetch`/`session.fetch` run the session's webRequest handlers too.
 */
export function hardenSession(session: Session): void {
  denyPermissions(session);
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

export function installSecurityPolicy(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
}
