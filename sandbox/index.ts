/**
 * The Partner Center-compatible sandbox, startable in-process: `startSandbox(options)` opens (or
 * creates and seeds) the database, then serves the API on 127.0.0.1. `stop()` finishes the requests
 * under way, then closes the database, so nothing committed is lost.
 */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from './db/database';
import { seedGenerated } from './db/seed';
import { TokenService } from './auth/tokens';
import { UserDirectory } from './auth/users';
import { AppDirectory } from './auth/apps';
import { Templates } from './services/templates';
import { Faults } from './http/faults';
import { Throttle } from './http/throttle';
import { createApp } from './http/app';
import type { SandboxState } from './http/context';
import { defaultDataDir } from './data-dir';
import { listAgreements, listAudit, listDirectAcceptance } from './services/inspect';
import { listAttestations } from './enhanced/inspect';
import { seedEnhanced } from './enhanced/seed';
import { DEFAULT_LEGACY_ATTESTATION, legacyAttestationModes } from './enhanced/contract';
import type { FaultOptions, RunningSandbox, SandboxOptions } from './options';
import { SEEDED_PASSWORD } from './seed-data';

export { SEEDED_PASSWORD, seededUsers, seededPartners, MCA_TEMPLATE_ID, CLOUD_AGREEMENT_TEMPLATE_ID } from './seed-data';
export type { SandboxOptions, RunningSandbox, FaultOptions } from './options';
export type { InspectedAgreement, AuditRecord, InspectedDirectAcceptance } from './services/inspect';
export type { InspectedAttestation } from './enhanced/inspect';
export { noMfaUser } from './seed-data';
export { seededAppRegistrations, type LegacyAttestation } from './enhanced/contract';
export { defaultDataDir } from './data-dir';

export const DEFAULT_PORT = 4010;
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
const DRAIN_TIMEOUT_MS = 5000;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const started = performance.now();
  if (options.legacyAttestation !== undefined && !legacyAttestationModes.includes(options.legacyAttestation))
    throw new Error(`legacyAttestation must be ${legacyAttestationModes.join(' or ')}.`);
  const clock = options.clock ?? (() => new Date());
  const memory = options.memory ?? false;
  const dataDir = memory ? undefined : (options.dataDir ?? defaultDataDir());
  const { db, created } = await openDatabase({ ...(dataDir ? { dataDir } : {}), memory });
  let server: Server | undefined;
  try {
    if (options.customers && options.customers > 0) await seedGenerated(db, Math.floor(options.customers));
    await seedEnhanced(db, clock());
    const state: SandboxState = {
      db,
      tokens: await TokenService.load(db, { freshKey: created }),
      users: await UserDirectory.load(db),
      apps: new AppDirectory(),
      templates: await Templates.load(db),
      clock,
      faults: new Faults({ latencyMs: options.latencyMs ?? 0, failRate: options.failRate ?? 0, dropRate: options.dropRate ?? 0 }),
      throttle: new Throttle(0, () => clock().getTime()),
      password: options.password ?? SEEDED_PASSWORD,
      tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
      quiet: options.quiet ?? false,
      legacyAttestation: options.legacyAttestation ?? DEFAULT_LEGACY_ATTESTATION,
      origin: '',
    };
    state.throttle.set(options.rateLimitPerMinute ?? 0);
    const app = createApp(state);

    let inFlight = 0;
    let drained: (() => void) | undefined;
    server = createAdaptorServer({
      fetch: async (request, env) => {
        inFlight += 1;
        try {
          return await app.fetch(request, env);
        } finally {
          inFlight -= 1;
          if (inFlight === 0) drained?.();
        }
      },
    }) as Server;
    const listening = server;
    const port = await new Promise<number>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(options.port ?? DEFAULT_PORT, '127.0.0.1', () => {
        listening.off('error', reject);
        resolve((listening.address() as AddressInfo).port);
      });
    });
    state.origin = `http://127.0.0.1:${port}`;

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => listening.close(() => resolve()));
        listening.closeIdleConnections();
        if (inFlight > 0)
          await Promise.race([
            new Promise<void>((resolve) => (drained = resolve)),
            new Promise<void>((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref()),
          ]);
        // Let the last answers reach their sockets, closing each connection as it goes idle.
        const settle = setInterval(() => listening.closeIdleConnections(), 25);
        await Promise.race([closed, new Promise<void>((resolve) => setTimeout(resolve, 1000).unref())]);
        clearInterval(settle);
        listening.closeAllConnections();
        await closed;
        await db.close();
      })();
      return stopping;
    };

    return {
      url: `http://127.0.0.1:${port}`,
      port,
      dataDir,
      startupMs: Math.round(performance.now() - started),
      legacyAttestation: state.legacyAttestation,
      stop,
      setFaults(faults: FaultOptions) {
        state.faults.set(faults);
        if (faults.rateLimitPerMinute !== undefined) state.throttle.set(faults.rateLimitPerMinute);
      },
      expireAllTokens: () => state.tokens.expireAll(),
      inspect: {
        agreements: () => listAgreements(db),
        audit: () => listAudit(db),
        attestations: () => listAttestations(db, state.origin, clock()),
        directAcceptance: (partnerTenantId?: string) => listDirectAcceptance(db, partnerTenantId ? { partnerTenantId } : {}),
      },
    };
  } catch (error) {
    server?.close();
    await db.close();
    throw error;
  }
}
