// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PartnerCenterClient } from '../../../../electron/host/partner-center/client';
import { PartnerCenterError, parseErrorBody, parseRetryAfter } from '../../../../electron/host/partner-center/errors';
import { apiRoot, resolveApiUrl } from '../../../../electron/host/partner-center/http';
import { RetryAfterHolds } from '../../../../electron/host/partner-center/retry-after-hold';
import { json, startFakeServer, type FakeServer } from '../helpers/fake-server';

const CUSTOMER = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';

describe('link resolution (the double-/v1 pitfall)', () => {
  it('joins customer links that already start with /v1 to the host root, others to /v1', () => {
    const base = 'https://api.partnercenter.microsoft.com';
    expect(resolveApiUrl(base, '/v1/customers?size=500&seekOperation=Next').toString()).toBe(
      'https://api.partnercenter.microsoft.com/v1/customers?size=500&seekOperation=Next',
    );
    expect(resolveApiUrl(base, '/customers/abc/profiles/company').toString()).toBe(
      'https://api.partnercenter.microsoft.com/v1/customers/abc/profiles/company',
    );
    expect(resolveApiUrl(base, 'customers').toString()).toBe('https://api.partnercenter.microsoft.com/v1/customers');
    // A base URL configured with /v1 does not double it either.
    expect(resolveApiUrl(`${base}/v1/`, '/v1/customers').toString()).toBe('https://api.partnercenter.microsoft.com/v1/customers');
    expect(apiRoot('http://127.0.0.1:4010/v1')).toBe('http://127.0.0.1:4010');
  });

  it('never follows a link to another origin (the token would go with it)', () => {
    expect(() => resolveApiUrl('https://api.partnercenter.microsoft.com', 'https://evil.example/v1/customers')).toThrow(/another origin/);
    expect(() => resolveApiUrl('https://api.partnercenter.microsoft.com', '//evil.example/v1/customers')).toThrow();
    expect(resolveApiUrl('https://api.partnercenter.microsoft.com', 'https://api.partnercenter.microsoft.com/v1/customers').pathname).toBe(
      '/v1/customers',
    );
  });
});

