// @vitest-environment node
/**
 * Partner Center throttles per partner: after a 429 with Retry-After, no call of MCA Desk's client
 * may reach the backend until it elapsed, including calls that were already under way when the 429
 * came (their next request) and calls started meanwhile. They fail locally as throttled with the
 * time left, so the outbox waits as told.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PartnerCenterHttp } from '../../../../electron/host/partner-center/http';
import { PartnerCenterError } from '../../../../electron/host/partner-center/errors';
import { SubmitService } from '../../../../electron/host/submit';
import { json, startFakeServer, type FakeServer } from '../helpers/fake-server';

let server: FakeServer;
afterEach(async () => {
  await server?.close();
});

describe('Retry-After', () => {
  it('holds every call of the client until it elapsed, and the backend hears nothing meanwhile', async () => {
    server = await startFakeServer();
    let throttled = false;
    server.route('GET', '/v1/customers', (_request, response) => {
      if (!throttled) {
        throttled = true;
        return json(response, 429, { statusCode: 429, message: 'Rate limit is exceeded.' }, { 'Retry-After': '1' });
      }
      json(response, 200, { totalCount: 0, items: [] });
    });
    server.route('POST', /^\/v1\/customers\/.+\/agreements$/, (_request, response) => json(response, 201, {}));
    const http = new PartnerCenterHttp({ baseUrl: server.url, getAccessToken: async () => 'token', maxRetries: 0 });

    const first = await http.request('/v1/customers').catch((error: unknown) => error);
    expect(first).toBeInstanceOf(PartnerCenterError);
    expect((first as PartnerCenterError).status).toBe(429);

    // A POST (never retried inside the client) started right after: refused locally, with the time left.
    const post = await http.request('/v1/customers/x/agreements', { method: 'POST', body: {} }).catch((error: unknown) => error);
    expect(post).toMatchObject({ status: 429, retryable: true });
    expect((post as PartnerCenterError).retryAfterMs).toBeGreaterThan(0);
    expect((post as PartnerCenterError).retryAfterMs).toBeLessThanOrEqual(1000);
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    // A GET that may retry waits it out inside the client, then goes through with one request.
    const left = http.retryAfterRemainingMs;
    expect(left).toBeGreaterThan(0);
    const before = server.requests.length;
    const started = Date.now();
    await expect(http.request('/v1/customers', { retries: 2 })).resolves.toMatchObject({ status: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(left - 20);
    expect(server.requests.length).toBe(before + 1);
    expect(server.requests.at(-1)!.method).toBe('GET');
  });

  it('turns a held submit into a retry with the time left, never a failure', async () => {
    server = await startFakeServer();
    server.route('GET', /agreements$/, (_request, response) =>
      json(response, 429, { statusCode: 429, message: 'Slow down' }, { 'Retry-After': '30' }),
    );
    const { PartnerCenterClient } = await import('../../../../electron/host/partner-center/client');
    const client = new PartnerCenterClient({ baseUrl: server.url, getAccessToken: async () => 'token', maxRetries: 0 });
    const user = {
      userId: 'u',
      userName: 'admin@contoso.example',
      displayName: 'A',
      roles: ['admin-agent'],
      partnerType: 'direct-bill',
      partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
      partnerName: 'Contoso',
    };
    const auth = { kind: 'sandbox', user: () => user, getAccessToken: async () => 'token', invalidate: async () => undefined } as never;
    const submit = new SubmitService({ client: () => client, auth: () => auth });
    const item = (n: number) => ({
      itemId: `00000000-0000-4000-8000-00000000000${n}`,
      customerId: `1111111${n}-1111-4111-8111-111111111111`,
      primaryContact: { firstName: 'Tania', lastName: 'Carr', email: `tania${n}@example.com` },
      dateAgreed: '2024-01-02',
    });
    expect(await submit.submit(item(1))).toMatchObject({ status: 'retry' });
    const requestsAfterFirst = server.requests.length;
    const second = await submit.submit(item(2));
    expect(second).toMatchObject({ status: 'retry' });
    expect((second as { afterMs: number }).afterMs).toBeGreaterThan(25_000);
    expect(server.requests.length).toBe(requestsAfterFirst);
  });
});
