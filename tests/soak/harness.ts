/**
 * The Node-level fault harness: the renderer's real sync engine and Dexie outbox (on fake-indexeddb),
 * the real host services (submit service, Partner Center client, sandbox sign-in) and the real
 * sandbox (PGlite on disk), with a counting fault proxy between host and sandbox.
 *
 * "Kills" are simulated in-process, the way a dead process looks to the others:
 * - renderer killed (the window or browser closed): the engine's outbox is fenced, so nothing it
 *   does afterwards reaches IndexedDB (an operation under way either committed just before the kill
 *   or never started); its submits in flight still run to the end at the host and the sandbox;
 * - bridge killed (the host process gone): the host's HTTP requests are aborted mid-flight (a request
 *   already received by the sandbox still takes effect), its answers are lost, and until a new host
 *   starts on the same secret store every submit answers "local service unreachable";
 * - both at once.
 * A new engine (a new leader with a new lease owner) recovers the leases and goes on with the same
 * IndexedDB; a new host restores the session from the secret store. Faults meanwhile: the proxy's
 * 5xx, dropped connections (before and after the sandbox acted), 429 windows with Retry-After and
 * latency; every token expired at the sandbox; the sandbox stopped and started again on its data.
 */
import './fake-idb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startSandbox, SEEDED_PASSWORD, type InspectedAgreement, type RunningSandbox } from '../../sandbox/index';
import { createHost, type Host } from '../../electron/host/host';
import { MemorySecretStore } from '../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../electron/host/settings';
import { McaDeskDatabase } from '../../renderer/src/db/database';
import type { OutboxItem } from '../../renderer/src/db/rows';
import { DexieOutboxStorage } from '../../renderer/src/db/outbox-storage';
import { OutboxQueue, type OutboxSteps, type Settlement } from '../../renderer/src/outbox/queue';
import { enqueueAttestation } from '../../renderer/src/outbox/commands';
import { SyncEngine, type DrainReport } from '../../renderer/src/outbox/engine';
import { channelTransport } from '../../renderer/src/outbox/channel-transport';
import { dispatcherCall } from '../unit/node/helpers/dispatcher-call';
import type { OutboxTransport } from '../../renderer/src/outbox/ports';
import type { Envelope } from '../../shared/ipc/errors';
import type { SubmitResult } from '../../shared/ipc/contract';
import { calendarDateIn } from '../../shared/domain/dates';
import { seededRandom, startFaultProxy, type FaultMix, type FaultProxy } from './fault-proxy';

export type KillKind = 'renderer' | 'bridge' | 'both';

/**
 * Where a planned kill lands: just before or just after the Nth outbox write (lease or settle) of the
 * current renderer life commits, or while the Nth submit of that life is on its way to the backend.
 */
export interface PlannedKill {
  kind: KillKind;
  step: number;
  phase: 'before' | 'after' | 'sending';
}

/** A sandbox on disk that can be stopped and started again on the same port and data (shared by runs). */
export class SandboxHandle {
  private constructor(
    public current: RunningSandbox,
    readonly dataDir: string,
    private readonly owned: boolean,
    readonly memory = false,
  ) {}

  /** `memory`: faster to start, but cannot be restarted. */
  static async start(customers: number, memory = false): Promise<SandboxHandle> {
    const dataDir = await mkdtemp(join(tmpdir(), 'mca-faults-'));
    // The app's enhanced route lands in issue 12: until then it speaks the legacy attestation.
    const sandbox = await startSandbox({
      port: 0,
      quiet: true,
      legacyAttestation: 'available',
      customers,
      ...(memory ? { memory: true } : { dataDir: join(dataDir, 'sandbox') }),
    });
    return new SandboxHandle(sandbox, dataDir, true, memory);
  }

  get url(): string {
    return this.current.url;
  }

  /** Stops the sandbox (letting requests under way finish), waits, and starts it again on the same port and data. */
  async restart(pauseMs: number): Promise<void> {
    if (this.memory) throw new Error('An in-memory sandbox cannot be restarted on its data.');
    const port = this.current.port;
    await this.current.stop();
    await sleep(pauseMs);
    // The app's enhanced route lands in issue 12: until then it speaks the legacy attestation.
    this.current = await startSandbox({ port, dataDir: join(this.dataDir, 'sandbox'), quiet: true, legacyAttestation: 'available' });
  }

