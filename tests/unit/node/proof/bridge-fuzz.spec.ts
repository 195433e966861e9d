// @vitest-environment node
/**
 * Every browser-mode bridge channel (POST /api/<channel>) fuzzed with malformed, wrong-typed,
 * oversized and hostile requests (fast-check), against the real host and an in-memory sandbox, as a
 * signed-in agent: each gets a clear 4xx with a typed error, the bridge keeps answering, and nothing
 * changes (the sandbox's agreements and customers, the session, the settings).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { startWebApp, type WebApp } from '../../../../electron/web/index';
import { ipcErrorSchema } from '../../../../shared/ipc/errors';
import { channelNames, contract, type ChannelName } from '../../../../shared/ipc/contract';
import { hostileStrings, invalidRequest, validRequests } from './fuzz-payloads';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  app: WebApp,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: app.port, method: options.method ?? 'POST', path: options.path, headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

describe('the bridge under bad input', () => {
  let app: WebApp;
  let cookie: string;
  const headers = (extra: Record<string, string> = {}) => ({
    Host: `127.0.0.1:${app.port}`,
    Origin: app.origin,
    'Content-Type': 'application/json',
    Cookie: cookie,
    'Sec-Fetch-Site': 'same-origin',
    'X-MCA-Desk-Token': app.apiSecret,
    ...extra,
  });
  const call = (channel: string, body: string | Buffer, extra: Record<string, string> = {}) =>
    send(app, { path: `/api/${channel}`, headers: headers(extra), body });
  const data = async (channel: ChannelName, request: unknown = {}) => {
    const reply = await call(channel, JSON.stringify(request));
    const envelope = JSON.parse(reply.body) as { ok: boolean; data?: unknown; error?: unknown };
    if (!envelope.ok) throw new Error(`${channel}: ${reply.body}`);
    return envelope.data;
  };

  /** What a bad request must not change. */
  async function state() {
    const agreements = await app.sandbox!.inspect.agreements();
    const customers = (await data('listCustomers', { pageSize: 500 })) as { items: Array<{ id: string }> };
    return {
      agreements: agreements.map((agreement) => `${agreement.customerId} ${agreement.requestId} ${agreement.primaryContact.email}`),
      customers: customers.items.map((customer) => customer.id),
      session: await data('getSession'),
      settings: await data('getSettings'),
    };
  }

  beforeAll(async () => {
    app = await startWebApp({ memory: true, log: { warn: () => undefined, error: () => undefined } });
    const exchange = await send(app, { method: 'GET', path: `/?token=${app.token}`, headers: { Host: `127.0.0.1:${app.port}` } });
    expect(exchange.status).toBe(303);
    cookie = String(exchange.headers['set-cookie']).split(';')[0]!;
    await data('signIn', validRequests.signIn);
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('answers every channel a typed 400 for requests its schema refuses, and nothing changes', async () => {
    const before = await state();
    const seen: Record<string, number> = {};
    for (const channel of channelNames) {
      await fc.assert(
        fc.asyncProperty(invalidRequest(channel), async (request) => {
          const body = JSON.stringify(request ?? null);
          const reply = await call(channel, body);
          expect(reply.status, `${channel} ${body.slice(0, 200)}`).toBe(400);
          const envelope = JSON.parse(reply.body) as { ok: false; error: unknown };
          expect(envelope.ok).toBe(false);
          expect(ipcErrorSchema.parse(envelope.error)).toMatchObject({ code: 'bad-request' });
          seen[channel] = (seen[channel] ?? 0) + 1;
        }),
        { numRuns: 15 },
      );
    }
    expect(Object.keys(seen).sort()).toEqual([...channelNames].sort());
    expect(await state()).toEqual(before);
  }, 120_000);

  it('refuses bodies that are not JSON, not declared as JSON, too large or deeply nested, and keeps answering', async () => {
    const before = await state();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), fc.string({ maxLength: 200 }), async (channel, text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        // (An empty body is the empty request, as for a call without arguments.)
        fc.pre(!parses && text !== '');
        const reply = await call(channel, text);
        expect(reply.status, text).toBe(400);
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      }),
      { numRuns: 60 },
    );
    for (const channel of ['submitAttestation', 'signOut', 'createCustomer'] as const) {
      const valid = JSON.stringify(validRequests[channel]);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])
        expect((await call(channel, valid, { 'Content-Type': type })).status, type).toBe(400);
      expect((await call(channel, Buffer.alloc(5 * 1024 * 1024, 0x20))).status).toBe(413);
      expect((await call(channel, '['.repeat(100_000) + ']'.repeat(100_000))).status).toBe(400);
      expect((await call(channel, `{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`)).status).toBe(400);
    }
    // Unknown channels, hostile names included: 404 with a typed error, no handler runs.
    for (const name of [
      'deleteEverything',
      '__proto__',
      'constructor',
      'toString',
      '..%2f..%2fetc%2fpasswd',
      'signIn%00',
      'SIGNIN',
      ...hostileStrings.slice(0, 6).map(encodeURIComponent),
    ]) {
      const reply = await call(name, '{}');
      expect([400, 404], name).toContain(reply.status);
      expect(JSON.parse(reply.body), name).toMatchObject({ ok: false });
    }
    expect(await state()).toEqual(before);
  }, 120_000);

  it('answers hostile values the schema lets through (tokens, ids, filters, locales) with data or a typed error, never a crash', async () => {
    const before = await state();
    const hostile = fc.oneof(fc.constantFrom(...hostileStrings.filter((text) => text.length < 4000)), fc.string({ maxLength: 60 }));
    const guid = fc.uuid();
    const requests: Array<[ChannelName, fc.Arbitrary<unknown>]> = [
      ['listCustomers', hostile.map((continuationToken) => ({ continuationToken }))],
      [
        'listCustomers',
        hostile
          .filter((prefix) => prefix.trim().length > 0 && prefix.trim().length <= 200)
          .map((prefix) => ({ filter: { field: 'CompanyName', prefix } })),
      ],
      ['listAgreementRecords', hostile.map((continuationToken) => ({ continuationToken }))],
      ['getCustomer', guid.map((customerId) => ({ customerId }))],
      ['listConfirmations', guid.map((customerId) => ({ customerId }))],
      ['getDirectSignStatus', guid.map((customerId) => ({ customerId }))],
      ['getCredentials', guid.map((credentialsId) => ({ credentialsId }))],
      [
        'getTemplateDocument',
        fc.tuple(fc.string({ minLength: 2, maxLength: 2 }), hostile).map(([country, language]) => ({ country, language })),
      ],
      ['submitAttestation', guid.map((customerId) => ({ ...(validRequests.submitAttestation as object), customerId }))],
    ];
    for (const [channel, arbitrary] of requests) {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (request) => {
          fc.pre(contract[channel].request.safeParse(request).success);
          const reply = await call(channel, JSON.stringify(request));
          expect([200, 400], `${channel} ${JSON.stringify(request).slice(0, 120)}`).toContain(reply.status);
          const envelope = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
          if (!envelope.ok) expect(envelope.error?.code, `${channel} ${reply.body.slice(0, 300)}`).not.toBe('internal');
        }),
        { numRuns: 12 },
      );
    }
    expect(await state()).toEqual(before);
    // Still serving, still signed in.
    expect(await data('getSession')).toMatchObject({ signedIn: true });
  }, 120_000);
});
