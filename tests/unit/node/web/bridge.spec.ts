// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge, type RunningBridge } from '../../../../electron/web/server';
import { createDispatcher, type ChannelHandlers } from '../../../../electron/host/dispatch';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('the browser-mode bridge', () => {
  let bridge: RunningBridge;
  let staticDir: string;
  let cookie: string;
  const calls: Array<{ channel: string; request: unknown }> = [];

  const handlers = new Proxy({} as ChannelHandlers, {
    get: (_target, channel: string) => async (request: unknown) => {
      calls.push({ channel, request });
      if (channel === 'getSession') return { signedIn: false, backend: 'sandbox' };
      if (channel === 'listConfirmations') return { items: [] };
      throw new Error('not scripted');
    },
  });

  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'mca-static-'));
    await mkdir(join(staticDir, 'assets'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>MCA Desk</title>');
    await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(staticDir, '..', 'mca-outside-secret.txt'), 'outside');
    bridge = await startBridge({ dispatch: createDispatcher(handlers), staticDir, maxBodyBytes: 64 * 1024 });
    const exchange = await raw(bridge.port, { path: `/?token=${bridge.token}`, headers: { Host: `127.0.0.1:${bridge.port}` } });
    cookie = String(exchange.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(async () => {
    await bridge.close();
    await rm(staticDir, { recursive: true, force: true });
    await rm(join(staticDir, '..', 'mca-outside-secret.txt'), { force: true });
  });
  beforeEach(() => {
    calls.length = 0;
  });

  const host = () => `127.0.0.1:${bridge.port}`;
  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(bridge.port, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: {
        Host: host(),
        Origin: `http://${host()}`,
        'Content-Type': 'application/json',
        Cookie: cookie,
        'Sec-Fetch-Site': 'same-origin',
        'X-MCA-Desk-Token': bridge.apiSecret,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('listens on 127.0.0.1 only and prints a token URL', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie and redirects to a clean URL that hands the page its secret in the fragment', async () => {
    const response = await raw(bridge.port, { path: `/?token=${bridge.token}`, headers: { Host: host() } });
    expect(response.status).toBe(303);
    // The fragment never reaches a server; the page keeps the secret in memory and removes it from the address.
    expect(response.headers.location).toBe(`/#mca-desk-bridge=${bridge.apiSecret}`);
    expect(bridge.apiSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(bridge.apiSecret).not.toBe(bridge.token);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toContain(`${bridge.cookieName}=`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain(bridge.token);
  });

  it('serves the app only with the cookie, with a strict CSP, and nothing outside its folder', async () => {
    expect((await raw(bridge.port, { headers: { Host: host() } })).status).toBe(401);
    expect((await raw(bridge.port, { path: '/?token=wrong', headers: { Host: host() } })).status).toBe(401);
    const page = await raw(bridge.port, { headers: { Host: host(), Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('MCA Desk');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(
      (await raw(bridge.port, { path: '/assets/app.js', headers: { Host: host(), Cookie: cookie } })).headers['content-type'],
    ).toContain('text/javascript');
    expect((await raw(bridge.port, { path: '/customers/42', headers: { Host: host(), Cookie: cookie } })).body).toContain('MCA Desk');
    for (const path of [
      '/../mca-outside-secret.txt',
      '/%2e%2e/mca-outside-secret.txt',
      '/assets/..%2f..%2fmca-outside-secret.txt',
      '/missing.js',
    ]) {
      const response = await raw(bridge.port, { path, headers: { Host: host(), Cookie: cookie } });
      expect(response.body, path).not.toContain('outside');
      expect(response.status, path).toBe(404);
    }
  });

  it('answers a valid call with the envelope', async () => {
    const response = await api('getSession', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, data: { signedIn: false, backend: 'sandbox' } });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(calls).toEqual([{ channel: 'getSession', request: {} }]);
  });

  it('refuses a call without the cookie or with a wrong one: 401, no effect', async () => {
    for (const headers of [{ Cookie: '' }, { Cookie: `${bridge.cookieName}=wrong` }, { Cookie: `mca_desk_1=${cookie.split('=')[1]}` }]) {
      const response = await api('getSession', {}, headers);
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    }
    expect(calls).toEqual([]);
  });

  it("refuses a call with the cookie but without the page's X-MCA-Desk-Token, or with a wrong one: 401, no effect", async () => {
    for (const token of ['', 'wrong', bridge.token, cookie.split('=')[1]!]) {
      const response = await api('getSession', {}, { 'X-MCA-Desk-Token': token });
      expect(response.status, token).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'bad-sender', reason: 'bridge-token' } });
    }
    const withoutHeader = await raw(bridge.port, {
      method: 'POST',
      path: '/api/getSession',
      headers: { Host: host(), Origin: `http://${host()}`, 'Content-Type': 'application/json', Cookie: cookie },
      body: '{}',
    });
    expect(withoutHeader.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a wrong Host (DNS rebinding) or a wrong or missing Origin: 403, no effect', async () => {
    const cases: Array<Record<string, string>> = [
      { Host: `evil.example:${bridge.port}`, Origin: `http://evil.example:${bridge.port}` },
      { Host: `127.0.0.1:${bridge.port + 1}` },
      { Origin: 'http://evil.example' },
      { Origin: `http://localhost:${bridge.port}` },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of cases) {
      const response = await api('getSession', {}, headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(response.body).error.code).toBe('bad-sender');
    }
    const noOrigin = await raw(bridge.port, {
      method: 'POST',
      path: '/api/getSession',
      headers: { Host: host(), 'Content-Type': 'application/json', Cookie: cookie },
      body: '{}',
    });
    expect(noOrigin.status).toBe(403);
    // The page itself is refused under a rebinding host name too.
    expect((await raw(bridge.port, { path: `/?token=${bridge.token}`, headers: { Host: `evil.example:${bridge.port}` } })).status).toBe(
      403,
    );
    expect(calls).toEqual([]);
  });

  it('refuses oversized, malformed, non-JSON and schema-invalid bodies: 413/400, no effect', async () => {
    const big = await api('listConfirmations', { customerId: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('bad-request');
    const malformed = await api('listConfirmations', '{"customerId": ');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error).toMatchObject({ code: 'bad-request', message: 'The request body is not valid JSON.' });
    const form = await api('listConfirmations', 'customerId=1', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    const invalid = await api('listConfirmations', { customerId: 'not-a-guid' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error).toMatchObject({
      code: 'bad-request',
      issues: [{ path: 'customerId', message: 'invalid-tenant-id' }],
    });
    const extra = await api('getSession', { admin: true });
    expect(extra.status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('answers 404 for an unknown channel and 405 for other methods', async () => {
    for (const channel of ['deleteEverything', '__proto__', 'constructor', '']) {
      const response = await api(channel, {});
      expect(response.status, channel).toBe(404);
      expect(JSON.parse(response.body).error.code).toBe('unknown-channel');
    }
    expect((await raw(bridge.port, { method: 'GET', path: '/api/getSession', headers: { Host: host(), Cookie: cookie } })).status).toBe(
      405,
    );
    expect((await raw(bridge.port, { method: 'PUT', path: '/', headers: { Host: host(), Cookie: cookie } })).status).toBe(405);
    expect(calls).toEqual([]);
  });
});
