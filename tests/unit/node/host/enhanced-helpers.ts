/**
 * What the enhanced-flow host tests share: a sandbox of Partner Center today (`retired`, the default)
 * on a random port, a lossy proxy in front of it, hosts signed in as seeded users, and the helpers
 * a signer would use (accept, expire).
 */
import { randomUUID } from 'node:crypto';
import { startSandbox, SEEDED_PASSWORD, type RunningSandbox } from '../../../../sandbox/index';
import { createHost, type Host } from '../../../../electron/host/host';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../../../electron/host/settings';
import { MemoryAuditJournal } from '../../../../electron/host/audit/journal';
import type { Envelope } from '../../../../shared/ipc/errors';
import type { CreateAttestationRequest } from '../../../../shared/ipc/enhanced';
import { startLossyProxy, type LossyProxy } from '../helpers/lossy-proxy';

export function data<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`Expected data, got ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

export interface TestHost {
  host: Host;
  journal: MemoryAuditJournal;
  secrets: MemorySecretStore;
}

export interface EnhancedWorld {
  sandbox: RunningSandbox;
  proxy: LossyProxy;
  /** A host on the proxy (so answers can be lost), not signed in. */
  newHost(options?: { secrets?: MemorySecretStore }): Promise<TestHost>;
  /** A host signed in as this seeded user. */
  signedIn(userName?: string): Promise<TestHost>;
  /** The signer accepts, as at the acceptance page (sandbox helper). */
  accept(attestationId: string): Promise<void>;
  expire(attestationId: string): Promise<void>;
  /** The enhanced calls that reached the sandbox through the proxy. */
  enhancedCalls(): Array<{ method: string; path: string; requestId?: string; authorization?: string }>;
  stop(): Promise<void>;
}

export async function startEnhancedWorld(): Promise<EnhancedWorld> {
  // Partner Center as it is today: the sandbox's default era.
  const sandbox = await startSandbox({ port: 0, memory: true, quiet: true });
  const proxy = await startLossyProxy(sandbox.url);
  const helper = async (path: string) => {
    const response = await fetch(`${sandbox.url}${path}`, { method: 'POST' });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  const world: EnhancedWorld = {
    sandbox,
    proxy,
    async newHost(options = {}) {
      const journal = new MemoryAuditJournal();
      const secrets = options.secrets ?? new MemorySecretStore();
      const host = createHost({
        transport: 'browser',
        version: 'test',
        settings: new MemorySettingsStore(),
        secrets,
        overrides: { backend: 'sandbox', sandboxUrl: proxy.url },
        http: { timeoutMs: 10_000, maxRetries: 0, backoffBaseMs: 10 },
        journal,
        log: { warn: () => undefined, error: () => undefined },
      });
      await host.start();
      return { host, journal, secrets };
    },
    async signedIn(userName = 'admin@contoso.example') {
      const made = await world.newHost();
      data(await made.host.dispatch('signIn', { method: 'password', userName, password: SEEDED_PASSWORD }));
      return made;
    },
    accept: (id) => helper(`/sandbox/attestations/${id}/accept`),
    expire: (id) => helper(`/sandbox/attestations/${id}/expire`),
    enhancedCalls: () =>
      proxy.requests
        .filter(
          (request) =>
            /^\/v1\/attestations\/enhanced|^\/v1\/customers\/[^/]+\/agreements$/i.test(request.path) &&
            !(request.method === 'GET' && request.path.endsWith('/agreements')),
        )
        .map((request) => ({
          method: request.method,
          path: request.path,
          requestId: request.headers['ms-requestid'] as string | undefined,
          authorization: request.headers.authorization,
        })),
    async stop() {
      await proxy.close();
      await sandbox.stop();
    },
  };
  return world;
}

/** A Contoso customer (by index in the first page of the list). */
export async function customerOf(host: Host, index: number): Promise<{ id: string; companyName: string }> {
  const page = data(await host.dispatch('listCustomers', { pageSize: 100 })) as { items: Array<{ id: string; companyName: string }> };
  return page.items[index]!;
}

export function createRequest(
  customerId: string,
  signatory: { firstName: string; lastName: string; email: string } = {
    firstName: 'Signe',
    lastName: 'Akkoord',
    email: 'signe@customer.example',
  },
): CreateAttestationRequest {
  return {
    requestId: randomUUID(),
    customerId,
    attestation: {
      country: 'NL',
      language: 'nl-NL',
      companyName: 'Klant BV',
      signatoryFirstName: signatory.firstName,
      signatoryLastName: signatory.lastName,
      signatoryEmail: signatory.email,
      linkExpiryMinutes: 600,
    },
  };
}