  async stop(): Promise<void> {
    await this.current.stop().catch(() => undefined);
    if (this.owned) await rm(this.dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export interface FaultRunOptions {
  /** A sandbox to use (several runs may share one); by default each run starts its own. */
  sandbox?: SandboxHandle;
  items: number;
  /** How many customers the items are spread over (several items per customer test the per-customer order). */
  customers: number;
  kills: number;
  /** Kills at exact steps, used in order before any random ones. */
  killPlan?: PlannedKill[];
  /** On average this many confirmations between kills (long runs); otherwise kills follow each other by time. */
  killEveryConfirmed?: number;
  /** A kill is armed this long after the previous one (uniform in the range), or at a random outbox step. */
  killDelayMs?: [number, number];
  tokenExpiries?: number;
  sandboxRestarts?: number;
  mix?: FaultMix;
  seed?: number;
  /** The engine's bound: the app's adaptive one unless a fixed number is asked for. */
  concurrency?: number | 'adaptive';
  userName?: string;
  /** Give up (and report what is left) after this long. */
  deadlineMs?: number;
  /** How often to log progress. */
  progressEveryMs?: number;
  log?: (line: string) => void;
}

export interface ItemVerdict {
  id: string;
  state: OutboxItem['state'] | 'missing';
  agreements: number;
  confirmedAudits: number;
  contactMatches: boolean;
}

export interface FaultRunResult {
  items: number;
  kills: number;
  killsByKind: Record<KillKind, number>;
  faults: number;
  faultsByKind: Record<string, number>;
  confirmed: number;
  duplicates: number;
  lost: number;
  /** Agreements at the sandbox whose request id is no item of this run. */
  strays: number;
  /** Items whose audit trail does not show exactly one confirmation. */
  auditMismatches: number;
  retryAfterViolations: number;
  reSignIns: number;
  timeMs: number;
  seed: number;
  finished: boolean;
  problems: string[];
}

export const KILLED = Symbol('killed');
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One life of the app after another until a life drains the queue: each life but the last ends in a
 * kill, and the next starts after a short pause, as an agent restarts the app. A life's driver throws
 * `deadline` when time ran out; that is a problem of the run, not an error of the harness.
 */
export async function liveUntilDrained<Life>(
  startLife: () => Life,
  drive: (life: Life) => Promise<'done' | 'killed'>,
  pauseMs: () => number,
  problems: string[],
): Promise<'done' | 'deadline'> {
  try {
    for (;;) {
      if ((await drive(startLife())) === 'done') return 'done';
      await sleep(pauseMs());
    }
  } catch (error) {
    if (!(error instanceof Error && error.message === 'deadline')) throw error;
    problems.push('The queue did not drain before the deadline.');
    return 'deadline';
  }
}

/** The outbox as one renderer life sees it: after `kill()` nothing it does reaches the database. */
export class FencedRepository implements OutboxSteps {
  dead = false;
  constructor(
    private readonly inner: OutboxSteps,
    private readonly onStep: (phase: 'before' | 'after') => void,
  ) {}

  private guard<T>(step: boolean, run: () => Promise<T>): Promise<T> {
    if (this.dead) return never();
    if (step) this.onStep('before');
    if (this.dead) return never();
    return run().then(
      (value) => {
        if (step) this.onStep('after');
        return this.dead ? never<T>() : value;
      },
      (error: unknown) => (this.dead ? never<T>() : Promise.reject(error)),
    );
  }

  listPending() {
    return this.guard(false, () => this.inner.listPending());
  }
  lease(ids: readonly string[], owner: string, now: number, leaseMs: number) {
    return this.guard(true, () => this.inner.lease(ids, owner, now, leaseMs));
  }
  settle(itemId: string, owner: string, outcome: Settlement, now: number) {
    return this.guard(true, () => this.inner.settle(itemId, owner, outcome, now));
  }
  recoverLeases(now: number, owner: string, othersToo: boolean) {
    return this.guard(false, () => this.inner.recoverLeases(now, owner, othersToo));
  }
}

/** What the host sent and heard, to check that it waited as a 429's Retry-After told it. */
interface WireLog {
  sequence: number;
  started: Array<{ at: number; sequence: number; method?: string; path?: string }>;
  /** When the client took in a 429 (it reads the body right after noting Retry-After), and how many requests had started by then. */
  throttled: Array<{ at: number; sequence: number; retryAfterMs: number }>;
}

/** Requests this host started after it had taken in a 429, before that 429's Retry-After elapsed. */
export function retryAfterViolations(log: WireLog): number {
  return retryAfterViolationsOf(log).length;
}

/** The requests `retryAfterViolations` counts: what they were, and how early (ms) they went. */
export function retryAfterViolationsOf(log: WireLog): Array<{ method?: string; path?: string; earlyMs: number }> {
  return log.started.flatMap((request) => {
    const broken = log.throttled.filter((answer) => request.sequence > answer.sequence && request.at < answer.at + answer.retryAfterMs - 5);
    if (broken.length === 0) return [];
    const earlyMs = Math.max(...broken.map((answer) => answer.at + answer.retryAfterMs - request.at));
    return [{ method: request.method, path: request.path, earlyMs: Math.round(earlyMs) }];
  });
}

/** One run of the host process: its requests can be cut all at once. */
export class HostLife {
  dead = false;
  private readonly controller = new AbortController();
  host: Host;
  readonly wire: WireLog = { sequence: 0, started: [], throttled: [] };

  constructor(options: { settings: MemorySettingsStore; secrets: MemorySecretStore; backendUrl: string }) {
    const signal = this.controller.signal;
    const wire = this.wire;
    this.host = createHost({
      transport: 'browser',
      version: 'fault-harness',
      settings: options.settings,
      secrets: options.secrets,
      overrides: { backend: 'sandbox', sandboxUrl: options.backendUrl },
      fetch: async (input, init) => {
        const path = new URL(input).pathname;
        if (path.startsWith('/v1/'))
          wire.started.push({ at: performance.now(), sequence: ++wire.sequence, method: init.method ?? 'GET', path });
        const response = await fetch(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, signal]) : signal });
        const retryAfter = Number(response.headers.get('retry-after'));
        if (response.status === 429 && retryAfter > 0) {
          const read = response.text.bind(response);
          Object.defineProperty(response, 'text', {
            value: () => {
              wire.throttled.push({ at: performance.now(), sequence: wire.sequence, retryAfterMs: retryAfter * 1000 });
              return read();
            },
          });
        }
        return response;
      },
      http: { timeoutMs: 15_000, backoffBaseMs: 50, maxRetries: 2, maxRetryWaitMs: 10_000 },
      log: { warn: () => undefined, error: () => undefined },
    });
  }

