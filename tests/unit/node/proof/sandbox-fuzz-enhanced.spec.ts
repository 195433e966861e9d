// @vitest-environment node
/**
 * The fuzz suite's part for Partner Center as it is today (sandbox-fuzz.spec.ts covers the seed's
 * endpoints): the enhanced calls, the acceptance page, the sandbox helpers and the AppOnly grant, with
 * malformed, wrong-typed, oversized and hostile bodies, path segments and forms, and the wrong kind of
 * token. The sandbox answers 4xx (never 5xx), keeps answering, and no attestation or agreement changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RunningSandbox } from '../../../../sandbox/index';
import { createEnhancedAttestationBodySchema, finaliseAgreementBodySchema } from '../../../../shared/api/enhanced-attestation';
import {
  api,
  appTokenFor,
  attestationBody,
  CONTOSO_APP,
  contosoCustomers,
  FABRIKAM_APP,
  startTodaySandbox,
  TAILSPIN_APP,
  tokenFor,
} from '../sandbox/helpers';
import { hostileStrings, mutationsOf, wrongValue } from './fuzz-payloads';

let sandbox: RunningSandbox;
const now = new Date('2026-06-01T09:00:00Z');
const tokens: Record<string, string> = {};
let customer = '';
let pending: { id: string; acceptanceUrl: string };
let accepted: { id: string };

async function state() {
  return {
    attestations: (await sandbox.inspect.attestations()).map((item) => JSON.stringify(item)),
    agreements: (await sandbox.inspect.agreements()).map((agreement) => JSON.stringify(agreement)),
  };
}

async function raw(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(path.startsWith('http') ? path : `${sandbox.url}${path}`, {
    method,
    headers: init.headers,
    body: init.body,
    redirect: 'manual',
  });
  const text = await response.text();
  return { status: response.status, text, type: response.headers.get('content-type') ?? '' };
}

/** 4xx with a readable body; a read (`data`) may also answer 200 with data. */
function expectClientError(reply: { status: number; text: string; type: string }, what: string, data = false): void {
  if (!data || reply.status !== 200) expect(reply.status, `${what}: ${reply.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(reply.status, `${what}: ${reply.text.slice(0, 200)}`).toBeLessThan(500);
  if (reply.type.includes('json')) expect(() => JSON.parse(reply.text), what).not.toThrow();
}

beforeAll(async () => {
  sandbox = await startTodaySandbox({ clock: () => now, tokenTtlSeconds: 86_400 });
  for (const [name, clientId] of [
    ['contoso', CONTOSO_APP],
    ['fabrikam', FABRIKAM_APP],
    ['tailspin', TAILSPIN_APP],
  ] as const)
    tokens[name] = await appTokenFor(sandbox, clientId);
  for (const user of ['admin@contoso.example', 'nomfa@contoso.example']) tokens[user] = await tokenFor(sandbox, user);
  customer = (await contosoCustomers(sandbox, tokens['admin@contoso.example']!)).find((c) => c.companyName === 'Litware Inc.')!.id;
  const app = api(sandbox, tokens.contoso);
  pending = (await app.post('/v1/attestations/enhanced', attestationBody(customer))).body;
  accepted = (await app.post('/v1/attestations/enhanced', attestationBody(customer, { signatoryEmail: 'accepted@litware.example' }))).body;
  await api(sandbox).post(`/sandbox/attestations/${accepted.id}/accept`, {});
}, 90_000);
afterAll(async () => {
  await sandbox?.stop();
});

const auth = (who = 'contoso') => ({ authorization: `Bearer ${tokens[who]}` });
const json = { 'content-type': 'application/json' };

describe('the enhanced flow under bad input', () => {
  it('refuses every invalid body of create and finalise with 4xx, and nothing changes', async () => {
    const before = await state();
    const writes = [
      {
        path: '/v1/attestations/enhanced',
        valid: attestationBody(customer, { linkExpiryMinutes: 60 }),
        schema: createEnhancedAttestationBodySchema,
      },
      {
        path: `/v1/customers/${customer}/agreements`,
        valid: { attestationId: accepted.id, type: 'MicrosoftCustomerAgreement' },
        schema: finaliseAgreementBodySchema,
      },
    ];
    for (const write of writes) {
      await fc.assert(
        fc.asyncProperty(mutationsOf(write.valid), fc.uuid(), async (body, requestId) => {
          fc.pre(!write.schema.safeParse(JSON.parse(JSON.stringify(body ?? null))).success);
          const reply = await raw('POST', write.path, {
            body: JSON.stringify(body ?? null),
            headers: { ...auth(), ...json, 'MS-RequestId': requestId },
          });
          expectClientError(reply, `${write.path} ${JSON.stringify(body)?.slice(0, 200)}`);
        }),
        { numRuns: 60 },
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(write.valid)), wrongValue, async (field, replacement) => {
          const body = { ...write.valid, [field]: replacement };
          fc.pre(!write.schema.safeParse(JSON.parse(JSON.stringify(body))).success);
          expectClientError(
            await raw('POST', write.path, { body: JSON.stringify(body), headers: { ...auth(), ...json } }),
            `${write.path} ${field}`,
          );
        }),
        { numRuns: 40 },
      );
      // Not JSON, not declared as JSON, too large (the enhanced limit and the global one).
      await fc.assert(
        fc.asyncProperty(
          fc.string({ maxLength: 100 }),
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
          async (text, type) => {
            let parses = true;
            try {
              JSON.parse(text);
            } catch {
              parses = false;
            }
            fc.pre(!parses || type !== 'application/json');
            expectClientError(
              await raw('POST', write.path, { body: text, headers: { ...auth(), ...(type ? { 'content-type': type } : {}) } }),
              write.path,
            );
          },
        ),
        { numRuns: 25 },
      );
      for (const size of [20 * 1024, 2 * 1024 * 1024])
        expectClientError(await raw('POST', write.path, { body: ' '.repeat(size), headers: { ...auth(), ...json } }), `${size} bytes`);
      // The wrong kind of token, or a partner that may not: refused whatever the body.
      for (const who of ['admin@contoso.example', 'nomfa@contoso.example', 'tailspin', 'fabrikam'])
        expectClientError(
          await raw('POST', write.path, { body: JSON.stringify(write.valid), headers: { ...auth(who), ...json } }),
          `${write.path} as ${who}`,
        );
    }
    expect(await state()).toEqual(before);
  }, 120_000);

  it('answers hostile path segments, queries and forms on the enhanced paths, the page and the helpers with 4xx, and nothing changes', async () => {
    const before = await state();
    const known = new Set([pending.id, accepted.id, pending.acceptanceUrl.split('/').pop()!]);
    const segment = fc.oneof(
      fc.constantFrom(...hostileStrings.filter((text) => text.length < 500)),
      fc.string({ maxLength: 60 }),
      fc.uuid(),
      fc.base64String({ minLength: 43, maxLength: 44 }),
    );
    // Reads may answer data (an empty list for an unknown customer); nothing else may succeed.
    const routes: Array<{ method: string; path: (part: string) => string; headers?: Record<string, string> }> = [
      { method: 'GET', path: (part) => `/v1/attestations/enhanced/${part}`, headers: auth() },
      { method: 'GET', path: (part) => `/v1/attestations/enhanced/${part}`, headers: auth('admin@contoso.example') },
      { method: 'GET', path: (part) => `/customer-acceptance/${part}` },
      { method: 'POST', path: (part) => `/customer-acceptance/${part}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'POST', path: (part) => `/sandbox/attestations/${part}/accept` },
      { method: 'POST', path: (part) => `/sandbox/attestations/${part}/expire` },
      { method: 'GET', path: (part) => `/sandbox/attestations?customerId=${part}` },
      { method: 'GET', path: (part) => `/sandbox/attestations?requestId=${part}` },
      { method: 'POST', path: (part) => `/v1/customers/${part}/agreements`, headers: { ...auth(), ...json } },
      { method: 'DELETE', path: (part) => `/v1/attestations/enhanced/${part}`, headers: auth() },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), segment, async (route, part) => {
        fc.pre(!known.has(part));
        fc.pre(!/[\ud800-\udfff]/.test(part.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))); // lone surrogates cannot be URL-encoded
        const body =
          route.method === 'POST'
            ? route.path('x').startsWith('/v1')
              ? JSON.stringify({ attestationId: accepted.id, type: 'MicrosoftCustomerAgreement' })
              : 'accept=yes'
            : undefined;
        const reply = await raw(route.method, route.path(encodeURIComponent(part)), {
          ...(route.headers ? { headers: route.headers } : {}),
          ...(body ? { body } : {}),
        });
        expectClientError(reply, `${route.method} ${route.path(part)}`, route.method === 'GET');
      }),
      { numRuns: 200 },
    );
    // A real pending link with any form but the ticked box: the form again (400), still pending.
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('accept', 'Accept', 'accept[]', ...hostileStrings.slice(0, 4)),
          fc.oneof(fc.constantFrom(...hostileStrings), fc.string()),
        ),
        async (form) => {
          fc.pre(form.accept !== 'yes');
          const reply = await raw('POST', pending.acceptanceUrl, {
            body: new URLSearchParams(form).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          });
          expect(reply.status, JSON.stringify(form)).toBe(400);
        },
      ),
      { numRuns: 40 },
    );
    // The AppOnly grant: any form that is not a seeded app with the password gets 400 or 401.
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            client_id: fc.oneof(fc.constantFrom(CONTOSO_APP, FABRIKAM_APP, ...hostileStrings), fc.string()),
            client_secret: fc.oneof(fc.constantFrom(...hostileStrings), fc.string()),
            scope: fc.string(),
          },
          { requiredKeys: [] },
        ),
        async (form) => {
          fc.pre(form.client_secret !== 'sandbox');
          const reply = await raw('POST', '/oauth2/token', {
            body: new URLSearchParams({ grant_type: 'client_credentials', ...form }).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          });
          expect([400, 401], JSON.stringify(form)).toContain(reply.status);
        },
      ),
      { numRuns: 60 },
    );
    expect(await state()).toEqual(before);
    expect((await api(sandbox, tokens.contoso).get(`/v1/attestations/enhanced/${pending.id}`)).body.status).toBe('pending');
  }, 120_000);
});
