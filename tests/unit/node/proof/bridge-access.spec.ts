// @vitest-environment node
/**
 * Who may use the bridge, and what a signed-in agent may do through it when the renderer is
 * bypassed: calls without the launch's session cookie, from another Origin, with a forged Host (DNS
 * rebinding) or cross-site fetch metadata are refused with a typed error and do nothing; one launch's
 * cookie is worthless at another; one partner's agent can neither see nor act on another partner's
 * customers; and the role, partner type and date rules hold on direct bridge calls and at the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { startWebApp, type WebApp } from '../../../../electron/web/index';
import { SEEDED_PASSWORD } from '../../../../sandbox/index';
import { calendarDateIn } from '../../../../shared/domain/dates';
import { api, tokenFor } from '../sandbox/helpers';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers ?? {} },
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

class Launch {
  cookie = '';
  constructor(readonly app: WebApp) {}

  static async start(options: Parameters<typeof startWebApp>[0] = {}): Promise<Launch> {
    // These proofs send the seed's attestation: a sandbox that still offers it, unless a test says otherwise.
    const launch = new Launch(
      await startWebApp({
        memory: true,
        log: { warn: () => undefined, error: () => undefined },
        ...options,
        sandbox: { legacyAttestation: 'available', ...options.sandbox },
      }),
    );
    const exchange = await send(launch.app.port, {
      method: 'GET',
      path: `/?token=${launch.app.token}`,
      headers: { Host: `127.0.0.1:${launch.app.port}` },
    });
    launch.cookie = String(exchange.headers['set-cookie']).split(';')[0]!;
    return launch;
  }

  get host(): string {
    return `127.0.0.1:${this.app.port}`;
  }

  headers(extra: Record<string, string | undefined> = {}): Record<string, string> {
    const all: Record<string, string | undefined> = {
      Host: this.host,
      Origin: `http://${this.host}`,
      'Content-Type': 'application/json',
      Cookie: this.cookie,
      'Sec-Fetch-Site': 'same-origin',
      'X-MCA-Desk-Token': this.app.apiSecret,
      ...extra,
    };
    return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
  }

  raw(channel: string, request: unknown = {}, extra: Record<string, string | undefined> = {}): Promise<Reply> {
    return send(this.app.port, { path: `/api/${channel}`, headers: this.headers(extra), body: JSON.stringify(request) });
  }

  async call<T = unknown>(
    channel: string,
    request: unknown = {},
  ): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string; reason?: string } }> {
    return JSON.parse((await this.raw(channel, request)).body);
  }

  async data<T = unknown>(channel: string, request: unknown = {}): Promise<T> {
    const envelope = await this.call<T>(channel, request);
    if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
    return envelope.data;
  }

  signIn(userName: string) {
    return this.data('signIn', { method: 'password', userName, password: SEEDED_PASSWORD });
  }
}

const yesterday = () => calendarDateIn(new Date(Date.now() - 86_400_000), 'UTC');
const contact = (tag: string) => ({ firstName: 'Tania', lastName: 'Carr', email: `tania.${tag.replace(/[^a-z0-9]+/gi, '-')}@example.com` });

describe('the bridge', () => {
  let contoso: Launch;
  let fabrikam: Launch;
  let contosoCustomers: string[];
  let fabrikamCustomers: string[];

  beforeAll(async () => {
    contoso = await Launch.start();
    fabrikam = await Launch.start({ sandboxUrl: contoso.app.sandbox!.url });
    await contoso.signIn('admin@contoso.example');
    await fabrikam.signIn('admin@fabrikam.example');
    contosoCustomers = (await contoso.data<{ items: Array<{ id: string }> }>('listCustomers', { pageSize: 500 })).items.map(
      (item) => item.id,
    );
    fabrikamCustomers = (await fabrikam.data<{ items: Array<{ id: string }> }>('listCustomers', { pageSize: 500 })).items.map(
      (item) => item.id,
    );
  }, 90_000);
  afterAll(async () => {
    await fabrikam?.app.stop();
    await contoso?.app.stop();
  });

  const agreementsAt = async () => (await contoso.app.sandbox!.inspect.agreements()).map((agreement) => agreement.requestId);

  it('refuses calls without the session cookie, from another origin, with a forged Host or cross-site metadata, and nothing happens', async () => {
    const before = await agreementsAt();
    const item = { itemId: randomUUID(), customerId: contosoCustomers[2], primaryContact: contact('refused'), dateAgreed: yesterday() };
    const attempts: Array<[string, Record<string, string | undefined>, number]> = [
      ['no cookie', { Cookie: undefined }, 401],
      ['a wrong cookie', { Cookie: `${contoso.app.cookieName}=${'A'.repeat(43)}` }, 401],
      ["another launch's cookie", { Cookie: fabrikam.cookie }, 401],
      [
        "another launch's cookie value under this launch's name",
        { Cookie: `${contoso.app.cookieName}=${fabrikam.cookie.split('=')[1]}` },
        401,
      ],
      ['the launch token instead of the cookie', { Cookie: `${contoso.app.cookieName}=${contoso.app.token}` }, 401],
      ['the cookie alone, without the page secret', { 'X-MCA-Desk-Token': undefined }, 401],
      ["another launch's page secret", { 'X-MCA-Desk-Token': fabrikam.app.apiSecret }, 401],
      ['the launch token as the page secret', { 'X-MCA-Desk-Token': contoso.app.token }, 401],
      ['no Origin', { Origin: undefined }, 403],
      ['another site as Origin', { Origin: 'http://evil.example' }, 403],
      ['another local port as Origin', { Origin: `http://127.0.0.1:${fabrikam.app.port}` }, 403],
      ['an opaque Origin', { Origin: 'null' }, 403],
      [
        'DNS rebinding (forged Host, matching Origin)',
        { Host: `evil.example:${contoso.app.port}`, Origin: `http://evil.example:${contoso.app.port}` },
        403,
      ],
      ['a Host on another port', { Host: `127.0.0.1:${fabrikam.app.port}`, Origin: `http://127.0.0.1:${fabrikam.app.port}` }, 403],
      [
        'a rebinding-style Host',
        { Host: `127.0.0.1.nip.io:${contoso.app.port}`, Origin: `http://127.0.0.1.nip.io:${contoso.app.port}` },
        403,
      ],
      ['cross-site fetch metadata', { 'Sec-Fetch-Site': 'cross-site' }, 403],
      ['same-site (another local page) fetch metadata', { 'Sec-Fetch-Site': 'same-site' }, 403],
    ];
    for (const [what, headers, status] of attempts) {
      for (const [channel, request] of [
        ['signOut', {}],
        ['submitAttestation', item],
        ['listCustomers', { pageSize: 5 }],
        ['getSession', {}],
      ] as const) {
        const reply = await contoso.raw(channel, request, headers);
        expect(reply.status, `${what}: ${channel}`).toBe(status);
        expect(JSON.parse(reply.body), `${what}: ${channel}`).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
        expect(reply.body, what).not.toContain('Tania');
      }
    }
    // The page itself is served only with the cookie or the right token.
    expect((await send(contoso.app.port, { method: 'GET', path: '/', headers: { Host: contoso.host } })).status).toBe(401);
    expect(
      (await send(contoso.app.port, { method: 'GET', path: `/?token=${fabrikam.app.token}`, headers: { Host: contoso.host } })).status,
    ).toBe(401);
    expect(
      (
        await send(contoso.app.port, {
          method: 'GET',
          path: `/?token=${contoso.app.token}`,
          headers: { Host: `evil.example:${contoso.app.port}` },
        })
      ).status,
    ).toBe(403);
    // Still signed in, nothing sent.
    expect(await contoso.data('getSession')).toMatchObject({ signedIn: true, user: { userName: 'admin@contoso.example' } });
    expect(await agreementsAt()).toEqual(before);
  });

  it("keeps one partner's agent away from another partner's customers and credentials", async () => {
    expect(contosoCustomers.length).toBeGreaterThan(10);
    expect(fabrikamCustomers.length).toBeGreaterThan(3);
    expect(contosoCustomers.filter((id) => fabrikamCustomers.includes(id))).toEqual([]);
    const before = await agreementsAt();
    const foreign = fabrikamCustomers[0]!;
    for (const channel of ['getCustomer', 'listConfirmations', 'getDirectSignStatus'])
      expect(await contoso.call(channel, { customerId: foreign }), channel).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/not-found|forbidden/) },
      });
    const result = await contoso.data<{ status: string }>('submitAttestation', {
      itemId: randomUUID(),
      customerId: foreign,
      primaryContact: contact('foreign'),
      dateAgreed: yesterday(),
    });
    expect(result.status).toBe('failed');
    const bulk = await contoso.data<{ results: Array<{ result: { status: string } }> }>('bulkReattest', {
      items: [{ itemId: randomUUID(), customerId: foreign, primaryContact: contact('foreign-bulk'), dateAgreed: yesterday() }],
    });
    expect(bulk.results.map((entry) => entry.result.status)).toEqual(['failed']);
    expect(await agreementsAt()).toEqual(before);

    // Fabrikam's agent creates a customer on the self-acceptance route; its one-time credentials stay with that launch.
    const created = await fabrikam.data<{ customer: { id: string }; credentialsId: string }>('createCustomer', {
      requestId: randomUUID(),
      customer: {
        companyName: 'Access Test BV',
        domain: `accesstest${Date.now()}.onmicrosoft.com`,
        email: 'it@accesstest.example',
        language: 'nl-NL',
        address: { firstName: 'Tania', lastName: 'Carr', addressLine1: 'Main 1', city: 'Amsterdam', postalCode: '1017 BS', country: 'NL' },
        acceptance: { mode: 'customer-accepts' },
      },
    });
    expect(await fabrikam.data('getCredentials', { credentialsId: created.credentialsId })).toMatchObject({ password: expect.any(String) });
    expect(await contoso.call('getCredentials', { credentialsId: created.credentialsId })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await contoso.call('getCustomer', { customerId: created.customer.id })).toMatchObject({ ok: false });
  });

  it('holds the role, partner type and date rules on direct calls, and the sandbox holds them too', async () => {
    const before = await agreementsAt();
    const customerId = contosoCustomers[6]!;
    const submit = (tag: string, dateAgreed = yesterday(), id = customerId) => ({
      itemId: randomUUID(),
      customerId: id,
      primaryContact: contact(tag),
      dateAgreed,
    });
    const newCustomer = (mode: 'partner-attested' | 'customer-accepts') => ({
      requestId: randomUUID(),
      customer: {
        companyName: 'Rule Test BV',
        domain: `ruletest${randomUUID().slice(0, 8)}.onmicrosoft.com`,
        email: 'it@ruletest.example',
        language: 'nl-NL',
        address: { firstName: 'Tania', lastName: 'Carr', addressLine1: 'Main 1', city: 'Amsterdam', postalCode: '1017 BS', country: 'NL' },
        acceptance: mode === 'partner-attested' ? { mode, primaryContact: contact('new'), dateAgreed: yesterday() } : { mode },
      },
    });
    const agent = await Launch.start({ sandboxUrl: contoso.app.sandbox!.url });
    try {
      for (const userName of ['helpdesk@contoso.example', 'billing@contoso.example']) {
        await agent.signIn(userName);
        expect(await agent.data('submitAttestation', submit(userName)), userName).toMatchObject({
          status: 'failed',
          code: 'role-not-permitted',
        });
        const bulk = await agent.data<{ results: Array<{ result: { status: string; code?: string } }> }>('bulkReattest', {
          items: [submit(`${userName}-bulk`)],
        });
        expect(
          bulk.results.map((entry) => entry.result),
          userName,
        ).toEqual([expect.objectContaining({ status: 'failed', code: 'role-not-permitted' })]);
        for (const mode of ['partner-attested', 'customer-accepts'] as const)
          expect(await agent.call('createCustomer', newCustomer(mode)), `${userName} ${mode}`).toMatchObject({
            ok: false,
            error: { code: 'forbidden' },
          });
      }
      await agent.signIn('admin@tailspin.example');
      const resellerCustomers = (await agent.data<{ items: Array<{ id: string }> }>('listCustomers', { pageSize: 50 })).items.map(
        (item) => item.id,
      );
      expect(resellerCustomers.length).toBeGreaterThan(0);
      expect(await agent.data('submitAttestation', submit('reseller', yesterday(), resellerCustomers[0]))).toMatchObject({
        status: 'failed',
        code: 'partner-type-not-permitted',
      });
      expect(await agent.call('createCustomer', newCustomer('partner-attested'))).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });

      await agent.signIn('admin@contoso.example');
      const future = calendarDateIn(new Date(Date.now() + 2 * 86_400_000), 'UTC');
      expect(await agent.data('submitAttestation', submit('future', future))).toMatchObject({ status: 'failed', code: 'in-future' });
      expect(await agent.data('submitAttestation', submit('old', '2019-02-28'))).toMatchObject({ status: 'failed', code: 'before-floor' });
      expect(
        await agent.call('createCustomer', {
          ...newCustomer('partner-attested'),
          customer: {
            ...newCustomer('partner-attested').customer,
            acceptance: { mode: 'partner-attested', primaryContact: contact('nc'), dateAgreed: future },
          },
        }),
      ).toMatchObject({ ok: false, error: { code: 'rule' } });
    } finally {
      await agent.app.stop();
    }
    expect(await agentsRecordsUnchanged(before)).toBe(true);

    // The sandbox refuses the same requests on its own (someone calling it without MCA Desk).
    const body = (tag: string, dateAgreed: string) => ({
      primaryContact: contact(tag),
      templateId: '117a77b0-9360-443b-8795-c6dedc750cf9',
      dateAgreed,
      type: 'MicrosoftCustomerAgreement',
    });
    const url = { url: contoso.app.sandbox!.url };
    for (const userName of ['helpdesk@contoso.example', 'billing@contoso.example'])
      expect(
        (
          await api(url, await tokenFor(url, userName)).post(
            `/v1/customers/${customerId}/agreements`,
            body('direct', `${yesterday()}T00:00:00.000Z`),
            { 'MS-RequestId': randomUUID() },
          )
        ).status,
        userName,
      ).toBe(403);
    const tailspin = api(url, await tokenFor(url, 'admin@tailspin.example'));
    const resellerCustomer = ((await tailspin.get('/v1/customers?size=10')).body.items as Array<{ id: string }>)[0]!.id;
    expect(
      (
        await tailspin.post(`/v1/customers/${resellerCustomer}/agreements`, body('reseller', `${yesterday()}T00:00:00.000Z`), {
          'MS-RequestId': randomUUID(),
        })
      ).status,
    ).toBe(403);
    const admin = api(url, await tokenFor(url, 'admin@contoso.example'));
    const futureInstant = `${calendarDateIn(new Date(Date.now() + 2 * 86_400_000), 'UTC')}T00:00:00.000Z`;
    const futureReply = await admin.post(`/v1/customers/${customerId}/agreements`, body('future', futureInstant), {
      'MS-RequestId': randomUUID(),
    });
    expect(futureReply.status).toBe(400);
    expect(
      (
        await admin.post(`/v1/customers/${fabrikamCustomers[1]}/agreements`, body('foreign', `${yesterday()}T00:00:00.000Z`), {
          'MS-RequestId': randomUUID(),
        })
      ).status,
    ).toBeGreaterThanOrEqual(403);
    expect(await agentsRecordsUnchanged(before)).toBe(true);
  }, 90_000);

  async function agentsRecordsUnchanged(before: Array<string | null>): Promise<boolean> {
    expect(await agreementsAt()).toEqual(before);
    return true;
  }
});
