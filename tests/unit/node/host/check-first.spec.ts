// @vitest-environment node
/**
 * `checkFirst: false` (the outbox's first attempt of a write, outbox/check-first.ts): the host writes
 * without the read, and the write's own answers give the same results the read would have: not
 * accepted yet (retry), expired (failed 600073), finalised already (600061: confirmed, already
 * recorded). A value that is no boolean is refused before anything is sent.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateAttestationResult, FinaliseResult } from '../../../../shared/ipc/enhanced';
import { createRequest, customerOf, data, startEnhancedWorld, type EnhancedWorld } from './enhanced-helpers';

let world: EnhancedWorld;
beforeAll(async () => {
  world = await startEnhancedWorld();
}, 60_000);
afterAll(() => world?.stop());

async function attestation(index: number) {
  const { host } = await world.signedIn('admin@contoso.example');
  const customer = await customerOf(host, index);
  const made = data(await host.dispatch('createEnhancedAttestation', createRequest(customer.id))) as CreateAttestationResult;
  if (made.status !== 'created') throw new Error(`expected created, got ${JSON.stringify(made)}`);
  return { host, customer, attestationId: made.attestation.id };
}

const callsFor = (attestationId: string, customerId: string, from: number) =>
  world.proxy.requests
    .slice(from)
    .filter((call) => call.path.includes(attestationId) || call.path.toLowerCase() === `/v1/customers/${customerId}/agreements`)
    .map((call) => call.method);

describe('a finalise sent with checkFirst: false', () => {
  it('posts without reading first, and answers as the read would: not accepted, then expired', async () => {
    const { host, customer, attestationId } = await attestation(21);
    const request = { requestId: randomUUID(), customerId: customer.id, attestationId, checkFirst: false };
    const from = world.proxy.requests.length;
    expect(data(await host.dispatch('finaliseEnhancedAttestation', request)) as FinaliseResult).toEqual({
      status: 'retry',
      afterMs: 60_000,
      reason: 'The customer has not accepted the Microsoft Customer Agreement yet.',
    });
    expect(callsFor(attestationId, customer.id, from)).toEqual(['POST']);

    await world.expire(attestationId);
    expect(data(await host.dispatch('finaliseEnhancedAttestation', request)) as FinaliseResult).toEqual({
      status: 'failed',
      code: 600073,
      reason: 'The acceptance link expired before the customer accepted: create a new attestation.',
    });
    // The same request with the read first answers the same.
    expect(data(await host.dispatch('finaliseEnhancedAttestation', { ...request, checkFirst: true })) as FinaliseResult).toEqual({
      status: 'failed',
      code: 600073,
      reason: 'The acceptance link expired before the customer accepted: create a new attestation.',
    });
  });

  it('makes the agreement in one request, and a second finalise (600061) is confirmed as already recorded', async () => {
    const { host, customer, attestationId } = await attestation(22);
    await world.accept(attestationId);
    const from = world.proxy.requests.length;
    const done = data(
      await host.dispatch('finaliseEnhancedAttestation', {
        requestId: randomUUID(),
        customerId: customer.id,
        attestationId,
        checkFirst: false,
      }),
    ) as FinaliseResult;
    expect(done).toMatchObject({ status: 'confirmed', alreadyRecorded: false, record: { attestationId } });
    expect(callsFor(attestationId, customer.id, from)).toEqual(['POST']);
    const again = data(
      await host.dispatch('finaliseEnhancedAttestation', {
        requestId: randomUUID(),
        customerId: customer.id,
        attestationId,
        checkFirst: false,
      }),
    ) as FinaliseResult;
    expect(again).toMatchObject({ status: 'confirmed', alreadyRecorded: true, record: { attestationId } });
  });

  it('refuses a checkFirst that is no boolean, and sends nothing', async () => {
    const { host, customer, attestationId } = await attestation(23);
    const from = world.proxy.requests.length;
    const answer = await host.dispatch('finaliseEnhancedAttestation', {
      requestId: randomUUID(),
      customerId: customer.id,
      attestationId,
      checkFirst: 'no',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(world.proxy.requests.length).toBe(from);
  });
});
