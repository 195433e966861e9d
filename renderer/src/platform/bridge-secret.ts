/**
 * Browser mode's per-launch page secret: the bridge hands it over once, in the fragment of the URL
 * the token link redirects to (`#mca-desk-bridge=…`, never sent to any server). It is read before the
 * router looks at the fragment, removed from the address bar and history entry at once, and kept in
 * this module's memory only: no storage, so a reload needs the launch link again. Every bridge call
 * sends it as `X-MCA-Desk-Token`.
 */
const FRAGMENT = '#mca-desk-bridge=';
export const BRIDGE_TOKEN_HEADER = 'X-MCA-Desk-Token';

let secret: string | undefined;

/** Takes the secret out of the address, if the page was just opened through the launch link. */
export function captureBridgeSecret(
  location: Pick<Location, 'hash' | 'pathname' | 'search'> = window.location,
  history: Pick<History, 'replaceState' | 'state'> = window.history,
): void {
  if (!location.hash.startsWith(FRAGMENT)) return;
  const value = location.hash.slice(FRAGMENT.length);
  if (/^[A-Za-z0-9_-]{20,}$/.test(value)) secret = value;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

export function bridgeSecret(): string | undefined {
  return secret;
}
