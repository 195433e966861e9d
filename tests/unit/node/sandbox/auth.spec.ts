import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { seededUsers, SEEDED_PASSWORD } from '../../../../sandbox/index';
import { partnerUserSchema } from '../../../../shared/domain/roles';
import { api, CONTOSO, startTestSandbox, tokenFor } from './helpers';

let sandbox: RunningSandbox;
let now = new Date('2026-03-10T12:00:00Z');

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => now, tokenTtlSeconds: 600 });
});
afterAll(() => sandbox.stop());

async function tokenRequest(body: string, contentType = 'application/x-www-form-urlencoded') {
  const response = await fetch(`${sandbox.url}/oauth2/token`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

describe('POST /oauth2/token', () => {
  it('gives a bearer token for every seeded user with the seeded password', async () => {
    expect(SEEDED_PASSWORD).toBe('sandbox');
    for (const user of seededUsers) {
      const reply = await tokenRequest(`grant_type=password&username=${encodeURIComponent(user.userName)}&password=sandbox`);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
      expect(typeof reply.body.access_token).toBe('string');
      expect(reply.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('accepts the user name in any case', async () => {
    expect((await tokenRequest('grant_type=password&username=ADMIN%40Contoso.example&password=sandbox')).status).toBe(200);
  });

  it('refuses bad credentials with 400 invalid_grant', async () => {
    for (const body of [
      'grant_type=password&username=admin%40contoso.example&password=wrong',
      'grant_type=password&username=nobody%40contoso.example&password=sandbox',
      'grant_type=password&username=admin%40contoso.example&password=SANDBOX',
    ]) {
      const reply = await tokenRequest(body);
      expect(reply.status).toBe(400);
      expect(reply.body.error).toBe('invalid_grant');
    }
  });

  it('refuses other grants, missing fields and other content types', async () => {
    expect((await tokenRequest('grant_type=client_credentials&client_id=x')).body.error).toBe('unsupported_grant_type');
    expect((await tokenRequest('grant_type=password&username=admin%40contoso.example')).body.error).toBe('invalid_request');
    const json = await tokenRequest(
      JSON.stringify({ grant_type: 'password', username: 'admin@contoso.example', password: 'sandbox' }),
      'application/json',
    );
    expect(json.status).toBe(400);
    expect(json.body.error).toBe('invalid_request');
  });
});

describe('tokens on /v1', () => {
  it('answers 401 without a token, with a malformed one and with a tampered one', async () => {
    const none = await api(sandbox).get('/v1/customers');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 800001 });
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await api(sandbox, 'not-a-token').get('/v1/customers')).status).toBe(401);
    const token = await tokenFor(sandbox, 'admin@contoso.example');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: seededUsers[1]!.userId })).toString('base64url')}.${signature}`;
    expect((await api(sandbox, forged).get('/v1/profiles/me')).status).toBe(401);
    expect((await api(sandbox, `${token}x`).get('/v1/profiles/me')).status).toBe(401);
    expect((await api(sandbox, token).get('/v1/profiles/me')).status).toBe(200);
  });

  it('expires tokens after their lifetime (by the server clock)', async () => {
    const token = await tokenFor(sandbox, 'sales@contoso.example');
    expect((await api(sandbox, token).get('/v1/profiles/me')).status).toBe(200);
    now = new Date(now.getTime() + 601_000);
    const expired = await api(sandbox, token).get('/v1/profiles/me');
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('expires every token at once (in-process and through POST /sandbox/tokens/expire)', async () => {
    const first = await tokenFor(sandbox, 'admin@contoso.example');
    await sandbox.expireAllTokens();
    expect((await api(sandbox, first).get('/v1/profiles/me')).status).toBe(401);
    const second = await tokenFor(sandbox, 'admin@contoso.example');
    expect((await api(sandbox, second).get('/v1/profiles/me')).status).toBe(200);
    expect((await api(sandbox).post('/sandbox/tokens/expire', {})).status).toBe(200);
    expect((await api(sandbox, second).get('/v1/profiles/me')).status).toBe(401);
  });
});

describe('profiles', () => {
  it('GET /v1/profiles/me answers the signed-in user as partnerUserSchema', async () => {
    for (const user of seededUsers) {
      const me = await api(sandbox, await tokenFor(sandbox, user.userName)).get('/v1/profiles/me');
      expect(me.status).toBe(200);
      expect(partnerUserSchema.parse(me.body)).toEqual(user);
    }
    // An indirect reseller learns its indirect provider's name (for the invitation addressed to it).
    const reseller = await api(sandbox, await tokenFor(sandbox, 'admin@tailspin.example')).get('/v1/profiles/me');
    expect(reseller.body).toMatchObject({ partnerName: 'Tailspin Resellers', providerName: 'Fabrikam Distribution' });
    expect((await api(sandbox, await tokenFor(sandbox, 'admin@contoso.example')).get('/v1/profiles/me')).body.providerName).toBeUndefined();
  });

  it('GET /v1/profiles/organization answers the partner organisation', async () => {
    const org = await api(sandbox, await tokenFor(sandbox, 'helpdesk@contoso.example')).get('/v1/profiles/organization');
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({
      id: CONTOSO,
      companyName: 'Contoso Cloud Partners',
      attributes: { objectType: 'OrganizationProfile' },
    });
  });
});

describe('headers', () => {
  it('echoes MS-CorrelationId and MS-RequestId, and makes a request id up when none is sent', async () => {
    const token = await tokenFor(sandbox, 'admin@contoso.example');
    const correlation = '0f6d9a44-3a55-4a3e-9a0e-1f2b3c4d5e6f';
    const request = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    const echoed = await api(sandbox, token).get('/v1/profiles/me', {
      'MS-CorrelationId': correlation,
      'MS-RequestId': request,
      'X-Locale': 'nl-NL',
    });
    expect(echoed.headers.get('ms-correlationid')).toBe(correlation);
    expect(echoed.headers.get('ms-requestid')).toBe(request);
    expect(echoed.headers.get('content-language')).toBe('en-US');
    const made = await api(sandbox, token).get('/v1/profiles/me');
    expect(made.headers.get('ms-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses malformed MS-RequestId, MS-CorrelationId and X-Locale with 400', async () => {
    const token = await tokenFor(sandbox, 'admin@contoso.example');
    const cases: Array<Record<string, string>> = [
      { 'MS-RequestId': 'not-a-guid' },
      { 'MS-CorrelationId': '<script>' },
      { 'X-Locale': 'en_US; drop table' },
    ];
    for (const headers of cases) {
      const reply = await api(sandbox, token).get('/v1/profiles/me', headers);
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe(2000);
    }
  });
});
