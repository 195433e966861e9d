/**
 * Browser mode's page secret: taken once from the fragment the launch link redirects to, removed from
 * the address at once, kept in memory, and sent as X-MCA-Desk-Token on every bridge call.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function load() {
  const secret = await import('../../../../renderer/src/platform/bridge-secret');
  const { createWebApi } = await import('../../../../renderer/src/platform/web-api');
  return { ...secret, createWebApi };
}

describe('the bridge secret', () => {
  it('is read from the fragment and removed from the address, without touching the route', async () => {
    const { captureBridgeSecret, bridgeSecret } = await load();
    const replaced: string[] = [];
    captureBridgeSecret(
      { hash: '#mca-desk-bridge=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', pathname: '/', search: '' },
      { state: null, replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void replaced.push(String(url)) },
    );
    expect(bridgeSecret()).toBe('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
    expect(replaced).toEqual(['/']);
  });

  it('leaves a normal route alone and takes nothing from it', async () => {
    const { captureBridgeSecret, bridgeSecret } = await load();
    const history = { state: null, replaceState: vi.fn() };
    captureBridgeSecret({ hash: '#/customers', pathname: '/', search: '' }, history);
    expect(bridgeSecret()).toBeUndefined();
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it('is sent as X-MCA-Desk-Token; without it the page asks for the link instead of calling', async () => {
    const { captureBridgeSecret, createWebApi } = await load();
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, data: { signedIn: false, backend: 'sandbox' } })));
    vi.stubGlobal('fetch', fetch);
    const before = await createWebApi().getSession({});
    expect(before).toMatchObject({
      ok: false,
      error: { code: 'bad-sender', reason: 'bridge-token', message: expect.stringContaining('Open MCA Desk again with the link') },
    });
    expect(fetch).not.toHaveBeenCalled();
    captureBridgeSecret(
      { hash: '#mca-desk-bridge=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', pathname: '/', search: '' },
      { state: null, replaceState: () => undefined },
    );
    expect(await createWebApi().getSession({})).toEqual({ ok: true, data: { signedIn: false, backend: 'sandbox' } });
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>)['X-MCA-Desk-Token']).toBe('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
  });
});
