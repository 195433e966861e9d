/**
 * The enhanced soak: enhanced attestations (Partner Center today: create → the signer accepts at the
 * link → finalise) through the same faults and kills as the legacy soak (tests/soak/harness.ts),
 * with the renderer's real sync engine and Dexie outbox on fake-indexeddb, the real host services
 * and a real sandbox of Partner Center today behind the counting fault proxy.
 *
 * - The "agent" marks each link sent once it is ready (as copying it does), and a "signer" accepts
 *   every created attestation through the sandbox helper (`POST /sandbox/attestations/{id}/accept`)
 *   at a random moment: sometimes before the outbox even learned the attestation exists (the create's
 *   answer lost), sometimes while a read is in flight, sometimes only after several reads.
 * - Kills (window, bridge or both) land at random moments, among them: a create in flight; a create
 *   that landed and answered, with the renderer gone before it wrote the answer; a read in flight; a
 *   finalise in flight; a finalise that landed and answered, unwritten; just before or after an
 *   outbox write; while items wait between reads.
 * - The verdict is item by item: each item confirmed exactly once (outbox state, one `confirmed`
 *   audit entry), and the sandbox holds exactly one attestation (by its MS-RequestId, the item id) and
 *   one agreement (made from that attestation, with the item's finalise request id) per item.
 *
 * Shortened time: the engine's clock runs `watchSpeedup` times faster than the wall clock, so the
 * watching schedule (30 s between reads of a sent link, the hourly read of an unsent one), the
 * watching budget's 60-second window and the 2-minute lease all pass that many times faster. The
 * backoff policy and every Retry-After the host answers are scaled up by the same factor, so retries
 * still wait as long in real time as the host and the backend asked (checked on the wire, as in the
 * legacy soak). The sandbox keeps real time (links valid for 7 days of it).
 */
import './fake-idb';
import { randomUUID } from 'node:crypto';
import { startSandbox, SEEDED_PASSWORD, type InspectedAttestation, type RunningSandbox } from '../../sandbox/index';
import { MemorySecretStore } from '../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../electron/host/settings';
import { McaDeskDatabase } from '../../renderer/src/db/database';
import type { OutboxItem } from '../../renderer/src/db/rows';
import { DexieOutboxStorage } from '../../renderer/src/db/outbox-storage';
import { OutboxQueue } from '../../renderer/src/outbox/queue';
import { enqueueEnhancedAttestation, markLinkSent } from '../../renderer/src/outbox/commands';
import { SyncEngine, type DrainReport } from '../../renderer/src/outbox/engine';
import { channelTransport } from '../../renderer/src/outbox/channel-transport';
import type { OutboxTransport, SendResult } from '../../renderer/src/outbox/ports';
import { dispatcherCall } from '../unit/node/helpers/dispatcher-call';
import { seededRandom, startFaultProxy, type FaultMix, type FaultProxy } from './fault-proxy';
import { FencedRepository, HostLife, KILLED, liveUntilDrained, retryAfterViolationsOf, sleep, type KillKind } from './harness';

/** Where a kill lands in an enhanced item's life. */
export type EnhancedKillMoment =
  'create-in-flight' | 'create-answered' | 'watch-in-flight' | 'finalise-in-flight' | 'finalise-answered' | 'outbox-write' | 'waiting';

export const ENHANCED_KILL_MOMENTS: readonly EnhancedKillMoment[] = [
  'create-in-flight',
  'create-answered',
  'watch-in-flight',
  'finalise-in-flight',
  'finalise-answered',
  'outbox-write',
  'waiting',
];

export interface EnhancedKill {
  kind: KillKind;
  moment: EnhancedKillMoment;
}

