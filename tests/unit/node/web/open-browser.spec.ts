// @vitest-environment node
/**
 * Browser mode opens the browser on a 0600 redirect file (Jupyter's jpserver-*-open.html), so the
 * launch token is never on a command line; the file is removed when the app stops.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const spawned = vi.hoisted(() => [] as Array<{ command: string; args: string[] }>);
vi.mock('node:child_process', async () => {
  const { EventEmitter } = await import('node:events');
  return {
    spawn: (command: string, args: string[]) => {
      spawned.push({ command, args });
      const child = Object.assign(new EventEmitter(), { unref: () => undefined });
      setImmediate(() => child.emit('spawn'));
      return child;
    },
  };
});

const { openRedirectFile, redirectPage, writeRedirectFile } = await import('../../../../electron/web/open-browser');
const { startWebApp } = await import('../../../../electron/web/index');

describe('the redirect file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mca-redirect-'));
    spawned.length = 0;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is written for the user only, forwards to the link, and the browser is started with its path, not the token', async () => {
    const url = 'http://127.0.0.1:4321/?token=SECRET-launch-token';
    const redirect = await writeRedirectFile(dir, 4321, url);
    expect(redirect.file).toBe(join(dir, 'mca-desk-4321-open.html'));
    expect((await stat(redirect.file)).mode & 0o777).toBe(0o600);
    const html = await readFile(redirect.file, 'utf8');
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=http://127.0.0.1:4321/?token=SECRET-launch-token">');
    expect(html).toContain('<a href="http://127.0.0.1:4321/?token=SECRET-launch-token">');
    await openRedirectFile(redirect.file);
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.args.join(' ')).not.toContain('SECRET');
    expect(spawned[0]!.args.join(' ')).toContain('mca-desk-4321-open.html');
    await redirect.remove();
    expect(existsSync(redirect.file)).toBe(false);
    expect(existsSync(dir)).toBe(true);
  });

  it('escapes what it puts in the page', () => {
    expect(redirectPage('http://127.0.0.1:1/?a="><script>')).not.toContain('"><script>');
  });

  it('without a data folder it goes into a private temporary folder that is removed with it', async () => {
    const redirect = await writeRedirectFile(undefined, 9, 'http://127.0.0.1:9/?token=x');
    expect((await stat(dirname(redirect.file))).mode & 0o777).toBe(0o700);
    await redirect.remove();
    expect(existsSync(dirname(redirect.file))).toBe(false);
  });

  it('startWebApp writes it only when asked, in the data folder, and stop() removes it', async () => {
    const staticDir = await mkdtemp(join(tmpdir(), 'mca-static-'));
    const app = await startWebApp({
      dataDir: dir,
      staticDir,
      sandboxUrl: 'http://127.0.0.1:9',
      redirectFile: true,
      log: { warn: () => undefined, error: () => undefined },
    });
    try {
      expect(app.redirectFile).toBe(join(dir, `mca-desk-${app.port}-open.html`));
      expect(await readFile(app.redirectFile!, 'utf8')).toContain(app.url);
    } finally {
      await app.stop();
      await rm(staticDir, { recursive: true, force: true });
    }
    expect(existsSync(app.redirectFile!)).toBe(false);
    const quiet = await startWebApp({
      memory: true,
      staticDir: dir,
      sandboxUrl: 'http://127.0.0.1:9',
      log: { warn: () => undefined, error: () => undefined },
    });
    expect(quiet.redirectFile).toBeUndefined();
    await quiet.stop();
  });
});
