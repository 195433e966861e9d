/**
 * Opening the browser. Browser mode opens it on a redirect file (Jupyter's `jpserver-<pid>-open.html`):
 * a page only the user can read, in the data folder, that forwards to the link with the launch token.
 * The token is then never on a command line (which other users can read in the process list); the
 * printed link stays for whoever opens it by hand. Microsoft sign-in (no secret in its URL) opens its
 * https page directly.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

function launch(target: string): Promise<void> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [target]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', target]]
        : ['xdg-open', [target]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** Opens an http(s) URL (Microsoft sign-in): never one that carries a secret of ours. */
export function openInBrowser(url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return Promise.reject(new Error('Only http(s) links are opened.'));
  return launch(parsed.toString());
}

/** Opens the redirect file: the command line holds its path, not the token. */
export function openRedirectFile(file: string): Promise<void> {
  return launch(pathToFileURL(file).toString());
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function redirectPage(url: string): string {
  const safe = escapeHtml(url);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${safe}"><meta name="referrer" content="no-referrer"><title>Opening MCA Desk</title></head>
<body><p>Opening MCA Desk… If nothing happens, <a href="${safe}">open MCA Desk</a>.</p></body>
</html>
`;
}

/**
 * Writes `mca-desk-<port>-open.html` (0600) in the data folder, or in a private (0700) temporary
 * folder when nothing is kept on disk. Answers the file and how to remove it.
 */
export async function writeRedirectFile(
  dataDir: string | undefined,
  port: number,
  url: string,
): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'mca-desk-')));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `mca-desk-${port}-open.html`);
  const temporary = join(dir, `.${randomUUID()}.tmp`);
  await writeFile(temporary, redirectPage(url), { mode: 0o600 });
  await rename(temporary, file);
  return {
    file,
    remove: async () => {
      await rm(file, { force: true });
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
