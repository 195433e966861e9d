// @vitest-environment node
/**
 * The enhanced attestation and app-credential channels through the browser-mode bridge, against the
 * real host and a sandbox of Partner Center today, as a signed-in Admin agent: requests their schemas
 * refuse get a typed 400; requests that pass but name nothing of this partner (hostile ids, another
 * partner's customer, a garbage PFX) get a typed answer, never `internal`; and nothing changes (no
 * attestation, no agreement, no stored credential, the session and settings as they were).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startWebApp, type WebApp } from '../../../../electron/web/index';
import { ipcErrorSchema } from '../../../../shared/ipc/errors';
import { contract, type ChannelName } from '../../../../shared/ipc/contract';
import { hostileStrings, invalidRequest, validRequests } from './fuzz-payloads';

const ENHANCED_CHANNELS = [
  'createEnhancedAttestation',
  'readEnhancedAttestation',
  'finaliseEnhancedAttestation',
  'getAppCredentialStatus',
  'setAppCredential',
  'removeAppCredential',
] as const;
/** A customer of Fabrikam, not of Contoso (the signed-in partner). */
const FABRIKAM_CUSTOMER_INDEX = 0;

describe('the enhanced channels through the bridge under bad input', () => {
  let app: WebApp;
  let cookie: string;
  let otherPartnersCustomer: string;
  const call = async (channel: string, body: string) => {
    const response = await fetch(`${app.origin}/api/${channel}`, {
      method: 'POST',
      headers: {
        Origin: app.origin,
        'Content-Type': 'application/json',
        Cookie: cookie,
        'Sec-Fetch-Site': 'same-origin',
        'X-MCA-Desk-Token': app.apiSecret,
      },
      body,
    });
    return { status: response.status, envelope: (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string } } };
  };
  const data = async (channel: ChannelName, request: unknown = {}) => {
    const reply = await call(channel, JSON.stringify(request));
    if (!reply.envelope.ok) throw new Error(`${channel}: ${JSON.stringify(reply.envelope)}`);
    return reply.envelope.data;
  };

  async function state() {
    return {
      attestations: (await app.sandbox!.inspect.attestations()).map((attestation) => `${attestation.id} ${attestation.status}`).sort(),
      agreements: (await app.sandbox!.inspect.agreements()).length,
      credential: await data('getAppCredentialStatus'),
      session: await data('getSession'),
      settings: await data('getSettings'),
    };
  }

  beforeAll(async () => {
    app = await startWebApp({
      memory: true,
      sandbox: { legacyAttestation: 'retired' },
      log: { warn: () => undefined, error: () => undefined },
    });
    const exchange = await fetch(`${app.url}`, { redirect: 'manual' });
    cookie = String(exchange.headers.get('set-cookie')).split(';')[0]!;
    await data('signIn', { method: 'password', userName: 'sales@fabrikam.example', password: 'sandbox' });
    otherPartnersCustomer = ((await data('listCustomers', { pageSize: 5 })) as { items: Array<{ id: string }> }).items[
      FABRIKAM_CUSTOMER_INDEX
    ]!.id;
    await data('signOut');
    await data('signIn', validRequests.signIn);
  }, 90_000);
  afterAll(() => app?.stop());

  it('answers a typed 400 for every request the schemas refuse, and nothing changes', async () => {
    const before = await state();
    for (const channel of ENHANCED_CHANNELS) {
      await fc.assert(
        fc.asyncProperty(invalidRequest(channel), async (request) => {
          const reply = await call(channel, JSON.stringify(request ?? null));
          expect(reply.status, `${channel} ${JSON.stringify(request)?.slice(0, 200)}`).toBe(400);
          expect(ipcErrorSchema.parse(reply.envelope.error)).toMatchObject({ code: 'bad-request' });
        }),
        { numRuns: 25 },
      );
    }
    expect(await state()).toEqual(before);
  }, 120_000);

  it('answers requests that pass the schemas but name nothing of this partner with a typed answer, never internal', async () => {
    const before = await state();
    const guid = fc.uuid({ version: 4 });
    const hostile = fc.oneof(
      fc.constantFrom(...hostileStrings.filter((text) => text.length < 200)),
      fc.string({ minLength: 1, maxLength: 60 }),
    );
    const create = validRequests.createEnhancedAttestation as { attestation: Record<string, unknown> };
    const requests: Array<[ChannelName, fc.Arbitrary<unknown>]> = [
      ['readEnhancedAttestation', guid.map((attestationId) => ({ attestationId }))],
      [
        'finaliseEnhancedAttestation',
        fc.tuple(guid, guid, guid).map(([requestId, customerId, attestationId]) => ({ requestId, customerId, attestationId })),
      ],
      [
        'createEnhancedAttestation',
        fc
          .tuple(guid, fc.constantFrom(otherPartnersCustomer, '00000000-0000-4000-8000-000000000000'), hostile)
          .map(([requestId, customerId, companyName]) => ({ requestId, customerId, attestation: { ...create.attestation, companyName } })),
      ],
      [
        'setAppCredential',
        fc
          .tuple(guid, guid, fc.base64String({ minLength: 4, maxLength: 200 }), hostile)
          .map(([tenantId, clientId, pfxBase64, passphrase]) => ({
            tenantId,
            clientId,
            credential: { kind: 'pfx', pfxBase64, passphrase },
          })),
      ],
      ['removeAppCredential', fc.constant({})],
    ];
    const outcomes = new Set<string>();
    for (const [channel, arbitrary] of requests) {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (request) => {
          fc.pre(contract[channel].request.safeParse(request).success);
          const reply = await call(channel, JSON.stringify(request));
          expect([200, 400, 403, 404, 409, 503], `${channel} ${JSON.stringify(request).slice(0, 160)}`).toContain(reply.status);
          if (!reply.envelope.ok)
            expect(reply.envelope.error?.code, `${channel} ${JSON.stringify(reply.envelope).slice(0, 300)}`).not.toBe('internal');
          const status = (reply.envelope.data as { status?: string } | undefined)?.status;
          outcomes.add(`${channel} ${reply.envelope.ok ? (status ?? 'ok') : reply.envelope.error?.code}`);
          if (status) expect(['failed', 'retry'], `${channel} ${JSON.stringify(reply.envelope)}`).toContain(status);
        }),
        { numRuns: 15 },
      );
    }
    // Each kind of request reached the host and got its typed refusal.
    expect([...outcomes].sort()).toEqual(
      expect.arrayContaining([
        'createEnhancedAttestation failed',
        'finaliseEnhancedAttestation failed',
        'readEnhancedAttestation not-found',
        'removeAppCredential unavailable',
        'setAppCredential unavailable',
      ]),
    );
    expect(await state()).toEqual(before);
    expect(await data('getSession')).toMatchObject({ signedIn: true });
  }, 120_000);
});
