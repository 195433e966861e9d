import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Playwright cannot download its own browser here, so the tests use Debian's chromium
 * (`apt-get install -y chromium`) or the one named by CHROMIUM_PATH.
 */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not installed under this name; try the next
    }
  }
  throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
}

export const chromiumArgs = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