export interface EnhancedSoakOptions {
  items: number;
  customers: number;
  kills: number;
  /** Kills used in order before any random ones. */
  killPlan?: EnhancedKill[];
  /** A kill is armed this long (real ms) after the previous one, at a moment drawn from the rest. */
  killDelayMs?: [number, number];
  /** Long runs: on average this many confirmations between kills, so kills never starve the queue. */
  killEveryConfirmed?: number;
  /** An armed kill whose moment does not come (no create left to send…) fires after this long anyway (counted as `waiting`). */
  killFallbackMs?: number;
  mix?: FaultMix;
  seed?: number;
  /** The engine's bound: the app's adaptive one unless a fixed number is asked for. */
  concurrency?: number | 'adaptive';
  /** The signer accepts this long (real ms) after the attestation appears at the sandbox. */
  signerDelayMs?: [number, number];
  /** How often the agent and the signer look (real ms); by default a little less often the more items there are. */
  signerPollMs?: number;
  /** How many times faster than the wall clock the engine's clock runs (see the top of the file). */
  watchSpeedup?: number;
  tokenExpiries?: number;
  deadlineMs?: number;
  progressEveryMs?: number;
  log?: (line: string) => void;
}

export interface EnhancedSoakResult {
  items: number;
  kills: number;
  killsByKind: Record<KillKind, number>;
  killsByMoment: Record<EnhancedKillMoment, number>;
  faults: number;
  faultsByKind: Record<string, number>;
  /** Enhanced calls (create, read, finalise) that reached the fault proxy, faulted or not. */
  requests: number;
  requestsByStep: { create: number; read: number; finalise: number };
  confirmed: number;
  /** Items not confirmed, or with no agreement at the sandbox. */
  lost: number;
  /** Attestations and agreements beyond one per item (and attestations of this run under no item's request id). */
  duplicated: number;
  duplicatedAttestations: number;
  duplicatedAgreements: number;
  strays: number;
  auditMismatches: number;
  retryAfterViolations: number;
  reSignIns: number;
  acceptedBySigner: number;
  timeMs: number;
  /** How much time the engine's clock saw pass. */
  virtualMs: number;
  seed: number;
  finished: boolean;
  problems: string[];
}

type Step = 'create' | 'read' | 'finalise';

class EnhancedLife {
  readonly repository: FencedRepository;
  readonly engine: SyncEngine;
  private killedResolve: (value: typeof KILLED) => void = () => undefined;
  readonly killed: Promise<typeof KILLED>;
  steps = 0;
  /** The kill armed in this life, waiting for its moment. */
  armed?: { moment: EnhancedKillMoment; at?: number; phase?: 'before' | 'after'; fire: (moment: EnhancedKillMoment) => void };

  constructor(
    database: McaDeskDatabase,
    transport: OutboxTransport,
    options: { concurrency: number | 'adaptive'; random: () => number; now: () => number; speedup: number },
  ) {
    this.killed = new Promise((resolve) => (this.killedResolve = resolve));
    this.repository = new FencedRepository(new OutboxQueue(new DexieOutboxStorage(database)), (phase) => {
      if (phase === 'before') this.steps += 1;
      const armed = this.armed;
      if (armed?.moment === 'outbox-write' && this.steps >= armed.at! && armed.phase === phase) {
        this.armed = undefined;
        armed.fire('outbox-write');
      }
    });
    const s = options.speedup;
    this.engine = new SyncEngine({
      queue: this.repository,
      transport,
      now: options.now,
      random: options.random,
      owner: randomUUID(),
      concurrency: options.concurrency,
      // The legacy soak's policy in real time: the engine's clock runs `speedup` times faster.
      backoff: { baseMs: 100 * s, capMs: 3_000 * s, minMs: 20 * s },
    });
  }

  get dead(): boolean {
    return this.repository.dead;
  }

  kill(): void {
    this.repository.dead = true;
    this.killedResolve(KILLED);
  }

  race<T>(work: Promise<T>): Promise<T | typeof KILLED> {
    return Promise.race([work, this.killed]);
  }
}

/** A retry's wait, scaled to the engine's fast clock (so it lasts as long in real time as asked). */
function scaled<T extends SendResult | { status: string }>(result: T, speedup: number): T {
  if (result.status === 'retry' && 'afterMs' in result && typeof result.afterMs === 'number')
    return { ...result, afterMs: result.afterMs * speedup };
  return result;
}

