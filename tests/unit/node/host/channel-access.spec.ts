// @vitest-environment node
/**
 * The contract declares who may call each channel; the host enforces it once, before any handler
 * runs: a `signed-in` channel called by nobody answers auth-required and touches nothing.
 */
import { describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../../../shared/ipc/contract';
import { createHost } from '../../../../electron/host/host';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../../../electron/host/settings';
import { validRequests } from '../proof/fuzz-payloads';

describe('channel access', () => {
  it('answers every signed-in channel auth-required without a sign-in, before any backend call', async () => {
    const fetched: string[] = [];
    const host = createHost({
      transport: 'browser',
      version: 'test',
      settings: new MemorySettingsStore(),
      secrets: new MemorySecretStore(),
      overrides: { backend: 'sandbox', sandboxUrl: 'http://127.0.0.1:9' },
      fetch: async (input) => {
        fetched.push(String(input));
        throw new Error('no network in this test');
      },
      log: { warn: () => undefined, error: () => undefined },
    });
    const signedIn = channelNames.filter((name) => contract[name].access === 'signed-in');
    expect(signedIn.length).toBeGreaterThan(5);
    for (const name of signedIn)
      expect(await host.dispatch(name, validRequests[name]), name).toMatchObject({
        ok: false,
        error: { code: 'auth-required', retryable: false },
      });
    expect(fetched).toEqual([]);
  });

  it('lets the outbox sends answer auth-required as their result, so the queue pauses instead of failing', async () => {
    const host = createHost({
      transport: 'browser',
      version: 'test',
      settings: new MemorySettingsStore(),
      secrets: new MemorySecretStore(),
      overrides: { backend: 'sandbox', sandboxUrl: 'http://127.0.0.1:9' },
    });
    expect(contract.submitAttestation.access).toBe('anyone');
    expect(await host.dispatch('submitAttestation', validRequests.submitAttestation)).toMatchObject({
      ok: true,
      data: { status: 'auth-required' },
    });
    expect(await host.dispatch('bulkReattest', validRequests.bulkReattest)).toMatchObject({
      ok: true,
      data: { results: [{ result: { status: 'auth-required' } }] },
    });
  });
});
