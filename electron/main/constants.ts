/** The renderer's fixed origin. IndexedDB is per origin: never change it after v1.0. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mca-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL is on the app's origin. Node's URL parser gives non-special schemes an opaque
 * origin ("null"), so compare scheme and host rather than `URL.origin`.
 */
export function isAppOrigin(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}