  async dispatch(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    const unreachable: Envelope<unknown> = {
      ok: false,
      error: { code: 'unavailable', message: "MCA Desk's local service is not reachable." },
    };
    if (this.dead) return unreachable;
    const answer = await this.host.dispatch(channel, payload);
    return this.dead ? unreachable : answer;
  }

  /** The partner's first `count` customers, as the list gives them (the soak's items go to these). */
  async firstCustomerIds(count: number): Promise<string[]> {
    const customerIds: string[] = [];
    let continuationToken: string | undefined;
    while (customerIds.length < count) {
      const page = await this.dispatch('listCustomers', continuationToken ? { continuationToken } : { pageSize: 500 });
      if (!page.ok) throw new Error(`listCustomers failed: ${JSON.stringify(page.error)}`);
      const data = page.data as { items: Array<{ id: string }>; continuationToken: string | null };
      customerIds.push(...data.items.map((item) => item.id));
      if (!data.continuationToken) break;
      continuationToken = data.continuationToken;
    }
    if (customerIds.length < count) throw new Error(`Only ${customerIds.length} customers at the sandbox.`);
    return customerIds;
  }

  kill(): void {
    this.dead = true;
    this.controller.abort();
  }
}

class EngineLife {
  readonly repository: FencedRepository;
  readonly engine: SyncEngine;
  private killedResolve: (value: typeof KILLED) => void = () => undefined;
  readonly killed: Promise<typeof KILLED>;
  steps = 0;
  sends = 0;
  stepKill?: { at: number; phase: PlannedKill['phase']; fire: () => void };