describe('loose error parsing', () => {
  it('reads every documented and observed error shape', () => {
    expect(
      parseErrorBody(
        '{"code":600061,"message":"A partner confirmed agreement already exists for the customer.","description":"A partner confirmed agreement already exists for the customer.","errorName":"PartnerConfirmedAgreementAlreadyExists","isRetryable":false,"parameters":{},"errorMessageExtended":"InternalErrorCode=600061"}',
      ),
    ).toEqual({
      code: 600061,
      description: 'A partner confirmed agreement already exists for the customer.',
      errorName: 'PartnerConfirmedAgreementAlreadyExists',
      isRetryable: false,
    });
    expect(
      parseErrorBody('{"code":"2000","description":"Tenant Id must be a GUID.","data":[],"source":"PartnerApiServiceControllers"}'),
    ).toMatchObject({ code: 2000, description: 'Tenant Id must be a GUID.' });
    expect(parseErrorBody('{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}')).toMatchObject({
      description: 'Rate limit is exceeded. Try again in 57 seconds.',
    });
    expect(parseErrorBody('{"error":"invalid_grant","error_description":"AADSTS50126: bad"}')).toMatchObject({
      code: 'invalid_grant',
      description: 'AADSTS50126: bad',
    });
    expect(parseErrorBody('{"error":{"code":"Forbidden","message":"No access"}}')).toMatchObject({
      code: 'Forbidden',
      description: 'No access',
    });
    expect(parseErrorBody('"just a string"')).toEqual({ description: 'just a string' });
    expect(
      parseErrorBody('<html><head><style>x{}</style></head><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>'),
    ).toEqual({ description: '502 Bad Gateway' });
    expect(parseErrorBody('')).toEqual({});
    expect(parseErrorBody('[1,2]')).toEqual({});
    expect(parseErrorBody('{"code":{"nested":true},"description":42}')).toEqual({
      code: undefined,
      description: undefined,
      errorName: undefined,
      isRetryable: undefined,
    });
    expect(parseErrorBody('x'.repeat(5000)).description!.length).toBeLessThanOrEqual(500);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('57', now)).toBe(57_000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('classifies what is worth retrying', () => {
    const error = (status: number, extra = {}) => new PartnerCenterError({ kind: 'http', status, description: 'x', ...extra });
    for (const status of [408, 409, 429, 500, 502, 503, 504]) expect(error(status).retryable, String(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 405, 412, 501]) expect(error(status).retryable, String(status)).toBe(false);
    expect(new PartnerCenterError({ kind: 'network', description: 'x' }).retryable).toBe(true);
    expect(new PartnerCenterError({ kind: 'timeout', description: 'x' }).retryable).toBe(true);
    expect(error(400, { code: '600061' }).hasCode(600061)).toBe(true);
  });
});

describe('the HTTP layer against a scripted server', () => {
  let server: FakeServer;
  const sleeps: number[] = [];
  const client = (extra: Partial<ConstructorParameters<typeof PartnerCenterClient>[0]> = {}) =>
    new PartnerCenterClient({
      baseUrl: server.url,
      getAccessToken: async () => 'token-123',
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      backoffBaseMs: 10,
      ...extra,
    });

  beforeEach(async () => {
    server = await startFakeServer();
    sleeps.length = 0;
  });
  afterEach(() => server.close());

  it('sends the standard headers, one MS-RequestId across retries and a new correlation id per attempt', async () => {
    let calls = 0;
    server.route('GET', `/v1/customers/${CUSTOMER}/agreements`, (_request, response) => {
      calls += 1;
      if (calls < 3) return json(response, 503, { code: 'ServerBusy', description: 'busy' });
      json(response, 200, { totalCount: 0, items: [] });
    });
    expect(await client({ locale: 'nl-NL' }).listConfirmations(CUSTOMER)).toEqual([]);
    expect(server.requests).toHaveLength(3);
    const [first, , third] = server.requests;
    expect(first!.headers.authorization).toBe('Bearer token-123');
    expect(first!.headers['x-locale']).toBe('nl-NL');
    expect(first!.headers.accept).toBe('application/json');
    expect(first!.headers['ms-partnercenter-application']).toBeUndefined();
    expect(first!.url).toContain('agreementType=MicrosoftCustomerAgreement');
    expect(third!.headers['ms-requestid']).toBe(first!.headers['ms-requestid']);
    expect(third!.headers['ms-correlationid']).not.toBe(first!.headers['ms-correlationid']);
    expect(sleeps).toHaveLength(2);
  });

  it('honours Retry-After on 429, and hands a long one to the caller instead of waiting', async () => {
    let calls = 0;
    server.route('GET', '/v1/customers/relationshiprequests', (_request, response) => {
      calls += 1;
      if (calls === 1)
        return json(response, 429, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 2 seconds.' }, { 'Retry-After': '2' });
      json(response, 200, { url: 'https://admin.microsoft.com/x' });
    });
    expect(await client().getRelationshipRequest()).toEqual({ url: 'https://admin.microsoft.com/x' });
    expect(sleeps).toEqual([2000]);

    server.route('GET', '/v1/customers/relationshiprequests', (_request, response) =>
      json(response, 429, { statusCode: 429, message: 'Try again in 57 seconds.' }, { 'Retry-After': '57' }),
    );
    const error = await client()
      .getRelationshipRequest()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartnerCenterError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 57_000, description: 'Try again in 57 seconds.' });
    expect((error as PartnerCenterError).retryable).toBe(true);
  });

  it('a 429 heard by one client holds every client of the same backend that shares the holds (the sign-in profile lookup too)', async () => {
    server.route('GET', '/v1/customers/relationshiprequests', (_request, response) =>
      json(response, 429, { statusCode: 429, message: 'Try again in 30 seconds.' }, { 'Retry-After': '30' }),
    );
    server.route('GET', '/v1/profiles/me', (_request, response) => json(response, 200, {}));
    const holds = new RetryAfterHolds();
    const throttled = client({ retryAfterHolds: holds, maxRetryWaitMs: 1_000 });
    await expect(throttled.getRelationshipRequest()).rejects.toMatchObject({ status: 429 });
    const sent = server.requests.length;

    // Another client of the same backend with the same holds sends nothing while the window runs.
    const other = client({ retryAfterHolds: holds, maxRetryWaitMs: 1_000 });
    const error = await other.getSandboxProfile().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, description: expect.stringMatching(/nothing was sent/) });
    expect((error as PartnerCenterError).retryAfterMs).toBeGreaterThan(28_000);
    expect(server.requests).toHaveLength(sent);

    // A client with holds of its own (another host, another backend) is not held.
    await client({ maxRetryWaitMs: 1_000 })
      .getSandboxProfile()
      .catch(() => undefined);
    expect(server.requests).toHaveLength(sent + 1);
  });

  it('a call that failed without Retry-After while a 429 window began does not lift the hold for the others', async () => {
    // B is under way when A hears a 429 (Retry-After 30); B then fails with a plain 503 and backs off briefly.
    // Its retry must wait for the window like every other call, not send as if the hold were served.
    let sawB = 0;
    server.route('GET', `/v1/customers/${CUSTOMER}/agreements`, (_request, response) => {
      sawB += 1;
      if (sawB === 1) setTimeout(() => json(response, 503, { code: 'ServerBusy', description: 'busy' }), 150);
      else json(response, 200, { totalCount: 0, items: [] });
    });
    server.route('GET', '/v1/customers/relationshiprequests', (_request, response) =>
      json(response, 429, { statusCode: 429, message: 'Try again in 30 seconds.' }, { 'Retry-After': '30' }),
    );
    const shared = client({ maxRetryWaitMs: 1_000 });
    const b = shared.listConfirmations(CUSTOMER).catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await expect(shared.getRelationshipRequest()).rejects.toMatchObject({ status: 429 });
    const outcome = await b;
    expect(outcome).toMatchObject({ status: 429, description: expect.stringMatching(/nothing was sent/) });
    expect(sawB).toBe(1);
  });

  it('does not retry a POST unless told, and never a 4xx', async () => {
    server.route('POST', `/v1/customers/${CUSTOMER}/agreements`, (_request, response) => json(response, 503, 'Service Unavailable'));
    const body = {
      primaryContact: { firstName: 'A', lastName: 'B', email: 'a@b.example' },
      templateId: 't',
      dateAgreed: '2026-01-01T00:00:00.000Z',
      type: 'MicrosoftCustomerAgreement' as const,
    };
    const error = (await client()
      .createAgreement(CUSTOMER, body, { requestId: '0f8fad5b-d9cb-469f-a165-70867728950e' })
      .catch((caught: unknown) => caught)) as PartnerCenterError;
    expect(error.status).toBe(503);
    expect(error.description).toBe('Service Unavailable');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['ms-requestid']).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(JSON.parse(server.requests[0]!.body)).toEqual(body);

    server.route('GET', `/v1/customers/${CUSTOMER}`, (_request, response) =>
      json(response, 404, { code: 60003, description: 'Tenant not found' }),
    );
    await expect(client().getCustomer(CUSTOMER)).rejects.toMatchObject({ status: 404, code: 60003 });
    expect(server.requests.filter((request) => request.path === `/v1/customers/${CUSTOMER}`)).toHaveLength(1);
  });

  it('times out a call that never answers, and reports a reset connection as a network error', async () => {
    server.route('GET', '/v1/customers/relationshiprequests', () => {
      // never answer
    });
    const slow = client({ timeoutMs: 200, maxRetries: 0 });
    await expect(slow.getRelationshipRequest()).rejects.toMatchObject({ kind: 'timeout' });

    server.route('GET', `/v1/customers/${CUSTOMER}/directSignedMicrosoftCustomerAgreementStatus`, (_request, response) => {
      response.socket?.destroy();
    });
    const error = (await client({ maxRetries: 1 })
      .getDirectSignStatus(CUSTOMER)
      .catch((caught: unknown) => caught)) as PartnerCenterError;
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
    expect(server.requests.filter((request) => request.path.endsWith('Status'))).toHaveLength(2);
  });

  it('refuses a 2xx answer that is not what the endpoint returns', async () => {
    server.route('GET', `/v1/customers/${CUSTOMER}/directSignedMicrosoftCustomerAgreementStatus`, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html>login page</html>');
    });
    await expect(client().getDirectSignStatus(CUSTOMER)).rejects.toMatchObject({ kind: 'invalid-response' });
    server.route('GET', `/v1/customers/${CUSTOMER}/directSignedMicrosoftCustomerAgreementStatus`, (_request, response) =>
      json(response, 200, { signed: 'yes' }),
    );
    await expect(client().getDirectSignStatus(CUSTOMER)).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('follows customer continuation links with their headers, without doubling /v1', async () => {
    server.route('GET', '/v1/customers', (request, response) => {
      const token = request.headers['ms-continuationtoken'];
      const item = (n: number) => ({
        id: `00000000-0000-4000-8000-00000000000${n}`,
        companyProfile: { tenantId: `t${n}`, domain: `c${n}.onmicrosoft.com`, companyName: `C${n}` },
      });
      if (!token)
        return json(response, 200, {
          totalCount: 3,
          items: [item(1), item(2)],
          links: {
            next: {
              uri: '/v1/customers?size=2&seekOperation=Next',
              method: 'GET',
              headers: [
                { key: 'MS-ContinuationToken', value: 'page-2' },
                { key: 'Authorization', value: 'Bearer stolen' },
              ],
            },
          },
        });
      expect(token).toBe('page-2');
      json(response, 200, { totalCount: 3, items: [item(3)] });
    });
    const pages = [];
    for await (const page of client().iterateCustomers({ size: 2 })) pages.push(page.items.map((item) => item.companyProfile.companyName));
    expect(pages).toEqual([['C1', 'C2'], ['C3']]);
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/customers?size=2', '/v1/customers?size=2&seekOperation=Next']);
    // A link cannot override the client's own Authorization header.
    expect(server.requests[1]!.headers.authorization).toBe('Bearer token-123');
  });

  it('asks for MCA metadata explicitly, takes the highest versionRank and caches it briefly', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    server.route('GET', '/v1/agreements', (request, response) => {
      expect(request.url).toContain('agreementType=MicrosoftCustomerAgreement');
      json(response, 200, {
        totalCount: 3,
        items: [
          {
            templateId: 'old',
            agreementType: 'MicrosoftCustomerAgreement',
            agreementLink: 'https://aka.ms/customeragreement',
            versionRank: 0,
          },
          { templateId: 'cloud', agreementType: 'MicrosoftCloudAgreement', versionRank: 9 },
          { templateId: 'new', type: 'MicrosoftCustomerAgreement', agreementLink: 'https://aka.ms/customeragreement', versionRank: 2 },
        ],
      });
    });
    const api = client({ now: () => now, metadataTtlMs: 60_000 });
    expect(await Promise.all([api.getMcaTemplate(), api.getMcaTemplate()])).toEqual([
      { templateId: 'new', agreementLink: 'https://aka.ms/customeragreement', versionRank: 2 },
      { templateId: 'new', agreementLink: 'https://aka.ms/customeragreement', versionRank: 2 },
    ]);
    await api.getMcaTemplate();
    expect(server.requests).toHaveLength(1);
    now = new Date(now.getTime() + 61_000);
    await api.getMcaTemplate();
    expect(server.requests).toHaveLength(2);
  });

  it('follows the agreement records continuation token and knows the server clock', async () => {
    server.route('GET', '/v1/partners/customeragreementrecords', (request, response) => {
      const token = new URL(request.url, 'http://x').searchParams.get('continuation_token');
      const record = (id: string) => ({
        customerTenantId: id,
        lastAgreementPrimaryContact: null,
        lastAgreementDateEpoch: null,
        partnerAttestationCompleted: false,
      });
      response.setHeader('Date', new Date(Date.now() + 3_600_000).toUTCString());
      if (!token) return json(response, 200, { customerAgreementRecords: [record('a'), record('b')], continuationToken: 'next-1' });
      json(response, 200, { customerAgreementRecords: [record('c')], continuationToken: null });
    });
    const api = client();
    expect((await api.listAllAgreementRecords()).map((record) => record.customerTenantId)).toEqual(['a', 'b', 'c']);
    expect(Math.abs(api.serverNow().getTime() - (Date.now() + 3_600_000))).toBeLessThan(5_000);
  });
});
