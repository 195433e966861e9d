/**
 * The two sessions of the desktop app (docs/adr/0001-sessions.md):
 *
 * - the window's own persistent partition (`persist:mca-desk`): hardened, it serves only `app://`
 *   through its own protocol handler and cancels every http/https/ws/file request of the page;
 *   the renderer's IndexedDB (the outbox) lives here, so its name never changes after release;
 * - the backend session (`mca-backend`, in memory): the host's Partner Center, sandbox and MSAL
 *   calls go through its `fetch` (Chromium's network stack: the system proxy, PAC and the OS
 *   certificate store) and no page ever runs in it, so the page's block never applies to them.
 *
 * The default session is hardened like the window's: nothing uses it, and a web contents created
 * without a partition gets nothing from it. `net.fetch` goes through the default session and runs
 * its webRequest handlers (electron.d.ts, `net.fetch`), so the host must never use `net.fetch`.
 */
import type { Session } from 'electron';
import type { FetchLike } from '../host/partner-center/http';
import { denyPermissions, hardenSession } from './security';
import { handleAppProtocol } from './protocol';

/** IndexedDB lives per partition and origin: renaming this loses agents' queued work. */
export const WINDOW_PARTITION = 'persist:mca-desk';
/** No `persist:` prefix: cookies and cache of backend calls stay in memory. */
export const BACKEND_PARTITION = 'mca-backend';

export interface AppSessions {
  window: Session;
  backend: Session;
  /** Every backend call of the host and of MSAL. */
  backendFetch: FetchLike;
}

/** After `app.whenReady()`: sessions exist only then. */
export function openAppSessions(
  session: { defaultSession: Session; fromPartition(partition: string): Session },
  rendererRoot: string,
): AppSessions {
  const window = session.fromPartition(WINDOW_PARTITION);
  const backend = session.fromPartition(BACKEND_PARTITION);
  if (window === backend || backend === session.defaultSession) throw new Error('The backend session must be its own session.');
  hardenSession(window);
  hardenSession(session.defaultSession);
  denyPermissions(backend);
  // The window loads app:// through its own session's protocol (the `protocol` module is the default session's).
  handleAppProtocol(window.protocol, rendererRoot);
  return { window, backend, backendFetch: (input, init) => backend.fetch(input, init) };
}
