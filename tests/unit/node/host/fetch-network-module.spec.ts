// @vitest-environment node
/**
 * MSAL's HTTP over the host's fetch (in the desktop app, the backend session's): the answers MSAL's own
 * client gives (JSON body, lower-case headers, status), and its error codes when the network fails,
 * times out or answers something that is not JSON.
 */
import { describe, expect, it } from 'vitest';
import { fetchNetworkModule } from '../../../../electron/host/auth/fetch-network-module';

describe('the MSAL network module over a fetch', () => {
  it("sends GET and POST through the given fetch and answers MSAL's response shape", async () => {
    const seen: Array<{ url: string; method?: string; body?: unknown; headers?: unknown }> = [];
    const module = fetchNetworkModule(async (url, init) => {
      seen.push({ url, method: init.method, body: init.body, headers: init.headers });
      return new Response(JSON.stringify({ token_endpoint: 'https://login.example/token' }), {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'X-MS-Request-Id': 'r1' },
      });
    });
    const got = await module.sendGetRequestAsync<{ token_endpoint: string }>(
      'https://login.example/.well-known/openid-configuration',
      { headers: { Accept: 'application/json' } },
      1000,
    );
    expect(got).toEqual({
      status: 200,
      body: { token_endpoint: 'https://login.example/token' },
      headers: { 'content-type': 'application/json', 'x-ms-request-id': 'r1' },
    });
    await module.sendPostRequestAsync('https://login.example/token', {
      body: 'grant_type=authorization_code',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(seen.map(({ url, method, body }) => ({ url, method, body }))).toEqual([
      { url: 'https://login.example/.well-known/openid-configuration', method: 'GET', body: undefined },
      { url: 'https://login.example/token', method: 'POST', body: 'grant_type=authorization_code' },
    ]);
  });

  it("turns a failed, timed-out or unreadable answer into MSAL's errors", async () => {
    const failing = fetchNetworkModule(async () => {
      throw new Error('net::ERR_BLOCKED_BY_CLIENT');
    });
    await expect(failing.sendPostRequestAsync('https://login.example/token')).rejects.toMatchObject({
      errorCode: 'network_error',
      errorMessage: expect.stringContaining('ERR_BLOCKED_BY_CLIENT'),
    });
    const hanging = fetchNetworkModule(
      (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    await expect(hanging.sendGetRequestAsync('https://login.example/x', {}, 20)).rejects.toMatchObject({
      errorCode: 'network_error',
      errorMessage: 'Request timeout',
    });
    const html = fetchNetworkModule(async () => new Response('<html>proxy login</html>', { status: 200 }));
    await expect(html.sendGetRequestAsync('https://login.example/x')).rejects.toMatchObject({ errorCode: 'token_parsing_error' });
  });
});
