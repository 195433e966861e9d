/**
 * The only way out of the app to other programs: web links (`https:`, or `http:` on loopback for the
 * sandbox's documents; see shared isOpenableWebLink) and `mailto:` drafts, re-serialised from the
 * parsed URL (Element's safeOpenURL), everything else refused and logged.
 */
import type { Shell } from 'electron';
import { isOpenableWebLink } from '../../shared/domain/external-links';

export function externalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (isOpenableWebLink(url.toString())) return url.toString();
  if (url.protocol === 'mailto:') return url.toString();
  return undefined;
}

export async function safeOpenExternal(
  shell: Pick<Shell, 'openExternal'>,
  raw: string,
  log: (message: string) => void = console.warn,
): Promise<boolean> {
  const url = externalUrl(raw);
  if (!url) {
    log(`Blocked opening a link that is neither a web link nor mailto (${raw.slice(0, 40)}…).`);
    return false;
  }
  await shell.openExternal(url);
  return true;
}