export async function runEnhancedSoak(options: EnhancedSoakOptions): Promise<EnhancedSoakResult> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  const between = ([low, high]: [number, number]) => low + random() * (high - low);
  const log = options.log ?? (() => undefined);
  const speedup = options.watchSpeedup ?? 60;
  const started = Date.now();
  const now = () => started + (Date.now() - started) * speedup;
  const deadline = started + (options.deadlineMs ?? 10 * 60_000);
  const userName = 'admin@contoso.example';
  const problems: string[] = [];

  // Partner Center today (the sandbox's default era: the legacy attestation retired).
  const sandbox: RunningSandbox = await startSandbox({ port: 0, memory: true, quiet: true, customers: Math.max(options.customers, 1) });
  const proxy: FaultProxy = await startFaultProxy(() => sandbox.url, {}, seededRandom(seed + 1));
  const settings = new MemorySettingsStore();
  const secrets = new MemorySecretStore();
  const database = new McaDeskDatabase(`enhanced-soak-${seed}-${randomUUID()}`);
  await database.open();
  const storage = new DexieOutboxStorage(database);

  const hostLives: HostLife[] = [];
  let hostLife = new HostLife({ settings, secrets, backendUrl: proxy.url });
  hostLives.push(hostLife);
  await hostLife.host.start();
  const killsByKind: Record<KillKind, number> = { renderer: 0, bridge: 0, both: 0 };
  const killsByMoment = Object.fromEntries(ENHANCED_KILL_MOMENTS.map((moment) => [moment, 0])) as Record<EnhancedKillMoment, number>;
  let killsLeft = options.kills;
  let tokenExpiries = 0;
  let reSignIns = 0;
  let finished = false;
  let confirmedSoFar = 0;
  let acceptedBySigner = 0;

  async function signIn(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > deadline) throw new Error('Could not sign in again before the deadline.');
      const answer = await hostLife.dispatch('signIn', { method: 'password', userName, password: SEEDED_PASSWORD });
      if (answer.ok) return;
      await sleep(100 + attempt * 50);
    }
  }

  let signer: Promise<void> | undefined;
  try {
    await signIn();
    const customerIds = await hostLife.firstCustomerIds(options.customers);

    // The batch, saved as the renderer saves an enhanced request (the item at its create step + its audit entry).
    const items: OutboxItem[] = [];
    for (let n = 0; n < options.items; n++)
      items.push(
        await enqueueEnhancedAttestation(
          {
            customerId: customerIds[n % options.customers]!,
            customerName: `Customer ${n % options.customers}`,
            signer: { firstName: 'Signe', lastName: `Item ${n}`, email: `enhanced.${seed}.${n}@example.com`, phoneNumber: undefined },
            fields: { companyName: `Customer ${n % options.customers} BV`, country: 'NL', language: 'nl-NL', linkExpiryMinutes: 10_080 },
          },
          { storage, actor: userName, now: now() + n },
        ),
      );
    log(`queued ${items.length} enhanced attestations for ${options.customers} customers (seed ${seed}) after ${Date.now() - started} ms`);
    proxy.mix = options.mix ?? {};

    let currentLife: EnhancedLife | undefined;
    const channels = channelTransport(dispatcherCall(() => (channel, payload) => hostLife.dispatch(String(channel), payload)));

    /** One step's call, with the kills that belong to it: in flight, or after the answer came but before it is written. */
    async function step<T extends { status: string }>(name: Step, call: () => Promise<T>): Promise<T> {
      const life = currentLife;
      const armed = life?.armed;
      const inFlight = `${name === 'read' ? 'watch' : name}-in-flight` as EnhancedKillMoment;
      const answered = `${name}-answered` as EnhancedKillMoment;
      if (life && armed?.moment === inFlight) {
        life.armed = undefined;
        // Let the request get under way first (it reaches the sandbox, or not, as a real kill would find it).
        setTimeout(() => armed.fire(inFlight), Math.floor(random() * 25));
      }
      const result = await call();
      if (result.status === 'confirmed') confirmedSoFar += 1;
      if (life && life.armed?.moment === answered && life.armed === armed) {
        // The backend did it and answered; the renderer dies before it writes the answer down.
        life.armed = undefined;
        armed.fire(answered);
      }
      return scaled(result, speedup);
    }

    const transport: OutboxTransport = {
      ...channels,
      batchLimit: 1,
      submit: async () => Promise.reject(new Error('The enhanced soak queues no legacy attestations.')),
      submitBatch: async () => Promise.reject(new Error('The enhanced soak queues no MCA-refresh items.')),
      createAttestation: (item) => step('create', () => channels.createAttestation(item)),
      readAttestation: (item) => step('read', () => channels.readAttestation(item)),
      finaliseAttestation: (item) => step('finalise', () => channels.finaliseAttestation(item)),
    };

    function restartHostSoon(): void {
      setTimeout(
        () => {
          const next = new HostLife({ settings, secrets, backendUrl: proxy.url });
          hostLives.push(next);
          void next.host.start().then(() => {
            hostLife = next;
          });
        },
        between([20, 300]),
      );
    }

    const killPlan = [...(options.killPlan ?? [])];
    const tokenExpiryAt = Array.from({ length: options.tokenExpiries ?? 0 }, () => Math.floor(between([0.1, 0.8]) * items.length)).sort(
      (a, b) => a - b,
    );

    /** The steps the open items were at when the engine last looked: a random kill picks a moment that can still come. */
    let openSteps = new Set<string>(['create']);
    function possibleMoments(): EnhancedKillMoment[] {
      const possible = ENHANCED_KILL_MOMENTS.filter((moment) => {
        if (moment.startsWith('create-')) return openSteps.has('create');
        if (moment === 'watch-in-flight') return openSteps.has('watch');
        if (moment.startsWith('finalise-')) return openSteps.has('watch') || openSteps.has('finalise');
        return true;
      });
      return possible;
    }

    function armKill(life: EnhancedLife): void {
      if (killsLeft <= 0) return;
      const planned = killPlan.shift();
      const arm = (target: EnhancedLife) => {
        if (target.dead) return;
        const choices = possibleMoments();
        const moment = planned?.moment ?? choices[Math.floor(random() * choices.length)]!;
        const roll = random();
        // After the answer came, only the renderer's death loses it (a dead bridge has delivered it already).
        const kind: KillKind =
          planned?.kind ??
          (moment.endsWith('-answered') ? (roll < 0.7 ? 'renderer' : 'both') : roll < 0.5 ? 'renderer' : roll < 0.75 ? 'bridge' : 'both');
        const fire = (at: EnhancedKillMoment) => {
          if (target.dead || killsLeft <= 0 || finished) return;
          killsLeft -= 1;
          killsByKind[kind] += 1;
          killsByMoment[at] += 1;
          if (kind !== 'renderer') {
            hostLife.kill();
            restartHostSoon();
          }
          if (kind === 'bridge') armKill(target);
          else target.kill();
        };
        target.armed =
          moment === 'outbox-write'
            ? { moment, at: target.steps + 1 + Math.floor(random() * 12), phase: random() < 0.5 ? 'before' : 'after', fire }
            : { moment, fire };
        if (moment === 'waiting') {
          target.armed = undefined;
          setTimeout(() => fire('waiting'), between([0, 400]));
          return;
        }
        // The moment may not come in this life after all (the last create went meanwhile…): then it fires anyway.
        const armed = target.armed;
        setTimeout(() => {
          if (target.armed === armed) {
            target.armed = undefined;
            fire('waiting');
          }
        }, options.killFallbackMs ?? 2_000);
      };
      const wait = planned ? 0 : between(options.killDelayMs ?? [50, 800]);
      if (options.killEveryConfirmed && !planned) {
        const target = confirmedSoFar + Math.max(1, Math.round(between([0.3, 1.7]) * options.killEveryConfirmed));
        const poll = () => {
          if (life.dead || finished) return;
          if (confirmedSoFar >= target) arm(life);
          else setTimeout(poll, 50);
        };
        poll();
      } else setTimeout(() => arm(life), wait);
    }

    // The agent and the signer, outside the engine: the link is marked sent once it is ready, and the
    // signer accepts each attestation of this run at a random moment after it appears at the sandbox.
    const scheduled = new Set<string>();
    const accepting: Array<Promise<void>> = [];
    signer = (async () => {
      while (!finished) {
        // The agent (in the window of the moment): each ready link is copied, i.e. marked sent.
        if (currentLife && !currentLife.dead)
          for (const item of await storage.listPending())
            if (item.enhanced?.step === 'watch' && item.enhanced.linkSentAt === undefined)
              await markLinkSent(item.id, random() < 0.5 ? 'email' : 'clipboard', { storage, actor: userName, now: now() }).catch(
                () => undefined,
              );
        const attestations = await sandbox.inspect.attestations().catch(() => [] as InspectedAttestation[]);
        for (const attestation of attestations) {
          // The signer is whoever the link was made for: every attestation of this run, whatever its request id.
          if (!attestation.signatory.email.startsWith(`enhanced.${seed}.`)) continue;
          if (attestation.status !== 'pending' || scheduled.has(attestation.id)) continue;
          scheduled.add(attestation.id);
          accepting.push(
            sleep(between(options.signerDelayMs ?? [0, 1_500])).then(async () => {
              const response = await fetch(`${sandbox.url}/sandbox/attestations/${attestation.id}/accept`, { method: 'POST' });
              if (response.ok) acceptedBySigner += 1;
              else problems.push(`The signer could not accept ${attestation.id}: ${response.status} ${await response.text()}`);
            }),
          );
        }
        await sleep(options.signerPollMs ?? Math.max(100, Math.round(items.length / 5)));
      }
    })();

    async function drive(life: EnhancedLife): Promise<'done' | 'killed'> {
      const recovered = await life.race(life.engine.recover());
      if (recovered === KILLED) return 'killed';
      for (;;) {
        if (Date.now() > deadline) throw new Error('deadline');
        while (tokenExpiryAt[0] !== undefined && tokenExpiryAt[0] <= confirmedSoFar) {
          tokenExpiryAt.shift();
          tokenExpiries += 1;
          await sandbox.expireAllTokens().catch(() => undefined);
        }
        const report: DrainReport | typeof KILLED = await life.race(life.engine.drain());
        if (report === KILLED) return 'killed';
        if (report.paused) {
          reSignIns += 1;
          const signedIn = await life.race(signIn());
          if (signedIn === KILLED) return 'killed';
          life.engine.resume();
          continue;
        }
        const pending = await life.race(life.repository.listPending());
        if (pending === KILLED) return 'killed';
        if (pending.length === 0) return 'done';
        openSteps = new Set(pending.map((item) => item.enhanced?.step ?? 'create'));
        const wait = report.nextDueAt === null ? 50 : Math.min(Math.max((report.nextDueAt - now()) / speedup, 5), 1_000);
        if ((await life.race(sleep(wait))) === KILLED) return 'killed';
      }
    }

    const progress = setInterval(() => {
      const kills = killsByKind.renderer + killsByKind.bridge + killsByKind.both;
      log(
        `enhanced: ${confirmedSoFar}/${items.length} confirmed (as answered), ${acceptedBySigner} accepted by the signer, ${kills} kills, ${Math.round((Date.now() - started) / 1000)} s`,
      );
      // ENHANCED_SOAK_DEBUG=1: every open item with its step, link, due time (real ms) and last error, at each progress line.
      if (process.env.ENHANCED_SOAK_DEBUG)
        void database.outbox.toArray().then((all) =>
          log(
            all
              .filter((item) => item.state !== 'confirmed')
              .map(
                (item) =>
                  `${item.state}/${item.enhanced?.step}/${item.enhanced?.linkSentAt ? 'sent' : 'unsent'}/${Math.round((item.nextAttemptAt - now()) / speedup)}ms/${item.lastError?.reason ?? ''}`,
              )
              .join('\n'),
          ),
        );
    }, options.progressEveryMs ?? 15_000);
    let outcome: 'done' | 'deadline';
    try {
      outcome = await liveUntilDrained(
        () => {
          const life = new EnhancedLife(database, transport, { concurrency: options.concurrency ?? 'adaptive', random, now, speedup });
          currentLife = life;
          armKill(life);
          return life;
        },
        drive,
        () => between([10, 200]),
        problems,
      );
    } finally {
      finished = true;
      clearInterval(progress);
    }
    await signer;
    await Promise.all(accepting);
    const timeMs = Date.now() - started;

    // The verdict, item by item: outbox, audit log, and the sandbox's attestations and agreements.
    const attestations = await sandbox.inspect.attestations();
    const agreements = await sandbox.inspect.agreements();
    // Each item's signer has an address of their own: an item's attestations are those made for its signer,
    // under whatever request id (a duplicate under a fresh id counts too).
    const attestationsBySigner = new Map<string, InspectedAttestation[]>();
    for (const attestation of attestations)
      attestationsBySigner.set(attestation.signatory.email, [
        ...(attestationsBySigner.get(attestation.signatory.email) ?? []),
        attestation,
      ]);
    const agreementsByAttestation = new Map<string, typeof agreements>();
    for (const agreement of agreements)
      if (agreement.attestationId)
        agreementsByAttestation.set(agreement.attestationId, [...(agreementsByAttestation.get(agreement.attestationId) ?? []), agreement]);
    const confirmedAudits = new Map<string, number>();
    for (const entry of await database.audit.toArray())
      if (entry.kind === 'confirmed') confirmedAudits.set(entry.itemId, (confirmedAudits.get(entry.itemId) ?? 0) + 1);
    let confirmed = 0;
    let lost = 0;
    let duplicatedAttestations = 0;
    let duplicatedAgreements = 0;
    let auditMismatches = 0;
    for (const item of items) {
      const stored = await database.outbox.get(item.id);
      const own = attestationsBySigner.get(item.primaryContact.email) ?? [];
      if (own.some((attestation) => attestation.requestId !== item.id))
        problems.push(`Item ${item.id} has an attestation under another request id than the item's own.`);
      const made = own.flatMap((attestation) => agreementsByAttestation.get(attestation.id) ?? []);
      duplicatedAttestations += Math.max(0, own.length - 1);
      duplicatedAgreements += Math.max(0, made.length - 1);
      if (stored?.state === 'confirmed' && made.length >= 1) confirmed += 1;
      if (stored?.state !== 'confirmed' || made.length === 0) lost += 1;
      if ((confirmedAudits.get(item.id) ?? 0) !== 1) auditMismatches += 1;
      if (stored?.state === 'confirmed' && own.length === 1 && stored.record?.attestationId !== own[0]!.id)
        problems.push(`Item ${item.id} was confirmed with another attestation than its own.`);
      for (const agreement of made) {
        if (agreement.requestId !== item.enhanced!.finaliseRequestId)
          problems.push(`Item ${item.id}'s agreement carries request id ${agreement.requestId}, not its finalise request id.`);
        if (agreement.customerId !== item.customerId || agreement.primaryContact.email !== item.primaryContact.email)
          problems.push(`Item ${item.id}'s agreement names another customer or signer.`);
      }
    }
    // Attestations of this run made for no item's signer.
    const signers = new Set(items.map((item) => item.primaryContact.email));
    const strays = attestations.filter(
      (attestation) => attestation.signatory.email.startsWith(`enhanced.${seed}.`) && !signers.has(attestation.signatory.email),
    ).length;
    const requestsByStep = { create: 0, read: 0, finalise: 0 };
    for (const event of proxy.events) {
      if (event.path === '/v1/attestations/enhanced' && event.method === 'POST') requestsByStep.create += 1;
      else if (event.path.startsWith('/v1/attestations/enhanced/') && event.method === 'GET') requestsByStep.read += 1;
      else if (/^\/v1\/customers\/[^/]+\/agreements$/.test(event.path) && event.method === 'POST') requestsByStep.finalise += 1;
    }
    const faultsByKind: Record<string, number> = { ...proxy.counts, tokenExpired: tokenExpiries };
    const violations = hostLives.flatMap((life, index) =>
      retryAfterViolationsOf(life.wire).map((request) => ({ ...request, life: index })),
    );
    for (const request of violations.slice(0, 5))
      problems.push(`${request.method} ${request.path} went ${request.earlyMs} ms inside a Retry-After (host life ${request.life}).`);
    const duplicated = duplicatedAttestations + duplicatedAgreements + strays;
    return {
      items: items.length,
      kills: killsByKind.renderer + killsByKind.bridge + killsByKind.both,
      killsByKind,
      killsByMoment,
      faults: Object.values(faultsByKind).reduce((sum, count) => sum + count, 0),
      faultsByKind,
      requests: requestsByStep.create + requestsByStep.read + requestsByStep.finalise,
      requestsByStep,
      confirmed,
      lost,
      duplicated,
      duplicatedAttestations,
      duplicatedAgreements,
      strays,
      auditMismatches,
      retryAfterViolations: violations.length,
      reSignIns,
      acceptedBySigner,
      timeMs,
      virtualMs: now() - started,
      seed,
      finished: outcome === 'done',
      problems,
    };
  } finally {
    finished = true;
    await signer?.catch(() => undefined);
    hostLife.kill();
    database.close();
    await proxy.close();
    await sandbox.stop();
  }
}

