/**
 * The real-browser kill loop: MCA Desk in browser mode as a child process (`electron/web/cli.ts`
 * with a persistent `--data` folder and an external sandbox through `--sandbox-url`), Chromium with
 * a persistent profile (IndexedDB survives), a batch of queued attestations, and kills at random
 * moments during sync:
 * - `browser-close`: the browser context is closed (the window goes away);
 * - `browser-kill`: the Chromium process is killed with SIGKILL;
 * - `bridge-kill`: the bridge process is killed with SIGKILL; the page stays open on the dead bridge,
 *   the bridge is started again (same port and data, a new launch token), and only a little later
 *   does the agent open the new link;
 * - `both`: the bridge and the browser at once.
 * Everything is restarted, the queue is left to finish, and the outbox, its audit log and the
 * sandbox are compared item by item.
 */
import { bridgeCallScript, openLaunchLink } from '../e2e/support/launch-link';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { startSandbox, SEEDED_PASSWORD, type RunningSandbox } from '../../sandbox/index';
import { calendarDateIn } from '../../shared/domain/dates';
import type { AuditEntry, OutboxItem } from '../../renderer/src/db/rows';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';
import { guardContext, type Guards } from '../e2e/support/guards';
import { freshItem, itemInputOf, queuedEntry } from '../../renderer/src/outbox/commands';
import { seededRandom } from './fault-proxy';

export type BrowserKillKind = 'browser-close' | 'browser-kill' | 'bridge-kill' | 'both';

export interface BrowserKillOptions {
  items: number;
  customers: number;
  kills: number;
  seed?: number;
  /** Added latency of every sandbox API call, so a sync takes long enough to be interrupted. */
  latencyMs?: number;
  killDelayMs?: [number, number];
  kinds?: BrowserKillKind[];
  log?: (line: string) => void;
  deadlineMs?: number;
}

export interface BrowserKillResult {
  items: number;
  kills: number;
  /** Kills that found items still queued or sending. */
  killsMidSync: number;
  killsByKind: Record<BrowserKillKind, number>;
  confirmed: number;
  duplicates: number;
  lost: number;
  auditMismatches: number;
  states: Record<string, number>;
  /** Why the items that did not end confirmed are where they are (state: last error), counted. */
  leftovers: Record<string, number>;
  securityProblems: string[];
  timeMs: number;
  seed: number;
}

const ROOT = resolve(__dirname, '..', '..');
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

