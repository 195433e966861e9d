// @vitest-environment node
/**
 * Every sandbox endpoint fuzzed (fast-check) with malformed, wrong-typed, oversized and hostile
 * bodies, path segments, query strings and headers: the sandbox answers 4xx (never 5xx), keeps
 * answering, and its data does not change (agreements, every partner's customers, direct-sign state).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RunningSandbox } from '../../../../sandbox/index';
import { bulkReattestationBodySchema, createAgreementBodySchema, createCustomerBodySchema } from '../../../../shared/api/partner-center';
import { api, confirmBody, startTestSandbox, tokenFor, CONTOSO, MCA } from '../sandbox/helpers';
import { hostileStrings, mutationsOf, wrongValue } from './fuzz-payloads';

let sandbox: RunningSandbox;
const tokens: Record<string, string> = {};
let customerIds: string[] = [];
const users = ['admin@contoso.example', 'admin@fabrikam.example', 'admin@tailspin.example', 'helpdesk@contoso.example'];

async function state() {
  const customers: Record<string, string[]> = {};
  for (const user of users) {
    const page = await api(sandbox, tokens[user]).get('/v1/customers?size=500');
    customers[user] = (page.body.items as Array<{ id: string }>).map((item) => item.id).sort();
  }
  const signed = await Promise.all(
    customerIds
      .slice(0, 10)
      .map(
        async (id) =>
          (await api(sandbox, tokens['admin@contoso.example']).get(`/v1/customers/${id}/directSignedMicrosoftCustomerAgreementStatus`))
            .body,
      ),
  );
  return { agreements: (await sandbox.inspect.agreements()).map((agreement) => JSON.stringify(agreement)), customers, signed };
}

async function raw(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${sandbox.url}${path}`, { method, headers: init.headers, body: init.body });
  const text = await response.text();
  return { status: response.status, text, type: response.headers.get('content-type') ?? '' };
}

function expectClientError(reply: { status: number; text: string; type: string }, what: string): void {
  expect(reply.status, `${what}: ${reply.text.slice(0, 200)}`).toBeLessThan(500);
  if (reply.status >= 400 && reply.type.includes('json')) expect(() => JSON.parse(reply.text), what).not.toThrow();
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  for (const user of users) tokens[user] = await tokenFor(sandbox, user);
  const page = await api(sandbox, tokens['admin@contoso.example']).get('/v1/customers?size=500');
  customerIds = (page.body.items as Array<{ id: string }>).map((item) => item.id);
}, 90_000);
afterAll(async () => {
  await sandbox?.stop();
});

const auth = (user = 'admin@contoso.example') => ({ authorization: `Bearer ${tokens[user]}` });
const json = { 'content-type': 'application/json' };

describe('the sandbox under bad input', () => {
  it('refuses every invalid body of every write endpoint with 4xx, and nothing changes', async () => {
    const before = await state();
    const customer = () => customerIds[3]!;
    const validCustomer = {
      companyProfile: { domain: 'fuzzcustomer.onmicrosoft.com' },
      billingProfile: {
        email: 'it@fuzz.example',
        culture: 'nl-NL',
        language: 'nl',
        companyName: 'Fuzz BV',
        defaultAddress: {
          firstName: 'Tania',
          lastName: 'Carr',
          addressLine1: 'Main 1',
          city: 'Amsterdam',
          postalCode: '1017 BS',
          country: 'NL',
        },
      },
    };
    const validBulk = [
      {
        partnerId: CONTOSO,
        customerId: customerIds[4],
        customerDirectAcceptance: false,
        agreement: { templateId: MCA, primaryContact: confirmBody().primaryContact, dateAgreed: '2024-01-02T00:00:00Z' },
      },
    ];
    const writes = [
      {
        path: () => `/v1/customers/${customer()}/agreements`,
        valid: confirmBody({ dateAgreed: '2024-01-02T00:00:00.000Z' }),
        schema: createAgreementBodySchema,
      },
      { path: () => '/v1/customers', valid: validCustomer, schema: createCustomerBodySchema },
      { path: () => '/v1/CreateBulkReAttestation', valid: validBulk, schema: bulkReattestationBodySchema },
    ];
    for (const write of writes) {
      await fc.assert(
        fc.asyncProperty(mutationsOf(write.valid), fc.uuid(), async (body, requestId) => {
          fc.pre(!write.schema.safeParse(JSON.parse(JSON.stringify(body ?? null))).success);
          const reply = await raw('POST', write.path(), {
            body: JSON.stringify(body ?? null),
            headers: { ...auth(), ...json, 'MS-RequestId': requestId },
          });
          const what = `${write.path()} ${JSON.stringify(body)?.slice(0, 200)} → ${reply.text.slice(0, 200)}`;
          if (write.path() === '/v1/CreateBulkReAttestation' && reply.status === 200) {
            // The bulk endpoint answers per item: a list whose malformed items are each refused.
            const results = JSON.parse(reply.text) as Array<{ status: string; description?: string }>;
            expect(results.length, what).toBeGreaterThan(0);
            for (const result of results) expect(result.status, what).toBe('failed');
            return;
          }
          expect(reply.status, what).toBeGreaterThanOrEqual(400);
          expectClientError(reply, write.path());
        }),
        { numRuns: 40 },
      );
      // Not JSON, not declared as JSON, too large.
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
            const reply = await raw('POST', write.path(), {
              body: text,
              headers: { ...auth(), ...(type ? { 'content-type': type } : {}) },
            });
            expect(reply.status).toBeGreaterThanOrEqual(400);
            expectClientError(reply, write.path());
          },
        ),
        { numRuns: 25 },
      );
      expectClientError(
        await raw('POST', write.path(), { body: ' '.repeat(2 * 1024 * 1024), headers: { ...auth(), ...json } }),
        'oversized',
      );
    }
    // The sign-in endpoint: any form that is not a seeded user with the password gets 400/401.
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('grant_type', 'username', 'password', 'client_id', 'scope', ...hostileStrings.slice(0, 5)),
          fc.oneof(fc.constantFrom(...hostileStrings), fc.string()),
        ),
        async (form) => {
          fc.pre(form.password !== 'sandbox');
          const reply = await raw('POST', '/oauth2/token', {
            body: new URLSearchParams(form).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          });
          expect([400, 401], JSON.stringify(form)).toContain(reply.status);
        },
      ),
      { numRuns: 40 },
    );
    expect(await state()).toEqual(before);
  }, 120_000);

  it('answers hostile path segments, query strings and headers on every endpoint with 4xx or data, never 5xx, and nothing changes', async () => {
    const before = await state();
    const segment = fc.oneof(
      fc.constantFrom(...hostileStrings.filter((text) => text.length < 500)),
      fc.string({ maxLength: 40 }),
      fc.uuid(),
      fc.constant(customerIds[0]!),
    );
    const routes: Array<{ method: string; path: (part: string) => string }> = [
      { method: 'GET', path: (part) => `/v1/customers/${part}` },
      { method: 'GET', path: (part) => `/v1/customers/${part}/agreements` },
      { method: 'POST', path: (part) => `/v1/customers/${part}/agreements` },
      { method: 'GET', path: (part) => `/v1/customers/${part}/directSignedMicrosoftCustomerAgreementStatus` },
      { method: 'GET', path: (part) => `/v1/agreementtemplates/${part}/document` },
      { method: 'GET', path: (part) => `/sandbox/agreement-documents/${part}/${part}` },
      { method: 'POST', path: (part) => `/sandbox/customers/${part}/accept` },
      { method: 'GET', path: (part) => `/v1/${part}` },
      { method: 'DELETE', path: (part) => `/v1/customers/${part}` },
      { method: 'PUT', path: (part) => `/v1/customers/${part}/agreements` },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), segment, async (route, part) => {
        // A real customer's id may only be used where nothing is written.
        fc.pre(!(route.method !== 'GET' && customerIds.includes(part)));
        fc.pre(!/[\ud800-\udfff]/.test(part.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))); // lone surrogates cannot be URL-encoded
        const reply = await raw(route.method, route.path(encodeURIComponent(part)), {
          headers: { ...auth(), ...json },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: JSON.stringify(confirmBody({ dateAgreed: 12 })) }),
        });
        expectClientError(reply, `${route.method} ${route.path(part)}`);
      }),
      { numRuns: 150 },
    );
    const queryPaths = [
      '/v1/customers',
      '/v1/agreements',
      '/v1/partners/customeragreementrecords',
      `/v1/customers/${customerIds[1]}/agreements`,
      '/sandbox/agreements',
      `/v1/agreementtemplates/${MCA}/document`,
    ];
    const value = fc.oneof(
      fc.constantFrom(...hostileStrings.filter((text) => text.length < 2000)),
      fc.string({ maxLength: 30 }),
      fc.integer().map(String),
      fc.constant(JSON.stringify({ Field: 'CompanyName', Value: "'", Operator: 'starts_with' })),
    );
    const key = fc.constantFrom(
      'size',
      'filter',
      'agreementType',
      'templateId',
      'language',
      'country',
      'continuationToken',
      'seekOperation',
      'customerId',
      'requestId',
      '__proto__',
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...queryPaths), fc.dictionary(key, value, { maxKeys: 3 }), async (path, query) => {
        const reply = await raw('GET', `${path}?${new URLSearchParams(query).toString()}`, { headers: auth() });
        expectClientError(reply, `${path} ${JSON.stringify(query).slice(0, 200)}`);
      }),
      { numRuns: 150 },
    );
    const header = fc.constantFrom(
      'MS-RequestId',
      'MS-CorrelationId',
      'MS-ContinuationToken',
      'X-Locale',
      'Authorization',
      'Content-Type',
      'Accept',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queryPaths),
        header,
        fc.oneof(
          fc.constantFrom(...hostileStrings.filter((text) => text.length < 2000 && /^[\x20-\x7e]*$/.test(text))),
          fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
        ),
        async (path, name, text) => {
          const reply = await raw('GET', path, { headers: { ...auth(), [name]: text } });
          expectClientError(reply, `${path} ${name}: ${text.slice(0, 80)}`);
        },
      ),
      { numRuns: 120 },
    );
    // Tokens that are not a live token of this sandbox get 401 on every /v1 endpoint.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queryPaths.filter((path) => path.startsWith('/v1'))),
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.constantFrom(
            'Bearer',
            'Bearer ',
            `Bearer ${tokens['admin@contoso.example']}x`,
            `Basic ${Buffer.from('admin@contoso.example:sandbox').toString('base64')}`,
            'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.',
          ),
        ),
        async (path, authorization) => {
          fc.pre(!/^\s*bearer\s+/i.test(authorization) || !Object.values(tokens).some((token) => authorization.trim().endsWith(token)));
          const reply = await raw('GET', path, { headers: { authorization } });
          expect(reply.status, authorization).toBe(401);
        },
      ),
      { numRuns: 60 },
    );
    expect(await state()).toEqual(before);
    expect((await api(sandbox, tokens['admin@contoso.example']).get('/v1/profiles/me')).status).toBe(200);
  }, 120_000);

  it('keeps wrong-typed values out of every field of a confirmation, however nested', async () => {
    const before = await state();
    const target = `/v1/customers/${customerIds[5]}/agreements`;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('primaryContact', 'templateId', 'dateAgreed', 'type'), wrongValue, async (field, replacement) => {
        const body = { ...confirmBody({ dateAgreed: '2024-01-02T00:00:00.000Z' }), [field]: replacement };
        fc.pre(!createAgreementBodySchema.safeParse(JSON.parse(JSON.stringify(body))).success);
        const reply = await raw('POST', target, { body: JSON.stringify(body), headers: { ...auth(), ...json } });
        expect(reply.status).toBeGreaterThanOrEqual(400);
        expectClientError(reply, field);
      }),
      { numRuns: 60 },
    );
    expect(await state()).toEqual(before);
  }, 120_000);
});