/** Every check of a run held: each item confirmed exactly once, nothing lost, nothing duplicated. */
export function enhancedOk(result: EnhancedSoakResult): boolean {
  return (
    result.finished &&
    result.confirmed === result.items &&
    result.lost === 0 &&
    result.duplicated === 0 &&
    result.auditMismatches === 0 &&
    result.retryAfterViolations === 0 &&
    result.problems.length === 0
  );
}

export interface EnhancedRow {
  run: string;
  items: number;
  kills: number;
  faults: number;
  /** Not counted in the browser run (its calls go through the bridge process). */
  requests: number | null;
  confirmed: number;
  lost: number;
  duplicated: number;
  timeS: number;
}

export function enhancedRow(run: string, result: EnhancedSoakResult): EnhancedRow {
  return { run, ...result, timeS: result.timeMs / 1000 };
}

/** The enhanced table: items, kills, faults, requests, requests per confirmed item, lost, duplicated, seconds. */
export function formatEnhancedTable(rows: EnhancedRow[]): string {
  const header = ['run', 'items', 'kills', 'faults', 'requests', 'requests/confirmed', 'lost', 'duplicated', 'seconds'];
  const cells = rows.map((row) =>
    [
      row.run,
      row.items,
      row.kills,
      row.faults,
      row.requests ?? '–',
      row.confirmed && row.requests !== null ? (row.requests / row.confirmed).toFixed(2) : '–',
      row.lost,
      row.duplicated,
      row.timeS.toFixed(1),
    ].map(String),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) =>
    `| ${values.map((value, column) => (column === 0 ? value.padEnd(widths[column]!) : value.padStart(widths[column]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width, column) => (column === 0 ? ':' : '-') + '-'.repeat(width) + (column === 0 ? '-' : ':')).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

/** The detail line printed under the table. */
export function enhancedDetails(result: EnhancedSoakResult): string {
  return (
    `Enhanced Node run (seed ${result.seed}): kills ${JSON.stringify(result.killsByKind)} at ${JSON.stringify(result.killsByMoment)}; ` +
    `faults ${JSON.stringify(result.faultsByKind)}; requests ${JSON.stringify(result.requestsByStep)}; confirmed ${result.confirmed}/${result.items}; ` +
    `duplicated attestations ${result.duplicatedAttestations}, agreements ${result.duplicatedAgreements}, strays ${result.strays}; ` +
    `audit mismatches ${result.auditMismatches}; requests inside a Retry-After ${result.retryAfterViolations}; re-sign-ins ${result.reSignIns}; ` +
    `accepted by the signer ${result.acceptedBySigner}; engine clock ${(result.virtualMs / 60_000).toFixed(0)} min in ${(result.timeMs / 1000).toFixed(1)} s; ` +
    `drained ${result.finished ? 'yes' : 'NO'}` +
    (result.problems.length ? `; problems: ${result.problems.slice(0, 5).join(' ')}` : '')
  );
}