class Bridge {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static start(port: number, dataDir: string, sandboxUrl: string): Promise<Bridge> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'electron', 'web', 'cli.ts'),
        '--port',
        String(port),
        '--no-open',
        '--data',
        dataDir,
        '--sandbox-url',
        sandboxUrl,
        '--backend',
        'sandbox',
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, MCA_DESK_DATA: dataDir },
      },
    );
    return new Promise((done, fail) => {
      let output = '';
      const timer = setTimeout(() => fail(new Error(`The bridge did not start: ${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /MCA Desk is running at (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          done(new Bridge(child, match[1]!));
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`The bridge exited (${code}) before it started: ${output}`));
      });
    });
  }

  /** SIGKILL: no cleanup of any kind. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGKILL');
    await exited;
  }
}

/** The pid of this profile's Chromium browser process (not its helpers), from /proc. */
async function browserPid(userDataDir: string): Promise<number | undefined> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0');
      if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((arg) => arg.startsWith('--type='))) return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return undefined;
}

async function launch(userDataDir: string, guards: Array<Guards>): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true,
  });
  guards.push(await guardContext(context));
  return context;
}

async function pageOf(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** Fetches a bridge channel from the page (with its cookie), answering the envelope. */
function bridgeCall<T>(
  page: Page,
  apiSecret: string,
  channel: string,
  request: unknown = {},
): Promise<{ ok: boolean; data?: T; error?: unknown }> {
  return page.evaluate(bridgeCallScript(channel, request, apiSecret)) as Promise<{ ok: boolean; data?: T; error?: unknown }>;
}

// Page-side code as text: this file is typechecked without the DOM library.
const PAGE_IDB = `
  const openDb = (name) => new Promise((done, fail) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
  const readAll = async (name, store) => {
    const connection = await openDb(name);
    try {
      return await new Promise((done, fail) => {
        const request = connection.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
    } finally {
      connection.close();
    }
  };
  const addAll = async (name, items, audits) => {
    const connection = await openDb(name);
    try {
      await new Promise((done, fail) => {
        const transaction = connection.transaction(['outbox', 'audit'], 'readwrite');
        for (const item of items) transaction.objectStore('outbox').add(item);
        for (const entry of audits) transaction.objectStore('audit').add(entry);
        transaction.oncomplete = () => done();
        transaction.onerror = () => fail(transaction.error);
      });
    } finally {
      connection.close();
    }
  };
`;

/** Reads one object store of the agent's database, raw. */
function readStore<T>(page: Page, database: string, store: string): Promise<T[]> {
  return page.evaluate(`(async () => { ${PAGE_IDB} return readAll(${JSON.stringify(database)}, ${JSON.stringify(store)}); })()`) as Promise<
    T[]
  >;
}

export async function runBrowserKillLoop(options: BrowserKillOptions): Promise<BrowserKillResult> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  const between = ([low, high]: [number, number]) => low + random() * (high - low);
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const deadline = started + (options.deadlineMs ?? 5 * 60_000);
  const kinds = options.kinds ?? ['browser-close', 'browser-kill', 'bridge-kill', 'both'];
  const root = await mkdtemp(join(tmpdir(), 'mca-kill-loop-'));
  const userDataDir = join(root, 'profile');
  const dataDir = join(root, 'data');
  const guards: Guards[] = [];
  let sandbox: RunningSandbox | undefined;
  let bridge: Bridge | undefined;
  let context: BrowserContext | undefined;
  try {
    // The app's enhanced route lands in issue 12: until then it speaks the legacy attestation.
    sandbox = await startSandbox({
      port: 0,
      memory: true,
      quiet: true,
      legacyAttestation: 'available',
      latencyMs: options.latencyMs ?? 120,
    });
    const sandboxUrl = sandbox.url;
    const port = await freePort();
    bridge = await Bridge.start(port, dataDir, sandboxUrl);
    context = await launch(userDataDir, guards);
    let page = await pageOf(context);
    const { user, database, customers } = await signInThroughBridge(page, bridge.url, options.customers);
    // The batch, written as the app writes a saved attestation: the outbox item and its audit entry together.
    const dateAgreed = calendarDateIn(new Date(Date.now() - 86_400_000), 'UTC');
    const now = Date.now();
    const items: OutboxItem[] = Array.from({ length: options.items }, (_, n) => {
      const customer = customers[n % customers.length]!;
      return {
        id: randomUUID(),
        customerId: customer.id,
        customerName: customer.companyName,
        primaryContact: { firstName: 'Kill', lastName: `Loop ${n}`, email: `kill.${seed}.${n}@example.com` },
        dateAgreed,
        state: 'queued',
        attempts: 0,
        createdAt: now + n,
        updatedAt: now + n,
        createdBy: user.userName,
        nextAttemptAt: now,
      };
    });
    const audits: AuditEntry[] = items.map((item) => ({
      at: item.createdAt,
      kind: 'queued',
      itemId: item.id,
      customerId: item.customerId,
      actor: item.createdBy,
      detail: `${item.dateAgreed} ${item.primaryContact.email}`,
    }));
    await page.evaluate(
      `(async () => { ${PAGE_IDB} await addAll(${JSON.stringify(database)}, ${JSON.stringify(items)}, ${JSON.stringify(audits)}); })()`,
    );
    log(`browser kill loop: queued ${items.length} attestations for ${customers.length} customers (seed ${seed})`);
    await openLaunchLink(page, bridge.url);

    const killsByKind: Record<BrowserKillKind, number> = { 'browser-close': 0, 'browser-kill': 0, 'bridge-kill': 0, both: 0 };
    let killsMidSync = 0;
    const killBrowser = async (how: 'close' | 'kill') => {
      if (!context) return;
      if (how === 'kill') {
        const pid = await browserPid(userDataDir);
        if (pid) process.kill(pid, 'SIGKILL');
      }
      await context.close().catch(() => undefined);
      context = undefined;
    };
    for (let kill = 0; kill < options.kills; kill++) {
      await sleep(between(options.killDelayMs ?? [300, 2_000]));
      const kind = kinds[Math.floor(random() * kinds.length)]!;
      killsByKind[kind] += 1;
      const before = await readStore<OutboxItem>(page, database, 'outbox').catch(() => []);
      const openAtKill = before.filter((item) => item.state === 'queued' || item.state === 'sending').length;
      if (openAtKill > 0) killsMidSync += 1;
      if (kind === 'bridge-kill') {
        await bridge.kill();
        await sleep(between([100, 800]));
        bridge = await Bridge.start(port, dataDir, sandboxUrl);
        // The old page keeps running against the new bridge (its cookie is from the old launch) for a while.
        await sleep(between([300, 1_500]));
        page = await pageOf(context!);
        await openLaunchLink(page, bridge.url);
      } else {
        if (kind === 'both') await bridge.kill();
        await killBrowser(kind === 'browser-close' ? 'close' : 'kill');
        await sleep(between([50, 500]));
        if (kind === 'both') bridge = await Bridge.start(port, dataDir, sandboxUrl);
        context = await launch(userDataDir, guards);
        page = await pageOf(context);
        await openLaunchLink(page, bridge.url);
      }
      log(`browser kill loop: kill ${kill + 1}/${options.kills} (${kind}) with ${openAtKill} items open`);
    }

    // Let it finish: the agent keeps the app open (and presses "Sync now" if it waits too long).
    let outbox: OutboxItem[] = [];
    for (;;) {
      outbox = await readStore<OutboxItem>(page, database, 'outbox');
      const open = outbox.filter((item) => item.state === 'queued' || item.state === 'sending');
      if (open.length === 0) break;
      if (Date.now() > deadline) {
        log(`browser kill loop: ${open.length} items still open at the deadline`);
        break;
      }
      await sleep(1_000);
      if (Date.now() - started > 20_000 && random() < 0.2)
        await page
          .getByRole('link', { name: /^Outbox/ })
          .click()
          .then(() => page.getByRole('button', { name: 'Sync now' }).click())
          .catch(() => undefined);
    }
    const audit = await readStore<AuditEntry>(page, database, 'audit');
    const agreements = await sandbox.inspect.agreements();
    const byRequest = new Map<string, number>();
    for (const agreement of agreements)
      if (agreement.requestId) byRequest.set(agreement.requestId, (byRequest.get(agreement.requestId) ?? 0) + 1);
    const confirmedAudits = new Map<string, number>();
    for (const entry of audit)
      if (entry.kind === 'confirmed') confirmedAudits.set(entry.itemId, (confirmedAudits.get(entry.itemId) ?? 0) + 1);
    const stored = new Map(outbox.map((item) => [item.id, item]));
    let confirmed = 0;
    let duplicates = 0;
    let lost = 0;
    let auditMismatches = 0;
    const states: Record<string, number> = {};
    const leftovers: Record<string, number> = {};
    for (const item of items) {
      const state = stored.get(item.id)?.state ?? 'missing';
      states[state] = (states[state] ?? 0) + 1;
      if (state !== 'confirmed') {
        const why = `${state}: ${stored.get(item.id)?.lastError?.reason ?? 'no error'}`;
        leftovers[why] = (leftovers[why] ?? 0) + 1;
      }
      const landed = byRequest.get(item.id) ?? 0;
      if (state === 'confirmed' && landed >= 1) confirmed += 1;
      if (landed > 1) duplicates += landed - 1;
      if (landed === 0 || state !== 'confirmed') lost += 1;
      if ((confirmedAudits.get(item.id) ?? 0) !== 1) auditMismatches += 1;
    }
    return {
      items: items.length,
      kills: options.kills,
      killsMidSync,
      killsByKind,
      confirmed,
      duplicates,
      lost,
      auditMismatches,
      states,
      leftovers,
      securityProblems: guards.flatMap((guard) => guard.problems()),
      timeMs: Date.now() - started,
      seed,
    };
  } finally {
    await context?.close().catch(() => undefined);
    await bridge?.kill().catch(() => undefined);
    await sandbox?.stop().catch(() => undefined);
    await rm(root, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The steps of an enhanced attestation the enhanced loop kills between. */
export type EnhancedBrowserStep = 'requested' | 'link-ready' | 'accepted' | 'finalised';
export const ENHANCED_BROWSER_STEPS: readonly EnhancedBrowserStep[] = ['requested', 'link-ready', 'accepted', 'finalised'];

export interface EnhancedBrowserKillOptions {
  items: number;
  customers: number;
  kills: number;
  seed?: number;
  latencyMs?: number;
  kinds?: BrowserKillKind[];
  log?: (line: string) => void;
  deadlineMs?: number;
}

export interface EnhancedBrowserKillResult {
  items: number;
  kills: number;
  killsByKind: Record<BrowserKillKind, number>;
  /** Kills by the step the queue had reached: right after the request, once a link was ready, just after the signer accepted, once an item was finalised. */
  killsByStep: Record<EnhancedBrowserStep, number>;
  /** Kills that found items still queued or sending. */
  killsMidSync: number;
  confirmed: number;
  lost: number;
  duplicated: number;
  duplicatedAttestations: number;
  duplicatedAgreements: number;
  auditMismatches: number;
  acceptedBySigner: number;
  states: Record<string, number>;
  leftovers: Record<string, number>;
  securityProblems: string[];
  timeMs: number;
  seed: number;
}

/**
 * The real-browser kill loop with enhanced attestations: the items are written into the agent's
 * IndexedDB as the app writes a saved acceptance-link request (the item at its create step and its
 * audit entry together), and the loop kills (browser closed or SIGKILLed, bridge SIGKILLed, or both)
 * at each step of their way in turn: just after the request went out (creates in flight), once a link
 * is ready, just after the signer accepted (the sandbox helper; reads in flight), once an item is
 * finalised (finalises in flight). After each restart the agent presses "Sync now" (so the reads
 * wait for no hourly schedule: the links are never marked sent). At the end every item must be
 * confirmed exactly once, with one attestation and one agreement at the sandbox.
 */
export async function runEnhancedBrowserKillLoop(options: EnhancedBrowserKillOptions): Promise<EnhancedBrowserKillResult> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  const between = ([low, high]: [number, number]) => low + random() * (high - low);
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const deadline = started + (options.deadlineMs ?? 5 * 60_000);
  const kinds = options.kinds ?? ['browser-close', 'browser-kill', 'bridge-kill', 'both'];
  const root = await mkdtemp(join(tmpdir(), 'mca-kill-enhanced-'));
  const userDataDir = join(root, 'profile');
  const dataDir = join(root, 'data');
  const guards: Guards[] = [];
  const signerPrefix = `enhanced.${seed}.`;
  let sandbox: RunningSandbox | undefined;
  let bridge: Bridge | undefined;
  let context: BrowserContext | undefined;
  try {
    // Partner Center today: the sandbox's default era (the legacy attestation retired).
    sandbox = await startSandbox({ port: 0, memory: true, quiet: true, latencyMs: options.latencyMs ?? 120 });
    const sandboxUrl = sandbox.url;
    const port = await freePort();
    bridge = await Bridge.start(port, dataDir, sandboxUrl);
    context = await launch(userDataDir, guards);
    let page = await pageOf(context);
    const { user, database, customers } = await signInThroughBridge(page, bridge.url, options.customers);

    // The batch, as the app saves an acceptance-link request (the outbox's own command builds the item).
    const now = Date.now();
    const items: OutboxItem[] = Array.from({ length: options.items }, (_, n) => {
      const customer = customers[n % customers.length]!;
      const input = itemInputOf(
        {
          customerId: customer.id,
          customerName: customer.companyName,
          signer: { firstName: 'Signe', lastName: `Loop ${n}`, email: `${signerPrefix}${n}@example.com` },
          fields: { companyName: customer.companyName, country: 'NL', language: 'nl-NL', linkExpiryMinutes: 10_080 },
        },
        {},
      );
      return freshItem(input, { actor: user.userName, now: now + n });
    });
    const audits: AuditEntry[] = items.map((item) => queuedEntry(item, item.createdAt));

    const killsByKind: Record<BrowserKillKind, number> = { 'browser-close': 0, 'browser-kill': 0, 'bridge-kill': 0, both: 0 };
    const killsByStep = Object.fromEntries(ENHANCED_BROWSER_STEPS.map((step) => [step, 0])) as Record<EnhancedBrowserStep, number>;
    let killsMidSync = 0;
    let acceptedBySigner = 0;
    const outboxNow = () => readStore<OutboxItem>(page, database, 'outbox').catch(() => [] as OutboxItem[]);
    const ours = (all: OutboxItem[]) => all.filter((item) => item.enhanced && item.primaryContact.email.startsWith(signerPrefix));
    const syncNow = () =>
      page
        .getByRole('link', { name: /^Outbox/ })
        .click({ timeout: 5_000 })
        .then(() => page.getByRole('button', { name: 'Sync now' }).click({ timeout: 5_000 }))
        .catch(() => undefined);
    /** Waits (polling the outbox) until `reached` holds, or gives up after `withinMs`; answers whether it held. */
    const until = async (reached: (all: OutboxItem[]) => boolean, withinMs: number): Promise<boolean> => {
      const end = Date.now() + withinMs;
      while (Date.now() < end) {
        if (reached(ours(await outboxNow()))) return true;
        await sleep(100);
      }
      return false;
    };
    /** The signer accepts every pending attestation made for this run's signers (the sandbox helper, as at the page). */
    const signerAccepts = async () => {
      for (const attestation of await sandbox!.inspect.attestations()) {
        if (attestation.status !== 'pending' || !attestation.signatory.email.startsWith(signerPrefix)) continue;
        const response = await fetch(`${sandboxUrl}/sandbox/attestations/${attestation.id}/accept`, { method: 'POST' });
        if (response.ok) acceptedBySigner += 1;
      }
    };
    const killBrowser = async (how: 'close' | 'kill') => {
      if (!context) return;
      if (how === 'kill') {
        const pid = await browserPid(userDataDir);
        if (pid) process.kill(pid, 'SIGKILL');
      }
      await context.close().catch(() => undefined);
      context = undefined;
    };
    const killAndRestart = async (kind: BrowserKillKind) => {
      killsByKind[kind] += 1;
      if (kind === 'bridge-kill') {
        await bridge!.kill();
        await sleep(between([100, 500]));
        bridge = await Bridge.start(port, dataDir, sandboxUrl);
        await sleep(between([200, 800]));
        page = await pageOf(context!);
        await openLaunchLink(page, bridge.url);
      } else {
        if (kind === 'both') await bridge!.kill();
        await killBrowser(kind === 'browser-close' ? 'close' : 'kill');
        await sleep(between([50, 300]));
        if (kind === 'both') bridge = await Bridge.start(port, dataDir, sandboxUrl);
        context = await launch(userDataDir, guards);
        page = await pageOf(context);
        await openLaunchLink(page, bridge!.url);
      }
    };

    await page.evaluate(
      `(async () => { ${PAGE_IDB} await addAll(${JSON.stringify(database)}, ${JSON.stringify(items)}, ${JSON.stringify(audits)}); })()`,
    );
    log(`enhanced kill loop: queued ${items.length} acceptance-link requests for ${customers.length} customers (seed ${seed})`);
    await openLaunchLink(page, bridge.url);

    for (let kill = 0; kill < options.kills; kill++) {
      const step = ENHANCED_BROWSER_STEPS[kill % ENHANCED_BROWSER_STEPS.length]!;
      switch (step) {
        case 'requested':
          // The creates are under way (the sync started with the page).
          await until((all) => all.some((item) => item.state === 'sending' || item.attempts > 0), 5_000);
          await sleep(between([0, 400]));
          break;
        case 'link-ready':
          await until((all) => all.some((item) => item.enhanced!.step !== 'create'), 10_000);
          break;
        case 'accepted':
          // The signer accepts; the agent asks for a sync so the reads go out, and the kill comes while they do.
          await until((all) => all.some((item) => item.enhanced!.step !== 'create'), 10_000);
          await signerAccepts();
          await syncNow();
          await sleep(between([0, 300]));
          break;
        case 'finalised':
          await signerAccepts();
          await syncNow();
          await until((all) => all.some((item) => item.state === 'confirmed'), 10_000);
          break;
      }
      const kind = kinds[Math.floor(random() * kinds.length)]!;
      const open = ours(await outboxNow()).filter((item) => item.state === 'queued' || item.state === 'sending').length;
      if (open > 0) killsMidSync += 1;
      killsByStep[step] += 1;
      await killAndRestart(kind);
      log(`enhanced kill loop: kill ${kill + 1}/${options.kills} (${kind}) at ${step}, ${open} items open`);
    }

    // Let it finish: the signer accepts what is left, the agent presses "Sync now" now and then.
    let outbox: OutboxItem[] = [];
    for (let round = 0; ; round++) {
      outbox = ours(await outboxNow());
      const open = outbox.filter((item) => item.state === 'queued' || item.state === 'sending');
      if (outbox.length === items.length && open.length === 0) break;
      if (Date.now() > deadline) {
        log(`enhanced kill loop: ${open.length} items still open at the deadline`);
        break;
      }
      await signerAccepts();
      if (round % 5 === 0) await syncNow();
      await sleep(500);
    }

    const audit = await readStore<AuditEntry>(page, database, 'audit');
    const attestations = await sandbox.inspect.attestations();
    const agreements = await sandbox.inspect.agreements();
    const bySigner = new Map<string, string[]>();
    for (const attestation of attestations)
      bySigner.set(attestation.signatory.email, [...(bySigner.get(attestation.signatory.email) ?? []), attestation.id]);
    const byAttestation = new Map<string, number>();
    for (const agreement of agreements)
      if (agreement.attestationId) byAttestation.set(agreement.attestationId, (byAttestation.get(agreement.attestationId) ?? 0) + 1);
    const confirmedAudits = new Map<string, number>();
    for (const entry of audit)
      if (entry.kind === 'confirmed') confirmedAudits.set(entry.itemId, (confirmedAudits.get(entry.itemId) ?? 0) + 1);
    const stored = new Map(outbox.map((item) => [item.id, item]));
    let confirmed = 0;
    let lost = 0;
    let duplicatedAttestations = 0;
    let duplicatedAgreements = 0;
    let auditMismatches = 0;
    const states: Record<string, number> = {};
    const leftovers: Record<string, number> = {};
    for (const item of items) {
      const now = stored.get(item.id);
      const state = now?.state ?? 'missing';
      states[state] = (states[state] ?? 0) + 1;
      if (state !== 'confirmed') {
        const why = `${state} at ${now?.enhanced?.step ?? '?'}: ${now?.lastError?.reason ?? 'no error'}`;
        leftovers[why] = (leftovers[why] ?? 0) + 1;
      }
      const own = bySigner.get(item.primaryContact.email) ?? [];
      const made = own.reduce((sum, id) => sum + (byAttestation.get(id) ?? 0), 0);
      duplicatedAttestations += Math.max(0, own.length - 1);
      duplicatedAgreements += Math.max(0, made - 1);
      if (state === 'confirmed' && made >= 1) confirmed += 1;
      if (state !== 'confirmed' || made === 0) lost += 1;
      if ((confirmedAudits.get(item.id) ?? 0) !== 1) auditMismatches += 1;
    }
    return {
      items: items.length,
      kills: options.kills,
      killsByKind,
      killsByStep,
      killsMidSync,
      confirmed,
      lost,
      duplicated: duplicatedAttestations + duplicatedAgreements,
      duplicatedAttestations,
      duplicatedAgreements,
      auditMismatches,
      acceptedBySigner,
      states,
      leftovers,
      securityProblems: guards.flatMap((guard) => guard.problems()),
      timeMs: Date.now() - started,
      seed,
    };
  } finally {
    await context?.close().catch(() => undefined);
    await bridge?.kill().catch(() => undefined);
    await sandbox?.stop().catch(() => undefined);
    await rm(root, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Signs the fresh page in through the bridge as the seeded admin, opens the app again through the
 * launch link (the page keeps its bridge secret in memory only, so a reload would lose it), waits
 * for the app's database, and takes `count` customers from the sandbox.
 */
async function signInThroughBridge(page: Page, bridgeUrl: string, count: number) {
  let apiSecret = await openLaunchLink(page, bridgeUrl);
  const signedIn = await bridgeCall<{ user: { userId: string; partnerTenantId: string; userName: string } }>(page, apiSecret, 'signIn', {
    method: 'password',
    userName: 'admin@contoso.example',
    password: SEEDED_PASSWORD,
  });
  if (!signedIn.ok || !signedIn.data) throw new Error(`Sign-in failed: ${JSON.stringify(signedIn)}`);
  const user = signedIn.data.user;
  const database = `mca-desk/sandbox/${user.partnerTenantId}/${user.userId}`;
  apiSecret = await openLaunchLink(page, bridgeUrl);
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    `indexedDB.databases().then((all) => all.some((info) => info.name === ${JSON.stringify(database)}))`,
    undefined,
    { timeout: 30_000 },
  );
  const list = await bridgeCall<{ items: Array<{ id: string; companyName: string }> }>(page, apiSecret, 'listCustomers', { pageSize: 500 });
  const customers = (list.data?.items ?? []).slice(0, count);
  if (customers.length < count) throw new Error('Not enough customers at the sandbox.');
  return { user, database, customers };
}
