// @vitest-environment node
/**
 * Browser mode as a whole: `startWebApp` with the embedded sandbox in a persistent data folder
 * (a restart keeps the session, encrypted), and the CLI as users start it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWebApp, type WebApp } from '../../../../electron/web/index';
import { SEEDED_PASSWORD } from '../../../../sandbox/index';

const root = resolve(__dirname, '../../../..');

async function call(app: WebApp, cookie: string, channel: string, body: unknown = {}) {
  const response = await fetch(`${app.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Origin: app.origin, 'Content-Type': 'application/json', Cookie: cookie, 'X-MCA-Desk-Token': app.apiSecret },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string } } };
}

async function cookieFor(app: WebApp): Promise<string> {
  const response = await fetch(app.url, { redirect: 'manual' });
  expect(response.status).toBe(303);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('startWebApp with a persistent data folder', () => {
  let dataDir: string;
  let staticDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mca-web-data-'));
    staticDir = await mkdtemp(join(tmpdir(), 'mca-web-static-'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>MCA Desk</title>');
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(staticDir, { recursive: true, force: true });
  });

  it('starts the embedded sandbox in the data folder, keeps the session across a restart, and keeps the token encrypted', async () => {
    const first = await startWebApp({ dataDir, staticDir, port: 0 });
    let token: string | undefined;
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
      expect(first.sandbox?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const cookie = await cookieFor(first);
      const session = await call(first, cookie, 'signIn', {
        method: 'password',
        userName: 'admin@contoso.example',
        password: SEEDED_PASSWORD,
      });
      expect(session).toMatchObject({ status: 200, body: { ok: true, data: { signedIn: true } } });
      const info = await call(first, cookie, 'getAppInfo');
      expect(info.body.data).toMatchObject({
        transport: 'browser',
        backend: { kind: 'sandbox' },
        secretStorage: { backend: 'aes-256-gcm-keyfile', secure: false, kind: 'key-file', consent: 'not-needed' },
      });
      // Reported as what it is: a key file beside the data, not protected by the operating system.
      expect((info.body.data as { secretStorage: { warning: string } }).secretStorage.warning).toContain(join(dataDir, 'secret.key'));
      // Page-side channels are not the host's in browser mode.
      expect((await call(first, cookie, 'writeClipboard', { text: 'x' })).body).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
      token = await fetch(`${first.sandbox!.url}/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', username: 'admin@contoso.example', password: SEEDED_PASSWORD }).toString(),
      }).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
    } finally {
      await first.stop();
    }
    const second = await startWebApp({ dataDir, staticDir, port: 0 });
    try {
      expect(second.token).not.toBe(first.token);
      // The same sandbox URL again (the port is remembered): the stored sign-in is bound to that URL.
      expect(second.sandbox?.url).toBe(first.sandbox?.url);
      const cookie = await cookieFor(second);
      expect((await call(second, cookie, 'getSession')).body).toMatchObject({
        ok: true,
        data: { signedIn: true, user: { userName: 'admin@contoso.example' } },
      });
      expect((await call(second, cookie, 'getAgreementMetadata')).body).toMatchObject({ ok: true });
      // The old launch's cookie is worthless now.
      expect(
        await fetch(`${second.origin}/api/getSession`, {
          method: 'POST',
          headers: { Origin: second.origin, 'Content-Type': 'application/json', Cookie: `${second.cookieName}=${first.token}` },
          body: '{}',
        }).then((r) => r.status),
      ).toBe(401);
    } finally {
      await second.stop();
    }
    const files = (await readdir(dataDir)).filter((name) => !name.startsWith('sandbox'));
    // agents.json: who signed in here (object id, sign-in name, display name), for names in the history; never a token.
    expect(files.sort()).toEqual(['agents.json', 'secret.key', 'secrets.json']);
    const agents = await readFile(join(dataDir, 'agents.json'), 'utf8');
    expect(agents).toContain('admin@contoso.example');
    expect(agents).not.toContain('eyJ');
    expect(agents).not.toMatch(/password|secret|token/i);
    const secrets = await readFile(join(dataDir, 'secrets.json'), 'utf8');
    expect(secrets).not.toContain('admin@contoso.example');
    expect(secrets).not.toContain('eyJ');
    expect(token).toBeTruthy();
  }, 120_000);
});

describe('the CLI (npm run start:web)', () => {
  function runCli(args: string[]): { child: ReturnType<typeof spawn>; output: () => string; exited: Promise<number | null> } {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/web/cli.ts'), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const exited = new Promise<number | null>((resolvePromise) => child.on('exit', (code) => resolvePromise(code)));
    return { child, output: () => text, exited };
  }

  it('prints the link, serves it, and stops cleanly on SIGTERM', async () => {
    const cli = runCli(['--no-open', '--memory', '--port', '0']);
    try {
      let match: RegExpMatchArray | null = null;
      for (let waited = 0; waited < 60_000 && !match; waited += 200) {
        match = cli.output().match(/MCA Desk is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))\n/);
        if (!match) await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
      }
      expect(match, cli.output()).not.toBeNull();
      const response = await fetch(match![1]!, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('set-cookie')).toContain('HttpOnly');
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
  }, 90_000);

  it('refuses unknown flags and values with a usage line', async () => {
    for (const args of [['--backend', 'nope'], ['--port', '-1'], ['--bogus']]) {
      const cli = runCli(args);
      expect(await cli.exited, args.join(' ')).toBe(2);
      expect(cli.output()).toContain('Usage: npm run start:web');
    }
  }, 60_000);
});