  constructor(database: McaDeskDatabase, transport: OutboxTransport, concurrency: number | 'adaptive', random: () => number) {
    this.killed = new Promise((resolve) => (this.killedResolve = resolve));
    this.repository = new FencedRepository(new OutboxQueue(new DexieOutboxStorage(database)), (phase) => {
      if (phase === 'before') this.steps += 1;
      const plan = this.stepKill;
      if (plan && this.steps >= plan.at && plan.phase === phase) {
        this.stepKill = undefined;
        plan.fire();
      }
    });
    this.engine = new SyncEngine({
      queue: this.repository,
      transport,
      now: Date.now,
      random,
      owner: randomUUID(),
      concurrency,
      backoff: { baseMs: 100, capMs: 3_000, minMs: 20 },
    });
  }

  get dead(): boolean {
    return this.repository.dead;
  }

  /** A submit of this life is about to go to the host. */
  sending(): void {
    this.sends += 1;
    const plan = this.stepKill;
    if (plan && plan.phase === 'sending' && this.sends >= plan.at) {
      this.stepKill = undefined;
      // Let the request get under way first (it reaches the sandbox, or not, as a real kill would find it).
      setTimeout(plan.fire, Math.floor(Math.random() * 25));
    }
  }

  kill(): void {
    this.repository.dead = true;
    this.killedResolve(KILLED);
  }

  race<T>(work: Promise<T>): Promise<T | typeof KILLED> {
    return Promise.race([work, this.killed]);
  }
}

