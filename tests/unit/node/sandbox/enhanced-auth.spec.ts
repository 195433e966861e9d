import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { seededUsers } from '../../../../sandbox/index';
import {
  api,
  appTokenFor,
  attestationBody,
  clientCredentials,
  CONTOSO,
  CONTOSO_APP,
  contosoCustomers,
  FABRIKAM_APP,
  requestId,
  startTestSandbox,
  startTodaySandbox,
  TAILSPIN_APP,
  tokenFor,
} from './helpers';

let sandbox: RunningSandbox;
let now = new Date('2026-06-01T09:00:00Z');
let customers: Array<{ id: string; companyName: string }>;

beforeAll(async () => {
  sandbox = await startTodaySandbox({ clock: () => now, tokenTtlSeconds: 600 });
  customers = await contosoCustomers(sandbox, await tokenFor(sandbox, 'admin@contoso.example'));
});
afterAll(() => sandbox.stop());

describe('AppOnly sign-in (grant_type=client_credentials)', () => {
  it('gives each seeded app registration a bearer token with the sandbox password as secret', async () => {
    for (const clientId of [CONTOSO_APP, FABRIKAM_APP, TAILSPIN_APP]) {
      const answer = await clientCredentials(sandbox, {
        client_id: clientId,
        client_secret: 'sandbox',
        scope: 'https://api.partnercenter.microsoft.com/.default',
      });
      expect(answer.status, clientId).toBe(200);
      expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
      expect(typeof answer.body.access_token).toBe('string');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    // Client ids are GUIDs: any case.
    expect((await clientCredentials(sandbox, { client_id: CONTOSO_APP.toUpperCase(), client_secret: 'sandbox' })).status).toBe(200);
  });

  it('refuses a wrong secret or an unknown app with 401 invalid_client, and a missing one with 400 invalid_request', async () => {
    for (const form of [
      { client_id: CONTOSO_APP, client_secret: 'wrong' },
      { client_id: '00000000-0000-4000-a000-000000000009', client_secret: 'sandbox' },
      { client_id: 'x'.repeat(500), client_secret: 'sandbox' },
    ]) {
      const answer = await clientCredentials(sandbox, form);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toBe('invalid_client');
    }
    // A NUL in the name cannot go into the audit log as is (Postgres text): still a plain refusal, not a 500.
    expect((await clientCredentials(sandbox, { client_id: 'a\u0000b', client_secret: 'x' })).status).toBe(401);
    const password = await fetch(`${sandbox.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: 'a\u0000b', password: 'x' }).toString(),
    });
    expect(password.status).toBe(400);
    for (const form of [{ client_id: CONTOSO_APP }, { client_secret: 'sandbox' }, {}] as Array<Record<string, string>>) {
      const answer = await clientCredentials(sandbox, form);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_request');
    }
  });

  it('takes AppOnly tokens only on the enhanced calls and the create-agreement call: every other /v1 call answers 403', async () => {
    const app = api(sandbox, await appTokenFor(sandbox, CONTOSO_APP));
    for (const path of [
      '/v1/customers',
      '/v1/profiles/me',
      '/v1/agreements?agreementType=MicrosoftCustomerAgreement',
      '/v1/partners/customeragreementrecords',
      `/v1/customers/${customers[0]!.id}/agreements`,
    ]) {
      const answer = await app.get(path);
      expect(answer.status, path).toBe(403);
      expect(answer.body.code, path).toBe(600075);
    }
    expect((await app.post('/v1/CreateBulkReAttestation', [])).status).toBe(403);
    expect((await app.post('/v1/customers', {})).status).toBe(403);
    // The enhanced calls take it.
    expect((await app.post('/v1/attestations/enhanced', attestationBody(customers[6]!.id))).status).toBe(201);
  });

  it('refuses App+User tokens on POST /v1/attestations/enhanced with 403, whatever the role', async () => {
    for (const userName of ['admin@contoso.example', 'sales@contoso.example']) {
      const user = api(sandbox, await tokenFor(sandbox, userName));
      const answer = await user.post('/v1/attestations/enhanced', attestationBody(customers[6]!.id));
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 600074 });
      expect(answer.body.description).toMatch(/AppOnly/);
    }
  });

  it('rejects a forged, tampered or foreign AppOnly token with 401', async () => {
    const token = await appTokenFor(sandbox, CONTOSO_APP);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ idtyp: 'app', appid: CONTOSO_APP, tid: CONTOSO });
    expect(claims.upn).toBeUndefined();
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, appid: FABRIKAM_APP })).toString('base64url')}.${signature}`;
    expect((await api(sandbox, forged).get('/v1/attestations/enhanced/00000000-0000-4000-8000-000000000000')).status).toBe(401);
    expect((await api(sandbox, `${token}x`).get('/v1/attestations/enhanced/00000000-0000-4000-8000-000000000000')).status).toBe(401);
    const other = await startTodaySandbox();
    try {
      expect((await api(other, token).get('/v1/attestations/enhanced/00000000-0000-4000-8000-000000000000')).status).toBe(401);
    } finally {
      await other.stop();
    }
  });

  it('expires AppOnly tokens after their lifetime and all at once with the helper', async () => {
    const token = await appTokenFor(sandbox, CONTOSO_APP);
    const read = () => api(sandbox, token).get('/v1/attestations/enhanced/00000000-0000-4000-8000-000000000000');
    expect((await read()).status).toBe(404);
    now = new Date(now.getTime() + 601_000);
    expect((await read()).status).toBe(401);
    const fresh = await appTokenFor(sandbox, CONTOSO_APP);
    expect((await api(sandbox, fresh).get('/v1/attestations/enhanced/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api(sandbox).post('/sandbox/tokens/expire', {})).status).toBe(200);
    const expired = await api(sandbox, fresh).get('/v1/attestations/enhanced/00000000-0000-4000-8000-000000000000');
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
  });
});

describe('MFA on App+User calls (since 1 April 2026)', () => {
  it('answers every App+User call of nomfa@contoso.example with 401 and 900421, saying MFA is required', async () => {
    const token = await tokenFor(sandbox, 'nomfa@contoso.example');
    const user = api(sandbox, token);
    const calls = [
      () => user.get('/v1/profiles/me'),
      () => user.get('/v1/customers'),
      () => user.get(`/v1/customers/${customers[1]!.id}/agreements?agreementType=MicrosoftCustomerAgreement`),
      () => user.get('/v1/partners/customeragreementrecords'),
      () => user.get('/v1/attestations/enhanced/00000000-0000-4000-8000-000000000000'),
      () =>
        user.post(`/v1/customers/${customers[1]!.id}/agreements`, {
          attestationId: '00000000-0000-4000-8000-000000000000',
          type: 'MicrosoftCustomerAgreement',
        }),
      () => user.post('/v1/customers', {}),
    ];
    const before = (await sandbox.inspect.agreements()).length;
    for (const call of calls) {
      const answer = await call();
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe(900421);
      expect(answer.body.description).toMatch(/multi-factor authentication is required/i);
      expect(answer.headers.get('www-authenticate')).toContain('insufficient_claims');
    }
    expect((await sandbox.inspect.agreements()).length).toBe(before);
  });

  it('lets every other seeded user through: their tokens carry the MFA claim', async () => {
    for (const seeded of seededUsers) {
      const token = await tokenFor(sandbox, seeded.userName);
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
      expect(claims.amr).toContain('mfa');
      expect((await api(sandbox, token).get('/v1/profiles/me')).status, seeded.userName).toBe(200);
    }
  });
});

describe('--legacy-attestation available: Partner Center before 5 January 2026, as the seed built it', () => {
  let before2026: RunningSandbox;
  beforeAll(async () => {
    before2026 = await startTestSandbox();
  });
  afterAll(() => before2026.stop());

  it('knows no AppOnly grant, no enhanced path and no MFA rule', async () => {
    expect(before2026.legacyAttestation).toBe('available');
    const grant = await clientCredentials(before2026, { client_id: CONTOSO_APP, client_secret: 'sandbox' });
    expect(grant.status).toBe(400);
    expect(grant.body).toEqual({ error: 'unsupported_grant_type', error_description: 'The sandbox supports grant_type=password only.' });
    const admin = api(before2026, await tokenFor(before2026, 'admin@contoso.example'));
    const notFound = { code: 404, description: 'The requested resource was not found.', data: [], source: 'PartnerApiServiceControllers' };
    expect(
      (await admin.post('/v1/attestations/enhanced', attestationBody(customers[6]!.id), { 'MS-RequestId': requestId() })).body,
    ).toEqual(notFound);
    expect((await admin.get('/v1/attestations/enhanced/00000000-0000-4000-8000-000000000000')).body).toEqual(notFound);
    expect((await api(before2026).get('/customer-acceptance/abc')).status).toBe(404);
    expect((await api(before2026).get('/sandbox/attestations')).status).toBe(404);
    expect((await api(before2026).post('/sandbox/attestations/00000000-0000-4000-8000-000000000000/accept', {})).status).toBe(404);
    // Signing in without MFA was no problem then.
    expect((await api(before2026, await tokenFor(before2026, 'nomfa@contoso.example')).get('/v1/profiles/me')).status).toBe(200);
  });
});
