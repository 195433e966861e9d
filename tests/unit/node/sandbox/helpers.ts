/** Test helpers: a sandbox on a free port (in memory) and a small HTTP client for it. */
import { randomUUID } from 'node:crypto';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../../sandbox/index';

export const MCA = '117a77b0-9360-443b-8795-c6dedc750cf9';
export const CLOUD = '998b88de-aa99-4388-a42c-1b3517d49490';
export const CONTOSO = '3b33e682-00c3-41ee-9dd2-a548adf56438';
export const FABRIKAM = '7d8c1e2a-4f36-4b1d-9a57-2c0e8f3b6d41';
export const TAILSPIN = 'c4e9a0b7-5d21-4e8f-b3a6-91f2d7c05e18';
/** The documented confirm sample's customer (seeded without confirmations). */
export const SAMPLE_CUSTOMER = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';

export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  // The legacy era (the seed's sandbox): these tests were written for it. Enhanced-flow tests start with
  // `startTodaySandbox`, which takes the default (retired).
  return startSandbox({ memory: true, port: 0, quiet: true, legacyAttestation: 'available', ...options });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are checked field by field in the tests
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the test reads `text`.
  }
  return { status: response.status, headers: response.headers, body, text };
}

export async function tokenFor(sandbox: { url: string }, userName: string, password = 'sandbox'): Promise<string> {
  const response = await fetch(`${sandbox.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: userName, password }).toString(),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${userName}: ${JSON.stringify(body)}`);
  return body.access_token;
}

export function api(sandbox: { url: string }, token?: string) {
  const auth = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  return {
    get: async (path: string, headers: Record<string, string> = {}) =>
      reply(await fetch(`${sandbox.url}${path}`, { headers: { ...auth(), ...headers } })),
    post: async (path: string, body: unknown, headers: Record<string, string> = {}) =>
      reply(
        await fetch(`${sandbox.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth(), ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
  };
}

export function confirmBody(overrides: Record<string, unknown> = {}, contact: Record<string, unknown> = {}) {
  return {
    primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'someone@example.com', phoneNumber: '1234567890', ...contact },
    templateId: MCA,
    dateAgreed: '2018-06-14T00:00:00.000Z',
    type: 'MicrosoftCustomerAgreement',
    ...overrides,
  };
}

export const requestId = (): string => randomUUID();

/** Contoso's customers in list order (ids and names). */
export async function contosoCustomers(
  sandbox: { url: string },
  token: string,
): Promise<Array<{ id: string; companyName: string; domain: string }>> {
  const page = await api(sandbox, token).get('/v1/customers?size=500');
  return (page.body.items as Array<{ id: string; companyProfile: { companyName: string; domain: string } }>).map((item) => ({
    id: item.id,
    companyName: item.companyProfile.companyName,
    domain: item.companyProfile.domain,
  }));
}

/** A sandbox of Partner Center as it is today: no `legacyAttestation` given, so the default (retired). */
export function startTodaySandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ memory: true, port: 0, quiet: true, ...options });
}

/** The seeded app registrations (reference §2); their secret is the sandbox password. */
export const CONTOSO_APP = '0c0a7050-0000-4000-a000-000000000001';
export const FABRIKAM_APP = '0fab0000-0000-4000-a000-000000000002';
export const TAILSPIN_APP = '07a11000-0000-4000-a000-000000000003';

export async function clientCredentials(sandbox: { url: string }, form: Record<string, string>): Promise<Reply> {
  return reply(
    await fetch(`${sandbox.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', ...form }).toString(),
    }),
  );
}

/** An AppOnly token of a seeded app registration. */
export async function appTokenFor(sandbox: { url: string }, clientId: string, secret = 'sandbox'): Promise<string> {
  const answer = await clientCredentials(sandbox, {
    client_id: clientId,
    client_secret: secret,
    scope: 'https://api.partnercenter.microsoft.com/.default',
  });
  if (!answer.body?.access_token) throw new Error(`no AppOnly token for ${clientId}: ${answer.text}`);
  return answer.body.access_token as string;
}

/** A valid `POST /v1/attestations/enhanced` body for a customer. */
export function attestationBody(customerTenantId: string, overrides: Record<string, unknown> = {}) {
  return {
    customerTenantId,
    country: 'NL',
    language: 'nl-NL',
    companyName: 'Molenaar ICT',
    signatoryFirstName: 'Sanne',
    signatoryLastName: 'de Vries',
    signatoryEmail: 'sanne.devries@molenaar.example',
    signatoryPhoneNumber: '+31 20 794 0000',
    ...overrides,
  };
}

/** The sandbox helper read-out of every attestation (`GET /sandbox/attestations`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- read field by field
export async function attestations(sandbox: { url: string }, query = ''): Promise<Array<Record<string, any>>> {
  const answer = await api(sandbox).get(`/sandbox/attestations${query}`);
  return answer.body.items;
}
