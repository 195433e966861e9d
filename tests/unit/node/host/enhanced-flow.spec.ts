// @vitest-environment node
/**
 * The host's enhanced attestation flow against a real sandbox of Partner Center today on a random
 * port: create → the signer accepts → finalise → the agreement; exactly once through lost answers
 * (the sandbox acts, the answer never arrives) for create and finalise; 429 with Retry-After; an
 * AppOnly token that expires mid-run; an expired link; and what the audit journal keeps.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreateAttestationResult, FinaliseResult, AttestationView } from '../../../../shared/ipc/enhanced';
import { createRequest, customerOf, data, startEnhancedWorld, type EnhancedWorld } from './enhanced-helpers';

let world: EnhancedWorld;

beforeAll(async () => {
  world = await startEnhancedWorld();
}, 60_000);
afterAll(() => world?.stop());
afterEach(() => {
  world.proxy.rule = () => 'forward';
});

const created = (result: CreateAttestationResult) => {
  if (result.status !== 'created') throw new Error(`expected created, got ${JSON.stringify(result)}`);
  return result;
};

describe('the enhanced attestation flow through the host', () => {
  it('creates, waits for the signer, finalises into an agreement the customer shows, and journals every call', async () => {
    const { host, journal } = await world.signedIn('admin@contoso.example');
    const customer = await customerOf(host, 3);
    const request = createRequest(customer.id);

    const first = created(data(await host.dispatch('createEnhancedAttestation', request)) as CreateAttestationResult);
    expect(first).toMatchObject({
      alreadyCreated: false,
      attestation: { customerId: customer.id, status: 'pending', signatory: { firstName: 'Signe', email: 'signe@customer.example' } },
    });
    expect(first.attestation.acceptanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/customer-acceptance\/[A-Za-z0-9_-]{43}$/);
    const attestationId = first.attestation.id;
    // The create carried the item's id as MS-RequestId, a correlation id, and an AppOnly token (not the user's).
    const post = world.proxy.requests.find((call) => call.method === 'POST' && call.path === '/v1/attestations/enhanced')!;
    expect(post.headers['ms-requestid']).toBe(request.requestId);
    expect(post.headers['ms-correlationid']).toMatch(/^[0-9a-f-]{36}$/);
    const appToken = JSON.parse(Buffer.from(String(post.headers.authorization).split('.')[1]!, 'base64url').toString()) as {
      idtyp: string;
      appid: string;
    };
    expect(appToken).toMatchObject({ idtyp: 'app', appid: '0c0a7050-0000-4000-a000-000000000001' });

    // Not accepted yet: finalising is "later", and nothing was posted.
    const finaliseId = randomUUID();
    const early = data(
      await host.dispatch('finaliseEnhancedAttestation', { requestId: finaliseId, customerId: customer.id, attestationId }),
    ) as FinaliseResult;
    expect(early).toMatchObject({ status: 'retry', afterMs: 60_000, reason: expect.stringContaining('not accepted') });
    expect(world.enhancedCalls().filter((call) => call.method === 'POST' && call.path.endsWith('/agreements'))).toHaveLength(0);

    await world.accept(attestationId);
    expect(data(await host.dispatch('readEnhancedAttestation', { attestationId })) as AttestationView).toMatchObject({
      status: 'accepted',
      acceptedAt: expect.any(String),
    });

    const done = data(
      await host.dispatch('finaliseEnhancedAttestation', { requestId: finaliseId, customerId: customer.id, attestationId }),
    ) as FinaliseResult;
    expect(done).toMatchObject({
      status: 'confirmed',
      alreadyRecorded: false,
      record: {
        customerId: customer.id,
        attestationId,
        primaryContact: { firstName: 'Signe', lastName: 'Akkoord' },
        type: 'MicrosoftCustomerAgreement',
      },
    });
    const confirmations = data(await host.dispatch('listConfirmations', { customerId: customer.id })) as {
      items: Array<{ attestationId?: string }>;
    };
    expect(confirmations.items.at(-1)).toMatchObject({ attestationId });
    expect(data(await host.dispatch('readEnhancedAttestation', { attestationId }))).toMatchObject({
      status: 'finalized',
      agreement: { attestationId },
    });

    const user = data(await host.dispatch('getSession', {})) as { user: { userName: string; userId: string } };
    const entries = await journal.list();
    expect(entries.map((entry) => `${entry.action} ${entry.outcome}`)).toEqual([
      'attestation.create created',
      'attestation.finalise retry',
      'attestation.read accepted',
      'attestation.finalise confirmed',
      'attestation.read finalized',
    ]);
    for (const entry of entries)
      expect(entry).toMatchObject({
        agent: { name: 'admin@contoso.example', objectId: user.user.userId },
        backend: 'sandbox',
        attestationId,
        sent: true,
      });
    expect(entries[0]).toMatchObject({ requestId: request.requestId, customerId: customer.id });
    expect(entries[3]).toMatchObject({ requestId: finaliseId });
    // No token or secret is ever journaled.
    expect(JSON.stringify(entries)).not.toMatch(/eyJ|sandbox@|password|Bearer/);
  });

  it('creates one attestation when the answer to the create is lost and the same item is sent again', async () => {
    const { host } = await world.signedIn();
    const customer = await customerOf(host, 4);
    const request = createRequest(customer.id, { firstName: 'Lotte', lastName: 'Verloren', email: 'lotte@customer.example' });
    let drops = 1;
    world.proxy.rule = (call) =>
      call.method === 'POST' && call.path === '/v1/attestations/enhanced' && drops-- > 0 ? 'drop-response' : 'forward';

    const lost = data(await host.dispatch('createEnhancedAttestation', request)) as CreateAttestationResult;
    expect(lost).toMatchObject({ status: 'retry', reason: expect.stringContaining('could not be reached') });
    const again = created(data(await host.dispatch('createEnhancedAttestation', request)) as CreateAttestationResult);
    expect(again.alreadyCreated).toBe(true);

    const atSandbox = (await world.sandbox.inspect.attestations()).filter((attestation) => attestation.requestId === request.requestId);
    expect(atSandbox).toHaveLength(1);
    expect(atSandbox[0]!.id).toBe(again.attestation.id);
  });

  it('ends confirmed with one agreement when the answer to the finalise is lost, and counts 600061 as done', async () => {
    const { host } = await world.signedIn();
    const customer = await customerOf(host, 5);
    const signatory = { firstName: 'Finn', lastName: 'Alise', email: 'finn@customer.example' };
    const attestation = created(
      data(await host.dispatch('createEnhancedAttestation', createRequest(customer.id, signatory))) as CreateAttestationResult,
    ).attestation;
    await world.accept(attestation.id);
    const finalise = { requestId: randomUUID(), customerId: customer.id, attestationId: attestation.id };
    let drops = 1;
    world.proxy.rule = (call) => (call.method === 'POST' && call.path.endsWith('/agreements') && drops-- > 0 ? 'drop-response' : 'forward');

    expect(data(await host.dispatch('finaliseEnhancedAttestation', finalise))).toMatchObject({ status: 'retry' });
    const retried = data(await host.dispatch('finaliseEnhancedAttestation', finalise)) as FinaliseResult;
    expect(retried).toMatchObject({ status: 'confirmed', alreadyRecorded: true, record: { attestationId: attestation.id } });
    const agreements = (await world.sandbox.inspect.agreements()).filter(
      (agreement) => agreement.customerId === customer.id && agreement.attestationId === attestation.id,
    );
    expect(agreements).toHaveLength(1);

    // A second attestation with the very signatory of the customer's latest agreement: the sandbox says
    // 600061 (the customer has that agreement), which is done, and no second agreement appears.
    const twin = created(
      data(await host.dispatch('createEnhancedAttestation', createRequest(customer.id, signatory))) as CreateAttestationResult,
    ).attestation;
    await world.accept(twin.id);
    const before = (await world.sandbox.inspect.agreements()).length;
    const duplicate = data(
      await host.dispatch('finaliseEnhancedAttestation', { requestId: randomUUID(), customerId: customer.id, attestationId: twin.id }),
    ) as FinaliseResult;
    expect(duplicate).toMatchObject({
      status: 'confirmed',
      alreadyRecorded: true,
      record: { primaryContact: { firstName: 'Finn', email: 'finn@customer.example' } },
    });
    expect((await world.sandbox.inspect.agreements()).length).toBe(before);
  });

  it('waits as a 429 asks (Retry-After), holding every call until then, without a retry loop', async () => {
    const { host } = await world.signedIn();
    const customer = await customerOf(host, 6);
    const request = createRequest(customer.id);
    let throttles = 1;
    world.proxy.rule = (call) =>
      call.path.startsWith('/v1/attestations') && throttles-- > 0
        ? {
            status: 429,
            body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 2 seconds.' },
            headers: { 'Retry-After': '2' },
          }
        : 'forward';
    const throttled = data(await host.dispatch('createEnhancedAttestation', request)) as CreateAttestationResult;
    expect(throttled).toMatchObject({ status: 'retry' });
    expect((throttled as { afterMs: number }).afterMs).toBeGreaterThanOrEqual(1_900);
    expect((throttled as { afterMs: number }).afterMs).toBeLessThanOrEqual(2_000);
    // Inside the window nothing goes out: the next send fails here, with the time left.
    const seen = world.proxy.requests.length;
    const held = data(await host.dispatch('createEnhancedAttestation', request)) as CreateAttestationResult;
    expect(held).toMatchObject({ status: 'retry' });
    expect((held as { afterMs: number }).afterMs).toBeGreaterThan(0);
    expect(world.proxy.requests.length).toBe(seen);
    expect(
      await world.sandbox.inspect.attestations().then((all) => all.filter((attestation) => attestation.requestId === request.requestId)),
    ).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(created(data(await host.dispatch('createEnhancedAttestation', request)) as CreateAttestationResult).alreadyCreated).toBe(false);
  });

  it('gets a new AppOnly token when the cached one expires mid-run, and resends with the same request id', async () => {
    const { host } = await world.signedIn();
    const customer = await customerOf(host, 7);
    created(data(await host.dispatch('createEnhancedAttestation', createRequest(customer.id))) as CreateAttestationResult);
    await world.sandbox.expireAllTokens();
    const request = createRequest(customer.id, { firstName: 'Nieuw', lastName: 'Token', email: 'token@customer.example' });
    const calls = world.proxy.requests.length;

    created(data(await host.dispatch('createEnhancedAttestation', request)) as CreateAttestationResult);
    const posts = world.proxy.requests.slice(calls).filter((call) => call.method === 'POST' && call.path === '/v1/attestations/enhanced');
    expect(posts).toHaveLength(2);
    expect(posts.map((call) => call.headers['ms-requestid'])).toEqual([request.requestId, request.requestId]);
    expect(posts[0]!.headers.authorization).not.toBe(posts[1]!.headers.authorization);
  });

  it('refuses for good to finalise an attestation whose link expired', async () => {
    const { host } = await world.signedIn();
    const customer = await customerOf(host, 8);
    const attestation = created(
      data(await host.dispatch('createEnhancedAttestation', createRequest(customer.id))) as CreateAttestationResult,
    ).attestation;
    await world.expire(attestation.id);
    const result = data(
      await host.dispatch('finaliseEnhancedAttestation', {
        requestId: randomUUID(),
        customerId: customer.id,
        attestationId: attestation.id,
      }),
    ) as FinaliseResult;
    expect(result).toEqual({ status: 'failed', code: 600073, reason: expect.stringContaining('create a new attestation') });
    // Another customer's id with this attestation: not found, nothing made.
    const other = await customerOf(host, 9);
    expect(
      data(
        await host.dispatch('finaliseEnhancedAttestation', {
          requestId: randomUUID(),
          customerId: other.id,
          attestationId: attestation.id,
        }),
      ),
    ).toMatchObject({ status: 'failed', code: 'not-found' });
  });
});