export async function runFaultScenario(options: FaultRunOptions): Promise<FaultRunResult> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  const between = ([low, high]: [number, number]) => low + random() * (high - low);
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const deadline = started + (options.deadlineMs ?? 10 * 60_000);
  const userName = options.userName ?? 'admin@contoso.example';
  const problems: string[] = [];

  const handle = options.sandbox ?? (await SandboxHandle.start(Math.max(options.customers, 1), !options.sandboxRestarts));
  const proxy: FaultProxy = await startFaultProxy(() => handle.url, {}, seededRandom(seed + 1));
  const settings = new MemorySettingsStore();
  const secrets = new MemorySecretStore();
  const database = new McaDeskDatabase(`fault-run-${seed}-${randomUUID()}`);
  await database.open();

  const hostLives: HostLife[] = [];
  let hostLife = new HostLife({ settings, secrets, backendUrl: proxy.url });
  hostLives.push(hostLife);
  await hostLife.host.start();
  const killsByKind: Record<KillKind, number> = { renderer: 0, bridge: 0, both: 0 };
  let killsLeft = options.kills;
  const incidents = { tokenExpired: 0, sandboxRestarted: 0 };
  let reSignIns = 0;
  let sandboxDown: Promise<void> | null = null;
  let finished = false;

  async function signIn(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > deadline) throw new Error('Could not sign in again before the deadline.');
      await sandboxDown;
      const answer = await hostLife.dispatch('signIn', { method: 'password', userName, password: SEEDED_PASSWORD });
      if (answer.ok) return;
      await sleep(100 + attempt * 50);
    }
  }

  try {
    await signIn();
    // The customers the items go to: the partner's first ones, as the list gives them.
    const customerIds = await hostLife.firstCustomerIds(options.customers);

    // The batch, saved as the renderer saves it (outbox item + audit entry in one transaction).
    const dateAgreed = calendarDateIn(new Date(Date.now() - 86_400_000), 'UTC');
    const items: OutboxItem[] = [];
    for (let n = 0; n < options.items; n++) {
      const customerId = customerIds[n % options.customers]!;
      items.push(
        await enqueueAttestation(
          {
            customerId,
            customerName: `Customer ${n % options.customers}`,
            primaryContact: { firstName: 'Soak', lastName: `Item ${n}`, email: `soak.${seed}.${n}@example.com`, phoneNumber: undefined },
            dateAgreed,
          },
          { storage: new DexieOutboxStorage(database), actor: userName, now: Date.now() + n },
        ),
      );
    }
    log(`queued ${items.length} attestations for ${options.customers} customers (seed ${seed}) after ${Date.now() - started} ms`);
    proxy.mix = options.mix ?? {};

    let currentLife: EngineLife | undefined;
    // The renderer's own request mapping (outbox/channel-transport.ts) onto the host of the moment.
    const channels = channelTransport(dispatcherCall(() => (channel, payload) => hostLife.dispatch(String(channel), payload)));
    const submit = async (item: OutboxItem): Promise<SubmitResult> => {
      currentLife?.sending();
      const result = await channels.submit(item);
      if (result.status === 'confirmed') onConfirmed();
      return result;
    };

    // The soak sends ordinary attestations only: a batch would be a caller mistake here.
    const transport: OutboxTransport = {
      ...channels,
      batchLimit: 1,
      submit,
      submitBatch: async () => Promise.reject(new Error('The fault harness queues no MCA-refresh items.')),
    };

    function restartHostSoon(): void {
      const pause = between([20, 300]);
      setTimeout(() => {
        const next = new HostLife({ settings, secrets, backendUrl: proxy.url });
        hostLives.push(next);
        void next.host.start().then(() => {
          hostLife = next;
        });
      }, pause);
    }

    const killPlan = [...(options.killPlan ?? [])];
    let waitingForProgress: { target: number; arm: () => void } | undefined;
    function armKill(life: EngineLife): void {
      if (killsLeft <= 0) return;
      const planned = killPlan.shift();
      const roll = random();
      const kind: KillKind = planned?.kind ?? (roll < 0.5 ? 'renderer' : roll < 0.75 ? 'bridge' : 'both');
      const fire = () => {
        if (life.dead || killsLeft <= 0 || finished) return;
        killsLeft -= 1;
        killsByKind[kind] += 1;
        if (kind !== 'renderer') {
          hostLife.kill();
          restartHostSoon();
        }
        if (kind === 'bridge') armKill(life);
        else life.kill();
      };
      if (planned) {
        life.stepKill = { at: (planned.phase === 'sending' ? life.sends : life.steps) + planned.step, phase: planned.phase, fire };
      } else if (options.killEveryConfirmed && !waitingForProgress) {
        // Long runs: the next kill comes after some progress, so kills never starve the queue.
        waitingForProgress = {
          target: confirmedSoFar + Math.max(1, Math.round(between([0.3, 1.7]) * options.killEveryConfirmed)),
          arm: () => armSoon(life, fire),
        };
      } else {
        armSoon(life, fire);
      }
    }

    function armSoon(life: EngineLife, fire: () => void): void {
      if (random() < 0.5) {
        // At a step of the outbox: just before or just after the Nth lease/settle of this life commits.
        life.stepKill = { at: life.steps + 1 + Math.floor(random() * 12), phase: random() < 0.5 ? 'before' : 'after', fire };
      } else {
        setTimeout(fire, between(options.killDelayMs ?? [50, 800]));
      }
    }

    // Incidents on the backend side, at random points of the run (by confirmed count): expired tokens, sandbox restarts.
    const incidentPlan = [
      ...Array.from({ length: options.tokenExpiries ?? 0 }, () => ({
        kind: 'tokenExpired' as const,
        at: Math.floor(between([0.05, 0.85]) * items.length),
      })),
      ...Array.from({ length: options.sandboxRestarts ?? 0 }, () => ({
        kind: 'sandboxRestarted' as const,
        at: Math.floor(between([0.05, 0.85]) * items.length),
      })),
    ].sort((a, b) => a.at - b.at);
    let confirmedSoFar = 0;
    const onConfirmed = () => {
      confirmedSoFar += 1;
      if (waitingForProgress && confirmedSoFar >= waitingForProgress.target) {
        const { arm } = waitingForProgress;
        waitingForProgress = undefined;
        arm();
      }
      while (incidentPlan[0] && incidentPlan[0].at <= confirmedSoFar && !sandboxDown) {
        const incident = incidentPlan.shift()!;
        incidents[incident.kind] += 1;
        if (incident.kind === 'tokenExpired') void handle.current.expireAllTokens().catch(() => undefined);
        else
          sandboxDown = handle.restart(between([50, 400])).finally(() => {
            sandboxDown = null;
          });
      }
    };

    async function drive(life: EngineLife): Promise<'done' | 'killed'> {
      const recovered = await life.race(life.engine.recover());
      if (recovered === KILLED) return 'killed';
      for (;;) {
        if (Date.now() > deadline) throw new Error('deadline');
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
        const wait = report.nextDueAt === null ? 50 : Math.min(Math.max(report.nextDueAt - Date.now(), 5), 1_000);
        if ((await life.race(sleep(wait))) === KILLED) return 'killed';
      }
    }

    const progress = setInterval(() => {
      const kills = killsByKind.renderer + killsByKind.bridge + killsByKind.both;
      log(
        `${confirmedSoFar}/${items.length} confirmed (as answered), ${kills} kills, ${Object.values(proxy.counts).reduce((a, b) => a + b, 0)} proxy faults, ${Math.round((Date.now() - started) / 1000)} s`,
      );
    }, options.progressEveryMs ?? 15_000);
    let outcome: 'done' | 'deadline';
    try {
      outcome = await liveUntilDrained(
        () => {
          const life = new EngineLife(database, transport, options.concurrency ?? 'adaptive', random);
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
    await sandboxDown;
    const timeMs = Date.now() - started;

    // The verdict: outbox, audit log and sandbox, item by item.
    const agreements: InspectedAgreement[] = await handle.current.inspect.agreements();
    const byRequest = new Map<string, InspectedAgreement[]>();
    for (const agreement of agreements)
      if (agreement.requestId) byRequest.set(agreement.requestId, [...(byRequest.get(agreement.requestId) ?? []), agreement]);
    const ids = new Set(items.map((item) => item.id));
    const audits = await database.audit.toArray();
    const confirmedAudits = new Map<string, number>();
    for (const entry of audits)
      if (entry.kind === 'confirmed') confirmedAudits.set(entry.itemId, (confirmedAudits.get(entry.itemId) ?? 0) + 1);
    let confirmed = 0;
    let duplicates = 0;
    let lost = 0;
    let auditMismatches = 0;
    for (const item of items) {
      const stored = await database.outbox.get(item.id);
      const landed = byRequest.get(item.id) ?? [];
      const contactMatches = landed.every(
        (agreement) => agreement.primaryContact.email === item.primaryContact.email && agreement.customerId === item.customerId,
      );
      if (stored?.state === 'confirmed' && landed.length >= 1) confirmed += 1;
      if (landed.length > 1) duplicates += landed.length - 1;
      if (landed.length === 0 || stored?.state !== 'confirmed') lost += 1;
      if ((confirmedAudits.get(item.id) ?? 0) !== 1) auditMismatches += 1;
      if (!contactMatches) problems.push(`Item ${item.id} landed with another contact or customer.`);
    }
    const strays = agreements.filter(
      (agreement) => agreement.requestId && !ids.has(agreement.requestId) && agreement.primaryContact.email.startsWith(`soak.${seed}.`),
    ).length;
    // Same contact twice for one customer in one run would be a duplicate too, whatever its request id.
    const seen = new Set<string>();
    for (const agreement of agreements) {
      if (!agreement.primaryContact.email.startsWith(`soak.${seed}.`)) continue;
      const key = `${agreement.customerId} ${agreement.primaryContact.email}`;
      if (seen.has(key) && !agreement.requestId) duplicates += 1;
      seen.add(key);
    }
    const violations = hostLives.reduce((sum, life) => sum + retryAfterViolations(life.wire), 0);
    const faultsByKind: Record<string, number> = {
      ...proxy.counts,
      tokenExpired: incidents.tokenExpired,
      sandboxRestarted: incidents.sandboxRestarted,
    };
    const faults = Object.values(faultsByKind).reduce((sum, count) => sum + count, 0);
    return {
      items: items.length,
      kills: killsByKind.renderer + killsByKind.bridge + killsByKind.both,
      killsByKind,
      faults,
      faultsByKind,
      confirmed,
      duplicates,
      lost,
      strays,
      auditMismatches,
      retryAfterViolations: violations,
      reSignIns,
      timeMs,
      seed,
      finished: outcome === 'done',
      problems,
    };
  } finally {
    finished = true;
    hostLife.kill();
    database.close();
    await proxy.close();
    await (sandboxDown as Promise<void> | null)?.catch(() => undefined);
    if (!options.sandbox) await handle.stop();
  }
}
