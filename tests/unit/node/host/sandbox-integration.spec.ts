// @vitest-environment node
/**
 * The host services against the real sandbox on a random port: every channel that reaches the
 * backend, paging, the submit service's guarantees, and the failure classes (401, 403, 429, 5xx,
 * timeouts, lost answers). Lost answers and stale reads come from a proxy in front of the sandbox.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startSandbox, SEEDED_PASSWORD, MCA_TEMPLATE_ID, type RunningSandbox } from '../../../../sandbox/index';
import { createHost, type Host } from '../../../../electron/host/host';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../../../electron/host/settings';
import { SubmitService } from '../../../../electron/host/submit';
import { PartnerCenterClient } from '../../../../electron/host/partner-center/client';
import { PartnerCenterError } from '../../../../electron/host/partner-center/errors';
import type { AuthProvider } from '../../../../electron/host/auth/provider';
import { calendarDateIn } from '../../../../shared/domain/dates';
import type { Envelope } from '../../../../shared/ipc/errors';
import { startLossyProxy, type LossyProxy } from '../helpers/lossy-proxy';

const yesterday = () => calendarDateIn(new Date(Date.now() - 86_400_000), 'UTC');
const tomorrow = () => calendarDateIn(new Date(Date.now() + 2 * 86_400_000), 'UTC');

function data<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`Expected data, got ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

async function tokenFor(sandboxUrl: string, userName: string): Promise<string> {
  const response = await fetch(`${sandboxUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: userName, password: SEEDED_PASSWORD }).toString(),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('the host against the real sandbox', () => {
  let sandbox: RunningSandbox;
  let proxy: LossyProxy;
  const hosts: Host[] = [];

  beforeAll(async () => {
    // The app's enhanced route lands in issue 12: until then it speaks the legacy attestation.
    sandbox = await startSandbox({ port: 0, memory: true, quiet: true, legacyAttestation: 'available' });
    proxy = await startLossyProxy(sandbox.url);
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await sandbox?.stop();
  });
  afterEach(() => {
    proxy.rule = () => 'forward';
    sandbox.setFaults({ latencyMs: 0, failRate: 0, dropRate: 0, rateLimitPerMinute: 0 });
  });

  function newHost(options: { viaProxy?: boolean; timeoutMs?: number; maxRetries?: number } = {}): Host {
    const host = createHost({
      transport: 'browser',
      version: 'test',
      settings: new MemorySettingsStore(),
      secrets: new MemorySecretStore(),
      overrides: { backend: 'sandbox', sandboxUrl: options.viaProxy ? proxy.url : sandbox.url },
      http: { timeoutMs: options.timeoutMs ?? 10_000, maxRetries: options.maxRetries ?? 0, backoffBaseMs: 10 },
      log: { warn: () => undefined, error: () => undefined },
    });
    hosts.push(host);
    return host;
  }

  async function signedIn(userName = 'admin@contoso.example', options: Parameters<typeof newHost>[0] = {}): Promise<Host> {
    const host = newHost(options);
    await host.start();
    data(await host.dispatch('signIn', { method: 'password', userName, password: SEEDED_PASSWORD }));
    return host;
  }

  async function someCustomer(host: Host, index = 0): Promise<string> {
    const page = data(await host.dispatch('listCustomers', { pageSize: 50 })) as { items: Array<{ id: string }> };
    return page.items[index]!.id;
  }

  const item = (customerId: string, overrides: Record<string, unknown> = {}) => ({
    itemId: randomUUID(),
    customerId,
    primaryContact: {
      firstName: 'Tania',
      lastName: 'Carr',
      email: `tania.${randomUUID().slice(0, 8)}@example.com`,
      phoneNumber: '+31 20 123 4567',
    },
    dateAgreed: yesterday(),
    ...overrides,
  });

  async function agreementsWithRequestId(requestId: string) {
    return (await sandbox.inspect.agreements()).filter((agreement) => agreement.requestId === requestId);
  }

  it('signs in with a seeded user, refuses a wrong password, and signs out', async () => {
    const host = newHost();
    await host.start();
    expect(data(await host.dispatch('getSession', {}))).toEqual({ signedIn: false, backend: 'sandbox' });
    const wrong = await host.dispatch('signIn', { method: 'password', userName: 'admin@contoso.example', password: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'auth-required', reason: 'invalid-credentials' } });
    expect(JSON.stringify(wrong)).not.toContain('nope');
    const session = data(
      await host.dispatch('signIn', { method: 'password', userName: 'sales@contoso.example', password: SEEDED_PASSWORD }),
    );
    expect(session).toMatchObject({
      signedIn: true,
      backend: 'sandbox',
      user: {
        userName: 'sales@contoso.example',
        roles: ['sales-agent'],
        partnerType: 'direct-bill',
        partnerName: 'Contoso Cloud Partners',
      },
    });
    expect(JSON.stringify(session)).not.toMatch(/token|eyJ/i);
    const info = data(await host.dispatch('getAppInfo', {})) as { backend: { kind: string; url: string } };
    expect(info.backend).toEqual({ kind: 'sandbox', url: sandbox.url });
    expect(data(await host.dispatch('signOut', {}))).toEqual({ signedIn: false, backend: 'sandbox' });
    expect(await host.dispatch('listCustomers', {})).toMatchObject({ ok: false, error: { code: 'auth-required' } });
  });

  it('answers every read channel from the sandbox', async () => {
    const host = await signedIn();
    expect(data(await host.dispatch('getAgreementMetadata', {}))).toEqual({
      templateId: MCA_TEMPLATE_ID,
      agreementLink: 'https://aka.ms/customeragreement',
      versionRank: 0,
    });
    const customerId = await someCustomer(host);
    const customer = data(await host.dispatch('getCustomer', { customerId })) as {
      id: string;
      country: string;
      language: string;
      contact: { email: string };
    };
    expect(customer.id).toBe(customerId);
    expect(customer.country).toMatch(/^[A-Z]{2}$/);
    expect(customer.contact.email).toContain('@');
    expect(data(await host.dispatch('listConfirmations', { customerId }))).toHaveProperty('items');
    expect(data(await host.dispatch('getDirectSignStatus', { customerId }))).toHaveProperty('isSigned');
    const document = data(await host.dispatch('getTemplateDocument', { country: 'NL', language: 'nl-NL' })) as {
      displayUri: string;
      expiresAt: string;
      country: string;
    };
    expect(document.displayUri).toMatch(/^https?:\/\//);
    expect(document.country).toBe('NL');
    expect(Date.parse(document.expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);
    expect((data(await host.dispatch('getRelationshipRequestLink', {})) as { url: string }).url).toContain(
      'partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438',
    );
    expect(await host.dispatch('getCustomer', { customerId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not-found', status: 404 },
    });
  });

  it('pages through every customer with continuation tokens, and filters by prefix', async () => {
    const host = await signedIn();
    const seen: string[] = [];
    let token: string | null | undefined;
    let pages = 0;
    do {
      const page = data(await host.dispatch('listCustomers', { pageSize: 7, ...(token ? { continuationToken: token } : {}) })) as {
        items: Array<{ id: string }>;
        continuationToken: string | null;
      };
      seen.push(...page.items.map((customer) => customer.id));
      token = page.continuationToken;
      pages += 1;
    } while (token && pages < 100);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
    // Contoso has at least 60 customers. (`totalCount` is not relied on: the docs do not say whether it counts the page or all.)
    expect(seen.length).toBeGreaterThanOrEqual(60);
    // The continuation token is opaque and checked: a forged one is refused.
    expect(
      await host.dispatch('listCustomers', {
        continuationToken: 'c1.' + Buffer.from(JSON.stringify({ u: '/v1/profiles/me', h: [] })).toString('base64url'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    const first = data(await host.dispatch('getCustomer', { customerId: seen[0]! })) as { companyName: string };
    const filtered = data(
      await host.dispatch('listCustomers', { filter: { field: 'CompanyName', prefix: first.companyName.slice(0, 3).toLowerCase() } }),
    ) as { items: Array<{ companyName: string }> };
    expect(filtered.items.length).toBeGreaterThan(0);
    for (const customer of filtered.items)
      expect(customer.companyName.toLowerCase().startsWith(first.companyName.slice(0, 3).toLowerCase())).toBe(true);
  });

  it('submits check-then-post: one agreement, and a replay of the same item is confirmed without a second one', async () => {
    const host = await signedIn();
    const customerId = await someCustomer(host, 1);
    const attestation = item(customerId);
    const first = data(await host.dispatch('submitAttestation', attestation)) as {
      status: string;
      alreadyRecorded: boolean;
      record: { templateId: string; dateAgreed: string };
    };
    expect(first).toMatchObject({
      status: 'confirmed',
      alreadyRecorded: false,
      record: { templateId: MCA_TEMPLATE_ID, dateAgreed: `${attestation.dateAgreed}T00:00:00.000Z` },
    });
    const again = data(await host.dispatch('submitAttestation', attestation));
    expect(again).toMatchObject({ status: 'confirmed', alreadyRecorded: true });
    expect(await agreementsWithRequestId(attestation.itemId)).toHaveLength(1);
  });

  it('creates one agreement when the answer to the POST is lost and the item is sent again', async () => {
    const host = await signedIn('admin@contoso.example', { viaProxy: true });
    const customerId = await someCustomer(host, 2);
    const attestation = item(customerId);
    proxy.rule = (request) => (request.method === 'POST' && request.path.endsWith('/agreements') ? 'drop-response' : 'forward');
    const lost = data(await host.dispatch('submitAttestation', attestation));
    expect(lost).toMatchObject({ status: 'retry' });
    expect(await agreementsWithRequestId(attestation.itemId)).toHaveLength(1);
    proxy.rule = () => 'forward';
    expect(data(await host.dispatch('submitAttestation', attestation))).toMatchObject({ status: 'confirmed', alreadyRecorded: true });
    expect(await agreementsWithRequestId(attestation.itemId)).toHaveLength(1);
    expect(
      proxy.requests.filter((request) => request.method === 'POST' && request.headers['ms-requestid'] === attestation.itemId),
    ).toHaveLength(1);
  });

  it('relies on the backend deduplicating MS-RequestId when the check is fooled (stale read), and on 600061 as confirmed', async () => {
    const host = await signedIn('admin@contoso.example', { viaProxy: true });
    const customerId = await someCustomer(host, 3);
    const attestation = item(customerId);
    proxy.rule = (request) => (request.method === 'POST' ? 'drop-response' : 'forward');
    expect(data(await host.dispatch('submitAttestation', attestation))).toMatchObject({ status: 'retry' });
    // The confirmations read says "nothing yet" (a stale replica): the POST goes out again with the same id.
    proxy.rule = (request) =>
      request.method === 'GET' && request.path.endsWith('/agreements') ? { replaceBody: { totalCount: 0, items: [] } } : 'forward';
    expect(data(await host.dispatch('submitAttestation', attestation))).toMatchObject({ status: 'confirmed' });
    expect(await agreementsWithRequestId(attestation.itemId)).toHaveLength(1);

    // Another item with the same contact as the latest: the backend answers 600061, which is confirmed.
    const duplicate = { ...attestation, itemId: randomUUID() };
    const result = data(await host.dispatch('submitAttestation', duplicate)) as {
      status: string;
      alreadyRecorded: boolean;
      record: { primaryContact: { email: string } };
    };
    expect(result).toMatchObject({
      status: 'confirmed',
      alreadyRecorded: true,
      record: { primaryContact: { email: attestation.primaryContact.email } },
    });
    expect(proxy.requests.some((request) => request.method === 'POST' && request.headers['ms-requestid'] === duplicate.itemId)).toBe(true);
    expect(await agreementsWithRequestId(duplicate.itemId)).toHaveLength(0);
  });

  it('sends concurrent copies of one item exactly once', async () => {
    const one = await signedIn();
    const two = await signedIn();
    const customerId = await someCustomer(one, 4);
    const attestation = item(customerId);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => (index % 2 ? one : two).dispatch('submitAttestation', attestation)),
    );
    for (const result of results) expect(data(result)).toMatchObject({ status: 'confirmed' });
    expect(await agreementsWithRequestId(attestation.itemId)).toHaveLength(1);
  });

  it('refuses role, partner type and date in main even when the renderer is bypassed, sending nothing', async () => {
    const before = (await sandbox.inspect.agreements()).length;
    const helpdesk = await signedIn('helpdesk@contoso.example');
    const customerId = await someCustomer(helpdesk, 5);
    expect(data(await helpdesk.dispatch('submitAttestation', item(customerId)))).toMatchObject({
      status: 'failed',
      code: 'role-not-permitted',
    });
    const billing = await signedIn('billing@contoso.example');
    expect(data(await billing.dispatch('submitAttestation', item(customerId)))).toMatchObject({
      status: 'failed',
      code: 'role-not-permitted',
    });
    const reseller = await signedIn('admin@tailspin.example');
    expect(data(await reseller.dispatch('submitAttestation', item(customerId)))).toMatchObject({
      status: 'failed',
      code: 'partner-type-not-permitted',
    });
    const admin = await signedIn();
    expect(data(await admin.dispatch('submitAttestation', item(customerId, { dateAgreed: tomorrow() })))).toMatchObject({
      status: 'failed',
      code: 'in-future',
    });
    expect(data(await admin.dispatch('submitAttestation', item(customerId, { dateAgreed: '2018-12-31' })))).toMatchObject({
      status: 'failed',
      code: 'before-floor',
    });
    expect(await admin.dispatch('submitAttestation', item(customerId, { dateAgreed: '2026-02-30' }))).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(
      await admin.dispatch('submitAttestation', { ...item(customerId), primaryContact: { firstName: '', lastName: 'X', email: 'x' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect((await sandbox.inspect.agreements()).length).toBe(before);
  });

  it('judges the date against the earliest acceptance day in Settings, and refuses a floor in the future without changing it', async () => {
    const before = (await sandbox.inspect.agreements()).length;
    const admin = await signedIn();
    const customerId = await someCustomer(admin, 6);
    const floor = calendarDateIn(new Date(Date.now() - 30 * 86_400_000), 'UTC');
    expect(data(await admin.dispatch('updateSettings', { acceptanceFloor: floor }))).toMatchObject({ acceptanceFloor: floor });
    const beforeFloor = calendarDateIn(new Date(Date.now() - 31 * 86_400_000), 'UTC');
    expect(data(await admin.dispatch('submitAttestation', item(customerId, { dateAgreed: beforeFloor })))).toMatchObject({
      status: 'failed',
      code: 'before-floor',
      reason: expect.stringContaining(floor),
    });
    expect(await admin.dispatch('updateSettings', { acceptanceFloor: tomorrow() })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', issues: [{ path: 'acceptanceFloor' }] },
    });
    expect(await admin.dispatch('updateSettings', { acceptanceFloor: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(data(await admin.dispatch('getSettings', {}))).toMatchObject({ acceptanceFloor: floor });
    expect((await sandbox.inspect.agreements()).length).toBe(before);
    // On the floor itself the date is taken.
    expect(data(await admin.dispatch('submitAttestation', item(customerId, { dateAgreed: floor })))).toMatchObject({ status: 'confirmed' });
  });

  it("classifies the backend's own refusals: 403 (900150) and 600002 are failed", async () => {
    // A host that believes the user may attest while the token is a Helpdesk agent's: the sandbox refuses with 403.
    const helpdeskToken = await tokenFor(sandbox.url, 'helpdesk@contoso.example');
    const admin = await signedIn();
    const customerId = await someCustomer(admin, 6);
    const client = new PartnerCenterClient({ baseUrl: sandbox.url, getAccessToken: async () => helpdeskToken, maxRetries: 0 });
    const auth = {
      user: () => ({
        userId: randomUUID(),
        userName: 'x@contoso.example',
        displayName: 'X',
        roles: ['admin-agent'],
        partnerType: 'direct-bill',
        partnerTenantId: randomUUID(),
        partnerName: 'Contoso',
      }),
      invalidate: async () => undefined,
    } as unknown as AuthProvider;
    const submit = new SubmitService({ client: () => client, auth: () => auth });
    expect(await submit.submit(item(customerId))).toMatchObject({ status: 'failed', code: 900150 });

    // The backend's clock is two days behind ours: a date we accept is in its future (600002).
    const lagging = await startSandbox({
      port: 0,
      memory: true,
      quiet: true,
      legacyAttestation: 'available',
      clock: () => new Date(Date.now() - 2 * 86_400_000),
    });
    try {
      const token = await tokenFor(lagging.url, 'admin@contoso.example');
      const laggingClient = new PartnerCenterClient({ baseUrl: lagging.url, getAccessToken: async () => token, maxRetries: 0 });
      const submitToLagging = new SubmitService({ client: () => laggingClient, auth: () => auth });
      const result = await submitToLagging.submit(item(customerId, { dateAgreed: calendarDateIn(new Date(), 'UTC') }));
      expect(result).toMatchObject({ status: 'failed', code: 600002 });
    } finally {
      await lagging.stop();
    }
  });

  it('asks to sign in again when the token expired, and keeps nothing half-done', async () => {
    const host = await signedIn();
    const customerId = await someCustomer(host, 7);
    await sandbox.expireAllTokens();
    const before = (await sandbox.inspect.agreements()).length;
    expect(data(await host.dispatch('submitAttestation', item(customerId)))).toMatchObject({ status: 'auth-required' });
    expect(data(await host.dispatch('getSession', {}))).toMatchObject({ signedIn: false });
    expect(await host.dispatch('listConfirmations', { customerId })).toMatchObject({ ok: false, error: { code: 'auth-required' } });
    expect((await sandbox.inspect.agreements()).length).toBe(before);
  });

  it('turns 429 + Retry-After, 5xx and timeouts into retry', async () => {
    const host = await signedIn();
    const customerId = await someCustomer(host, 8);
    sandbox.setFaults({ failRate: 1 });
    expect(data(await host.dispatch('submitAttestation', item(customerId)))).toMatchObject({ status: 'retry' });
    expect(await host.dispatch('getCustomer', { customerId })).toMatchObject({ ok: false, error: { code: 'backend' } });
    sandbox.setFaults({ failRate: 0, rateLimitPerMinute: 1 });
    await host.dispatch('getCustomer', { customerId });
    const throttled = data(await host.dispatch('submitAttestation', item(customerId))) as { status: string; afterMs: number };
    expect(throttled.status).toBe('retry');
    expect(throttled.afterMs).toBeGreaterThan(0);
    expect(throttled.afterMs).toBeLessThanOrEqual(60_000);
    expect(await host.dispatch('getCustomer', { customerId })).toMatchObject({
      ok: false,
      error: { code: 'throttled', retryAfterMs: expect.any(Number) },
    });
    sandbox.setFaults({ rateLimitPerMinute: 0, latencyMs: 1_500 });
    const slow = await signedIn('admin@contoso.example', { timeoutMs: 300 });
    expect(data(await slow.dispatch('submitAttestation', item(customerId)))).toMatchObject({
      status: 'retry',
      reason: expect.stringContaining('in time'),
    });
    expect(await slow.dispatch('getCustomer', { customerId })).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('creates a customer once per request id, keeps the one-time credentials encrypted in main, and hands them out only through getCredentials', async () => {
    const host = await signedIn();
    const requestId = randomUUID();
    const name = `Newco ${requestId.slice(0, 6)}`;
    const customer = {
      companyName: name,
      domain: `newco${requestId.slice(0, 6)}.onmicrosoft.com`,
      email: 'it@newco.example',
      language: 'nl-NL',
      address: {
        firstName: 'Nina',
        lastName: 'de Vries',
        addressLine1: 'Damrak 1',
        city: 'Amsterdam',
        postalCode: '1012 LG',
        country: 'NL',
      },
      acceptance: { mode: 'customer-accepts' },
    };
    const created = data(await host.dispatch('createCustomer', { requestId, customer })) as {
      customer: { id: string; companyName: string; country: string };
      credentialsId?: string;
    };
    expect(created.customer).toMatchObject({ companyName: name, country: 'NL' });
    expect(created.credentialsId).toBe(requestId);
    expect(JSON.stringify(created)).not.toMatch(/password/i);
    const replay = data(await host.dispatch('createCustomer', { requestId, customer })) as {
      customer: { id: string };
      credentialsId?: string;
    };
    expect(replay.customer.id).toBe(created.customer.id);
    const credentials = data(await host.dispatch('getCredentials', { credentialsId: created.credentialsId! })) as {
      userName: string;
      password: string;
    };
    expect(credentials.userName).toContain('@');
    expect(credentials.password.length).toBeGreaterThan(8);
    expect(await host.dispatch('getCredentials', { credentialsId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });

    const helpdesk = await signedIn('helpdesk@contoso.example');
    expect(await helpdesk.dispatch('createCustomer', { requestId: randomUUID(), customer })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const reseller = await signedIn('admin@tailspin.example');
    const attested = {
      ...customer,
      acceptance: {
        mode: 'partner-attested',
        primaryContact: { firstName: 'Nina', lastName: 'de Vries', email: 'nina@newco.example' },
        dateAgreed: yesterday(),
      },
    };
    expect(await reseller.dispatch('createCustomer', { requestId: randomUUID(), customer: attested })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'partner-type-not-permitted' },
    });
    expect(
      await host.dispatch('createCustomer', {
        requestId: randomUUID(),
        customer: { ...attested, acceptance: { ...attested.acceptance, dateAgreed: tomorrow() } },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'rule', reason: 'in-future' },
    });
  });

  it("keeps a new customer's one-time credentials for its creator only, deletes them once sent, and at sign-out", async () => {
    const host = await signedIn();
    const customer = (suffix: string) => ({
      companyName: `Oneco ${suffix}`,
      domain: `oneco${suffix}.onmicrosoft.com`,
      email: 'it@oneco.example',
      language: 'en-US',
      address: {
        firstName: 'Ola',
        lastName: 'Nordmann',
        addressLine1: 'Karl Johans gate 1',
        city: 'Oslo',
        postalCode: '0154',
        country: 'NO',
      },
      acceptance: { mode: 'customer-accepts' },
    });
    const first = randomUUID();
    data(await host.dispatch('createCustomer', { requestId: first, customer: customer(first.slice(0, 6)) }));
    // Another agent on the same computer (same secret store) cannot read or delete them.
    data(await host.dispatch('signIn', { method: 'password', userName: 'sales@contoso.example', password: SEEDED_PASSWORD }));
    expect(await host.dispatch('getCredentials', { credentialsId: first })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(data(await host.dispatch('forgetCredentials', { credentialsId: first }))).toEqual({ forgotten: false });
    data(await host.dispatch('signIn', { method: 'password', userName: 'admin@contoso.example', password: SEEDED_PASSWORD }));
    expect(data(await host.dispatch('getCredentials', { credentialsId: first }))).toMatchObject({ userName: expect.stringContaining('@') });
    // The invitation went out: they are deleted.
    expect(data(await host.dispatch('forgetCredentials', { credentialsId: first }))).toEqual({ forgotten: true });
    expect(await host.dispatch('getCredentials', { credentialsId: first })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('7 days') },
    });

    const second = randomUUID();
    data(await host.dispatch('createCustomer', { requestId: second, customer: customer(second.slice(0, 6)) }));
    data(await host.dispatch('signOut', {}));
    data(await host.dispatch('signIn', { method: 'password', userName: 'admin@contoso.example', password: SEEDED_PASSWORD }));
    expect(await host.dispatch('getCredentials', { credentialsId: second })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it("parses the sandbox's real error bodies loosely into one typed error", async () => {
    const token = await tokenFor(sandbox.url, 'admin@contoso.example');
    const client = new PartnerCenterClient({ baseUrl: sandbox.url, getAccessToken: async () => token, maxRetries: 0 });
    const notFound = (await client.getCustomer(randomUUID()).catch((error: unknown) => error)) as PartnerCenterError;
    expect(notFound).toBeInstanceOf(PartnerCenterError);
    expect(notFound).toMatchObject({ kind: 'http', status: 404 });
    expect(notFound.description.length).toBeGreaterThan(0);
    const invalid = (await client
      .createAgreement(
        randomUUID(),
        {
          primaryContact: { firstName: 'A', lastName: 'B', email: 'a@b.example' },
          templateId: 'no-such-template',
          dateAgreed: '2025-01-01T00:00:00.000Z',
          type: 'MicrosoftCustomerAgreement',
        },
        { requestId: randomUUID() },
      )
      .catch((error: unknown) => error)) as PartnerCenterError;
    expect(invalid).toBeInstanceOf(PartnerCenterError);
    expect([400, 404]).toContain(invalid.status);
    const unauthorised = new PartnerCenterClient({ baseUrl: sandbox.url, getAccessToken: async () => 'not-a-token', maxRetries: 0 });
    await expect(unauthorised.getMcaTemplate()).rejects.toMatchObject({ kind: 'http', status: 401 });
  });
});
