import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { api, confirmBody, contosoCustomers, requestId, startTestSandbox, tokenFor } from './helpers';

let sandbox: RunningSandbox;
let now = new Date('2026-03-10T12:00:00Z');

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => now, tokenTtlSeconds: 86_400 });
});
afterAll(() => sandbox.stop());

describe('throttling', () => {
  it('answers 429 with Retry-After past the per-tenant limit, per partner tenant, until the minute is over', async () => {
    const contoso = api(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
    const contosoSales = api(sandbox, await tokenFor(sandbox, 'sales@contoso.example'));
    const fabrikam = api(sandbox, await tokenFor(sandbox, 'admin@fabrikam.example'));
    sandbox.setFaults({ rateLimitPerMinute: 5 });
    try {
      for (let i = 0; i < 3; i += 1) expect((await contoso.get('/v1/profiles/me')).status).toBe(200);
      for (let i = 0; i < 2; i += 1) expect((await contosoSales.get('/v1/profiles/me')).status).toBe(200);
      now = new Date(now.getTime() + 17_000);
      const throttled = await contoso.get('/v1/customers');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('43');
      expect(throttled.body).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 43 seconds.' });
      expect((await contosoSales.get('/v1/profiles/me')).status).toBe(429);
      expect((await fabrikam.get('/v1/profiles/me')).status).toBe(200);
      // Sign-in and the sandbox endpoints are not throttled.
      expect((await api(sandbox).get('/sandbox/agreements?customerId=00000000-0000-4000-8000-000000000000')).status).toBe(200);
      now = new Date(now.getTime() + 43_000);
      expect((await contoso.get('/v1/profiles/me')).status).toBe(200);
    } finally {
      sandbox.setFaults({ rateLimitPerMinute: 0 });
    }
    for (let i = 0; i < 20; i += 1) expect((await contoso.get('/v1/profiles/me')).status).toBe(200);
  });
});

describe('fault injection', () => {
  it('adds latency', async () => {
    const client = api(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
    sandbox.setFaults({ latencyMs: 300 });
    const started = performance.now();
    await client.get('/v1/profiles/me');
    const elapsed = performance.now() - started;
    sandbox.setFaults({ latencyMs: 0 });
    expect(elapsed).toBeGreaterThanOrEqual(290);
  });

  it('answers random 5xx (retryable) before handling: nothing is written', async () => {
    const token = await tokenFor(sandbox, 'admin@contoso.example');
    const client = api(sandbox, token);
    const customer = (await contosoCustomers(sandbox, token))[5]!.id;
    const before = (await sandbox.inspect.agreements()).length;
    sandbox.setFaults({ failRate: 1 });
    try {
      for (let i = 0; i < 5; i += 1) {
        const reply = await client.post(`/v1/customers/${customer}/agreements`, confirmBody({}, { email: `fail${i}@example.com` }));
        expect([500, 503]).toContain(reply.status);
        expect(reply.body.isRetryable).toBe(true);
      }
    } finally {
      sandbox.setFaults({ failRate: 0 });
    }
    expect((await sandbox.inspect.agreements()).length).toBe(before);
  });

  it('drops connections, some after the write; retrying with the same MS-RequestId still writes exactly once', async () => {
    const token = await tokenFor(sandbox, 'admin@contoso.example');
    const client = api(sandbox, token);
    const customers = (await contosoCustomers(sandbox, token)).slice(10, 30);
    const keys = customers.map(() => requestId());
    sandbox.setFaults({ dropRate: 1 });
    try {
      const outcomes = await Promise.allSettled(
        customers.map((c, i) =>
          client.post(`/v1/customers/${c.id}/agreements`, confirmBody({}, { email: `drop${i}@example.com` }), { 'MS-RequestId': keys[i]! }),
        ),
      );
      expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    } finally {
      sandbox.setFaults({ dropRate: 0 });
    }
    const writtenWhileDropping = (await sandbox.inspect.agreements()).filter((a) => keys.includes(a.requestId ?? '')).length;
    expect(writtenWhileDropping).toBeGreaterThan(0);
    expect(writtenWhileDropping).toBeLessThan(customers.length);
    for (const [i, c] of customers.entries()) {
      const retry = await client.post(`/v1/customers/${c.id}/agreements`, confirmBody({}, { email: `drop${i}@example.com` }), {
        'MS-RequestId': keys[i]!,
      });
      expect(retry.status).toBe(201);
    }
    const written = (await sandbox.inspect.agreements()).filter((a) => keys.includes(a.requestId ?? ''));
    expect(written).toHaveLength(customers.length);
  });

  it('leaves sign-in, the page and /sandbox alone', async () => {
    sandbox.setFaults({ failRate: 1, dropRate: 1 });
    try {
      expect(typeof (await tokenFor(sandbox, 'admin@contoso.example'))).toBe('string');
      expect((await fetch(`${sandbox.url}/`)).status).toBe(200);
    } finally {
      sandbox.setFaults({ failRate: 0, dropRate: 0 });
    }
  });
});
