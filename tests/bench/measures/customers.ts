/**
 * The measures on one large customer base, in the order an agent meets them:
 * 1. the initial download into the cache (through the app's own sign-in and download, with its
 *    progress indicator watched throughout),
 * 2. first paint of the Customers page (a cold browser, then new tabs), and the renderer heap,
 * 3. search as you type in the real page (keystroke to the frame that shows the list), and the
 *    search step itself against the `Array.filter` baseline over the same rows (harness page),
 * 4. enqueue (click Save to the outbox write committed) with a backlog already queued.
 * The cache that (2)-(4) use is the one the app downloaded in (1).
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { bench, idle, launchPersistent, openHarness, probe, waitUntil } from '../browser';
import { PROBE_SCRIPT } from '../build';
import { summariseTrace } from '../trace-summary';
import type { SearchStepsResult } from '../protocol';
import { median, percentile, round } from '../report';
import { measureRowsFloor, type RowsFloor } from './rows-floor';
import { timeKeystrokes } from './keystroke-timer';

export interface CustomersConfig {
  /** The app's URL with its launch token, its origin, and the page secret the link hands over. */
  url: string;
  origin: string;
  apiSecret: string;
  userName: string;
  password: string;
  expectedCustomers: number;
  paintRuns: number;
  /** Queries typed char by char; null: built from the cached customers (see `realisticQueries`). */
  queries: string[] | null;
  /** Pause between keystrokes (a fast typist: about 8 characters a second). */
  keyIntervalMs: number;
  searchRounds: number;
  queued: number;
  saves: number;
  profileDir: string;
  log: (message: string) => void;
}

export interface DownloadOutcome {
  customers: number;
  ms: number;
  itemsPerSecond: number;
  /** Progress read every ~200 ms while the download ran. */
  samples: number;
  samplesShowingProgress: number;
  distinctCounts: number;
  increasing: boolean;
  progressShownThroughout: boolean;
}

/** The screens whose first paint is measured: the Customers list, and the Overview (the first screen after sign-in). */
export type PaintedScreen = 'customers' | 'overview';

/**
 * For the Customers page: the launch link lands on the app's first screen (the Overview), so the
 * page is opened at the Customers address instead, as an agent's bookmark or a reload there would:
 * when the app takes the page secret out of the address, the address it leaves is `#/customers`.
 * Runs before the app's scripts (Playwright addInitScript); it changes nothing else.
 */
const OPEN_AT_CUSTOMERS = `(() => {
  const replace = history.replaceState.bind(history);
  history.replaceState = function (state, title, url) {
    if (typeof url === 'string' && !url.includes('#') && location.hash.startsWith('#mca-desk-bridge=')) url += '#/customers';
    return replace(state, title, url);
  };
})()`;

export interface PaintOutcome {
  /** Navigation start to the frame after the first customer rows were in the DOM, per run. */
  coldMs: number;
  warmMs: number[];
  fcpMs: number[];
  /** Navigation start to the whole cache in memory (Customers: the "reading" status gone; Overview: the frame with the live figures). */
  fullListMs: number[];
  /** Overview: whose figures the first frame showed, per run (the last snapshot's, or live). */
  firstFrom: string[];
}

export interface HeapOutcome {
  usedMb: number;
  totalMb: number;
}

export interface TypingOutcome {
  keystrokes: number;
  p50: number;
  p95: number;
  max: number;
  /** Keystrokes after which the list DOM did not change (a sanity check; should be few). */
  unchanged: number;
  /** Where the time went, p50 / p95: keydown to the input handler (the browser), and from there to the frame. */
  toInput: { p50: number; p95: number };
  toFrame: { p50: number; p95: number };
  worst: Array<{ query: string; ms: number }>;
  /** The same measure on a page that does nothing but echo the key (see measureFrameFloor). */
  floor: { p50: number; p95: number };
  /** The same measure on a copy of the grid whose rows plain DOM writes change (see rows-floor.ts). */
  rowsFloor: RowsFloor;
  /** The page's own main-thread work per second over 5 s before the typing, nobody typing (CDP Performance metrics). */
  background: BackgroundWork;
}

export interface BackgroundWork {
  taskMsPerS: number;
  scriptMsPerS: number;
  layoutsPerS: number;
  styleRecalcsPerS: number;
  layoutMsPerS: number;
  styleMsPerS: number;
}

export interface EnqueueOutcome {
  /** The same page's smallest read-write transaction (one row into meta), p50 / p95: IndexedDB's own floor here. */
  floorP50: number;
  floorP95: number;
  queuedBefore: number;
  backlogMs: number;
  samples: number[];
  p50: number;
  p95: number;
  /** Click to the outbox transaction opened (the app's work), and opened to committed (IndexedDB), p50. */
  toTransactionP50: number;
  /** Of that, before the page got to the click (delivering the press, the focus leaving the field). */
  toClickHandledP50: number;
  /** Transaction opened to its first request answered (the customer's history), p50. */
  firstAnswerP50: number;
  commitP50: number;
}

export interface CustomersOutcome {
  download: DownloadOutcome;
  paint: PaintOutcome;
  /** The Overview's first paint, by the same method (its first paint already is over the whole cache). */
  overviewPaint: PaintOutcome;
  heap: HeapOutcome;
  typing: TypingOutcome;
  queries: string[];
  steps: SearchStepsResult & { indexP95: number; baselineP95: number; indexP50: number; baselineP50: number };
  enqueue: EnqueueOutcome;
}

const PROGRESS = '#customer-download';
const READING_TEXT = 'Reading the customer list';
const RECORDS_UPDATING_TEXT = 'Updating MCA states';

function firstNumber(text: string | null): number | null {
  const match = text?.match(/\d[\d,.\u00a0\u202f ]*/);
  return match ? Number(match[0].replace(/\D/g, '')) : null;
}

async function waitForText(page: Page, selector: string, gone: string, timeoutMs: number): Promise<void> {
  await waitUntil(
    page,
    `!((document.querySelector(${JSON.stringify(selector)}) || {}).textContent || '').includes(${JSON.stringify(gone)})`,
    { timeoutMs, intervalMs: 50 },
  );
}

async function settle(page: Page, timeoutMs = 300_000): Promise<void> {
  await waitForText(page, '.customers-page', READING_TEXT, timeoutMs);
  await waitForText(page, '.customers-page', RECORDS_UPDATING_TEXT, timeoutMs);
  await page.locator(PROGRESS).waitFor({ state: 'detached', timeout: timeoutMs });
  await idle(page, 1000, 60_000);
}

async function signInThroughForm(page: Page, config: CustomersConfig): Promise<void> {
  await page.goto(config.url);
  // The first screen after sign-in is the Overview; the download's progress and count are on the Customers page.
  await page.locator('#sign-in-email').waitFor();
  await page.evaluate(`location.hash = '#/sign-in?next=%2Fcustomers'`);
  await page.locator('#sign-in-email').fill(config.userName);
  await page.locator('#sign-in-password').fill(config.password);
}

/** (1) Sign in through the form; the app starts the first download on its own. */
async function measureDownload(page: Page, config: CustomersConfig): Promise<DownloadOutcome> {
  await signInThroughForm(page, config);
  let firstRequestAt: number | null = null;
  page.on('request', (request) => {
    if (firstRequestAt === null && request.url().endsWith('/api/listCustomers')) firstRequestAt = Date.now();
  });
  await page.locator('form.sign-in__form button[type="submit"]').click();
  await page.locator(PROGRESS).waitFor({ state: 'attached', timeout: 60_000 });
  const counts: number[] = [];
  let samples = 0;
  let shown = 0;
  let doneAt: number;
  let lastLog = Date.now();
  for (;;) {
    const state = (await page.evaluate(`(() => {
      const bar = document.querySelector('${PROGRESS}');
      const box = bar && bar.closest('div');
      return { shown: !!bar && bar.getClientRects().length > 0, text: box ? box.textContent : null };
    })()`)) as { shown: boolean; text: string | null };
    if (!state.shown) {
      doneAt = Date.now();
      break;
    }
    samples += 1;
    shown += 1;
    const count = firstNumber(state.text);
    if (count !== null && counts.at(-1) !== count) counts.push(count);
    if (Date.now() - lastLog > 15_000) {
      config.log(`  download: ${counts.at(-1) ?? 0} customers so far`);
      lastLog = Date.now();
    }
    await page.waitForTimeout(200);
  }
  const ms = doneAt - (firstRequestAt ?? doneAt);
  // The list's count line ends with the number of customers in the cache.
  await waitUntil(
    page,
    `Number(((document.getElementById('customer-count') || {}).textContent || '').match(/\\d[\\d,]*/g)?.at(-1)?.replace(/\\D/g, '') || 0) >= ${config.expectedCustomers}`,
    { timeoutMs: 120_000, intervalMs: 50 },
  );
  const countText = (await page.locator('#customer-count').textContent()) ?? '';
  const customers = Number((countText.match(/\d[\d,]*/g) ?? []).at(-1)?.replace(/\D/g, '') ?? 0);
  const increasing = counts.every((count, i) => i === 0 || count > (counts[i - 1] as number));
  return {
    customers,
    ms,
    itemsPerSecond: round(customers / (ms / 1000), 0),
    samples,
    samplesShowingProgress: shown,
    distinctCounts: counts.length,
    increasing,
    // Shown at every sample until the end, and moving: at least a few distinct counts, always up.
    progressShownThroughout: shown === samples && increasing && counts.length >= Math.min(5, Math.max(2, Math.floor(customers / 500 / 4))),
  };
}

/**
 * What agents type: company names (one word, two words, a name with its number), domains, a tenant
 * id's first characters, a seeded customer, and a search that matches nothing.
 */
export function realisticQueries(samples: ReadonlyArray<{ id: string; companyName: string; domain: string }>): string[] {
  const queries = ['contoso', 'zzq'];
  for (const [i, sample] of samples.entries()) {
    const words = sample.companyName.toLowerCase().split(/\s+/);
    if (i % 4 === 0) queries.push(words.slice(0, 2).join(' '));
    else if (i % 4 === 1) queries.push(sample.domain.toLowerCase().slice(0, 14));
    else if (i % 4 === 2) queries.push(sample.id.slice(0, 8));
    else queries.push(`${words[0] ?? ''} ${words.at(-1) ?? ''}`.trim());
  }
  return queries;
}

/** Navigation start to the frame with the screen's first rows (Customers) or its whole-book counts and charts (Overview). */
async function firstPaintAt(page: Page, screen: PaintedScreen): Promise<{ rows: number; fcp: number | null; from: string }> {
  const field = screen === 'customers' ? 'firstRowsAt' : 'overviewAt';
  await waitUntil(page, `window.__mcaProbe && window.__mcaProbe.${field} > 0`, { timeoutMs: 120_000 });
  return probe(page, `({ rows: probe.${field}, fcp: probe.fcpAt, from: probe.overviewFrom || 'rows' })`);
}

/** Navigation start to the frame with the Overview's live figures (every customer and MCA state read). */
async function overviewLiveAt(page: Page): Promise<number> {
  await waitUntil(page, 'window.__mcaProbe.overviewLiveAt > 0', { timeoutMs: 120_000 });
  return probe<number>(page, 'probe.overviewLiveAt');
}

async function fullListAt(page: Page): Promise<number> {
  await waitForText(page, '.customers-page', READING_TEXT, 120_000);
  return page.evaluate('performance.now()') as Promise<number>;
}

async function newAppPage(context: BrowserContext, screen: PaintedScreen): Promise<Page> {
  const page = await context.newPage();
  if (screen === 'customers') await page.addInitScript(OPEN_AT_CUSTOMERS);
  return page;
}

/** (2) First paint of a screen: once in a browser just started (cold IndexedDB), then in new tabs. */
async function measurePaint(
  context: BrowserContext,
  config: CustomersConfig,
  screen: PaintedScreen,
): Promise<{ outcome: PaintOutcome; context: BrowserContext; page: Page }> {
  const fcpMs: number[] = [];
  const fullListMs: number[] = [];
  await context.close();
  context = await launchPersistent(config.profileDir);
  await context.addInitScript({ path: PROBE_SCRIPT });
  let page = await newAppPage(context, screen);
  // The session cookie lives as long as the browser: the launch link sets it again (a redirect to the app).
  await page.goto(config.url);
  const cold = await firstPaintAt(page, screen);
  const firstFrom = [cold.from];
  fcpMs.push(cold.fcp ?? Number.NaN);
  fullListMs.push(screen === 'customers' ? await fullListAt(page) : await overviewLiveAt(page));
  await settle(page);
  const warmMs: number[] = [];
  for (let run = 0; run < config.paintRuns; run++) {
    await page.close();
    page = await newAppPage(context, screen);
    // A new tab of the app, handed the page secret as the launch link does.
    await page.goto(`${config.origin}/#mca-desk-bridge=${config.apiSecret}`);
    const warm = await firstPaintAt(page, screen);
    warmMs.push(warm.rows);
    firstFrom.push(warm.from);
    fcpMs.push(warm.fcp ?? Number.NaN);
    fullListMs.push(screen === 'customers' ? await fullListAt(page) : await overviewLiveAt(page));
    await settle(page);
  }
  return { outcome: { coldMs: cold.rows, warmMs, fcpMs, fullListMs, firstFrom }, context, page };
}

async function measureHeap(context: BrowserContext, page: Page): Promise<HeapOutcome> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.detach();
  return { usedMb: round(usage.usedSize / 2 ** 20, 1), totalMb: round(usage.totalSize / 2 ** 20, 1) };
}

/** What the page does on its own over `ms` (nobody typing): main-thread busy time, layouts and style recalculations per second. */
async function backgroundWork(page: Page, ms: number): Promise<BackgroundWork> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries(
      ((await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }).metrics.map((m) => [
        m.name,
        m.value,
      ]),
    );
  const first = await metrics();
  await page.waitForTimeout(ms);
  const last = await metrics();
  await cdp.detach();
  const perSecond = (name: string, scale = 1) => round((((last[name] ?? 0) - (first[name] ?? 0)) * scale) / (ms / 1000), 1);
  return {
    taskMsPerS: perSecond('TaskDuration', 1000),
    scriptMsPerS: perSecond('ScriptDuration', 1000),
    layoutsPerS: perSecond('LayoutCount'),
    styleRecalcsPerS: perSecond('RecalcStyleCount'),
    layoutMsPerS: perSecond('LayoutDuration', 1000),
    styleMsPerS: perSecond('RecalcStyleDuration', 1000),
  };
}

/** (3a) Typing in the real search field: every keystroke's time to the frame showing the list. */
async function measureTyping(
  page: Page,
  queries: readonly string[],
  config: CustomersConfig,
): Promise<Omit<TypingOutcome, 'floor' | 'rowsFloor'>> {
  const input = page.locator('#customer-search');
  await input.click();
  await input.fill('');
  await idle(page, 500);
  // What keystrokes compete with: the direct-acceptance scan goes on in the background meanwhile.
  const background = await backgroundWork(page, 5_000);
  const before = await probe<number>(page, 'probe.keystrokes.length');
  let expected = before;
  const type = async (key: string) => {
    await page.keyboard.press(key);
    expected += 1;
    await waitUntil(page, `window.__mcaProbe.keystrokes.length >= ${expected}`, { intervalMs: 5 });
    await page.waitForTimeout(config.keyIntervalMs);
  };
  // Opt-in: a trace of the first queries says where a keystroke's time goes (JS, style, layout, paint, GC).
  let tracer = process.env.BENCH_TYPING_TRACE ? page.context().browser() : null;
  if (tracer) await tracer.startTracing(page, { categories: ['devtools.timeline'] });
  const stopTrace = async () => {
    if (tracer) await logTypingTrace(tracer, (await probe<number>(page, 'probe.keystrokes.length')) - before, config);
    tracer = null;
  };
  for (const [q, query] of queries.entries()) {
    if (q === TRACED_QUERIES) await stopTrace();
    for (const char of query) await type(char === ' ' ? 'Space' : char);
    // Clear the field as an agent does before the next search (the backspace redraws the full list).
    await page.keyboard.press('Control+A');
    await type('Backspace');
    await idle(page, 200);
  }
  await stopTrace();
  const keystrokes = (
    await probe<Array<{ query: string; ms: number; domChanged: boolean; startAt: number; inputAt: number; endAt: number }>>(
      page,
      'probe.keystrokes',
    )
  ).slice(before);
  const times = keystrokes.map((entry) => entry.ms);
  const split = (values: number[]) => ({ p50: round(percentile(values, 50), 1), p95: round(percentile(values, 95), 1) });
  return {
    keystrokes: keystrokes.length,
    p50: round(percentile(times, 50), 1),
    p95: round(percentile(times, 95), 1),
    max: round(Math.max(...times), 1),
    unchanged: keystrokes.filter((entry) => !entry.domChanged).length,
    toInput: split(keystrokes.map((entry) => entry.inputAt - entry.startAt)),
    toFrame: split(keystrokes.map((entry) => entry.endAt - entry.inputAt)),
    worst: [...keystrokes]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((entry) => ({ query: entry.query, ms: round(entry.ms, 1) })),
    background,
  };
}

/** How many queries the opt-in typing trace covers (a trace of all of them outgrows a string). */
const TRACED_QUERIES = 4;

async function logTypingTrace(tracer: Browser, keystrokes: number, config: CustomersConfig) {
  const lines = summariseTrace((await tracer.stopTracing()).toString('utf8'), keystrokes);
  config.log(`  trace of the first ${keystrokes} keystrokes, ms per keystroke:`);
  for (const line of lines) config.log(`    ${line.msPerAction.toFixed(2)}  ${line.thread} ${line.event}`);
}

/**
 * (3c) The floor under (3a): the same keydown-to-next-frame measure on a page that only echoes the
 * key into the DOM, in the same browser at the same time. What Chromium and the machine add on
 * their own, whatever the app does.
 */
async function measureFrameFloor(
  context: BrowserContext,
  keystrokes: number,
  keyIntervalMs: number,
): Promise<{ p50: number; p95: number }> {
  const page = await context.newPage();
  try {
    await page.setContent('<input id="floor-input" aria-label="floor"><p id="floor-echo"></p>');
    return await timeKeystrokes(
      page,
      '#floor-input',
      "document.getElementById('floor-echo').textContent = event.target.value;",
      keystrokes,
      keyIntervalMs,
    );
  } finally {
    await page.close();
  }
}

/** (4) Save from the Confirm acceptance form with a backlog queued (offline, so nothing is sent meanwhile). */
async function measureEnqueue(context: BrowserContext, page: Page, harness: Page, config: CustomersConfig): Promise<EnqueueOutcome> {
  const ids = await bench(harness, 'customerIds', 0, config.queued + config.saves + 1);
  // Offline (so nothing is sent meanwhile), the browser cannot fetch the lazily loaded screens: open
  // the customer and Confirm acceptance screens once while online.
  await page.evaluate(`location.hash = '#/customers/${ids.at(-1)}/confirm'`);
  await page.locator('#attest-first-name').waitFor({ state: 'visible', timeout: 30_000 });
  await page.evaluate(`location.hash = '#/customers/${ids.at(-1)}'`);
  await waitUntil(page, `!location.hash.endsWith('/confirm')`);
  await idle(page, 500);
  await context.setOffline(true);
  const backlogMs = await bench(harness, 'enqueueBacklog', { customerIds: ids.slice(0, config.queued), tag: 'backlog' });
  const counts = await bench(harness, 'outboxCounts');
  const queuedBefore = counts.queued ?? 0;
  config.log(`  backlog of ${queuedBefore} queued in ${round(backlogMs / 1000, 1)} s`);
  if (!(await idle(page, 1000, 120_000))) config.log('  (the app page was still busy 2 minutes after the backlog was queued)');
  const samples: number[] = [];
  const toTransaction: number[] = [];
  const toClickHandled: number[] = [];
  const toFirstAnswer: number[] = [];
  for (const [i, id] of ids.slice(config.queued, config.queued + config.saves).entries()) {
    await page.evaluate(`location.hash = '#/customers/${id}/confirm'`);
    await page
      .locator('#attest-first-name')
      .waitFor({ state: 'visible', timeout: 30_000 })
      .catch(async (error: unknown) => {
        throw new Error(
          `The Confirm acceptance form did not open at ${page.url()}: ${String(error)}\nThe page said: ${(await page.locator('main').innerText()).slice(0, 500)}`,
        );
      });
    await page.locator('#attest-first-name').fill('Robin');
    await page.locator('#attest-last-name').fill(`Bench ${i}`);
    await page.locator('#attest-email').fill(`robin.bench.${i}@enqueue.example`);
    await page.locator('#attest-date').fill((await page.locator('#attest-date').getAttribute('max')) ?? '');
    const save = page.locator('form.attestation-form button[type="submit"]');
    await waitUntil(page, `!document.querySelector('form.attestation-form button[type="submit"]').disabled`, { timeoutMs: 10_000 });
    await idle(page, 300);
    const [clicksBefore, commitsBefore] = await probe<[number, number]>(page, '[probe.clicks.length, probe.outboxCommits.length]');
    await save.click();
    await waitUntil(
      page,
      `window.__mcaProbe.clicks.length > ${clicksBefore} && window.__mcaProbe.outboxCommits.slice(${commitsBefore}).some((c) => c.at >= window.__mcaProbe.clicks[${clicksBefore}].at)`,
      { intervalMs: 5 },
    );
    const [ms, opened, firstAnswer, handled] = await probe<[number, number, number, number]>(
      page,
      `(() => { const { at: click, handledAt } = probe.clicks[${clicksBefore}]; const commit = probe.outboxCommits.slice(${commitsBefore}).find((c) => c.at >= click); const first = commit.requests.find((r) => r.done !== null); return [commit.at - click, commit.openedAt - click, first ? first.done - commit.openedAt : NaN, handledAt - click]; })()`,
    );
    samples.push(ms);
    toTransaction.push(opened);
    toClickHandled.push(handled);
    toFirstAnswer.push(firstAnswer);
    if (i % 10 === 9) config.log(`  ${i + 1} saves, last ${round(ms, 1)} ms`);
    // The app leaves the form once the item is saved.
    await waitUntil(page, `!location.hash.endsWith('/confirm')`);
    await idle(page, 300);
  }
  // Still offline: once online the app starts sending the backlog, and its transactions would queue before these.
  const floor = await bench(harness, 'transactionFloor', Math.max(20, samples.length));
  await context.setOffline(false);
  return {
    floorP50: round(percentile(floor, 50), 1),
    floorP95: round(percentile(floor, 95), 1),
    queuedBefore,
    backlogMs: round(backlogMs, 0),
    samples: samples.map((value) => round(value, 2)),
    p50: round(percentile(samples, 50), 1),
    p95: round(percentile(samples, 95), 1),
    toTransactionP50: round(percentile(toTransaction, 50), 1),
    toClickHandledP50: round(percentile(toClickHandled, 50), 1),
    firstAnswerP50: round(percentile(toFirstAnswer, 50), 1),
    commitP50: round(
      percentile(
        samples.map((ms, i) => ms - (toTransaction[i] as number)),
        50,
      ),
      1,
    ),
  };
}

export async function measureCustomers(firstContext: BrowserContext, config: CustomersConfig): Promise<CustomersOutcome> {
  let context = firstContext;
  let page = await context.newPage();
  config.log('Download: signing in through the form; the app downloads the customers into its cache…');
  const download = await measureDownload(page, config);
  config.log(
    `  ${download.customers} customers in ${round(download.ms / 1000, 1)} s (${download.itemsPerSecond}/s); progress samples ${download.samples}, distinct counts ${download.distinctCounts}`,
  );
  await settle(page);

  config.log('First paint of the Overview (cards with counts and both charts, over the whole cache)…');
  const overview = await measurePaint(context, config, 'overview');
  context = overview.context;
  config.log(`  cold ${round(overview.outcome.coldMs, 0)} ms, new tabs ${overview.outcome.warmMs.map((ms) => round(ms, 0)).join(', ')} ms`);

  config.log('First paint of the Customers page…');
  const painted = await measurePaint(context, config, 'customers');
  context = painted.context;
  page = painted.page;
  config.log(`  cold ${round(painted.outcome.coldMs, 0)} ms, new tabs ${painted.outcome.warmMs.map((ms) => round(ms, 0)).join(', ')} ms`);

  const heap = await measureHeap(context, page);
  config.log(`  heap ${heap.usedMb} MB used`);

  const harness = await context.newPage();
  await openHarness(harness, config.origin, config.apiSecret);
  await bench(harness, 'openAgentDatabase');
  const queries = config.queries ?? realisticQueries(await bench(harness, 'sampleCustomers', 10));

  config.log(`Search as you type in the Customers page (${queries.length} queries: ${queries.map((q) => `"${q}"`).join(', ')})…`);
  const typed = await measureTyping(page, queries, config);
  const floorKeystrokes = Math.max(20, Math.min(typed.keystrokes, 100));
  const floor = await measureFrameFloor(context, floorKeystrokes, config.keyIntervalMs);
  const rowsFloor = await measureRowsFloor(
    context,
    page,
    await bench(harness, 'sampleCustomers', 60),
    floorKeystrokes,
    config.keyIntervalMs,
  );
  const typing: TypingOutcome = { ...typed, floor, rowsFloor };
  config.log(
    `  ${typing.keystrokes} keystrokes: p50 ${typing.p50} ms, p95 ${typing.p95} ms, max ${typing.max} ms (a page that only echoes the key: p50 ${floor.p50} ms, p95 ${floor.p95} ms; the grid's ${rowsFloor.rows} rows rewritten by plain DOM writes: p50 ${rowsFloor.p50} ms, p95 ${rowsFloor.p95} ms)`,
  );

  config.log('Search step: index and Array.filter baseline over the same rows (harness page)…');
  const raw = await bench(harness, 'searchSteps', { queries, rounds: config.searchRounds });
  const steps = {
    ...raw,
    indexP50: round(percentile(raw.indexMs, 50), 2),
    indexP95: round(percentile(raw.indexMs, 95), 2),
    baselineP50: round(percentile(raw.baselineMs, 50), 2),
    baselineP95: round(percentile(raw.baselineMs, 95), 2),
  };
  config.log(
    `  index p95 ${steps.indexP95} ms, filter p95 ${steps.baselineP95} ms over ${raw.rows} rows (${raw.indexMs.length} searches, ${raw.mismatches} mismatches)`,
  );
  for (const example of raw.mismatchExamples) config.log(`  MISMATCH ${example}`);

  config.log(`Enqueue: ${config.queued} items queued first, then ${config.saves} saves through the form…`);
  const enqueue = await measureEnqueue(context, page, harness, config);
  config.log(`  backlog queued in ${round(enqueue.backlogMs / 1000, 1)} s; save p50 ${enqueue.p50} ms, p95 ${enqueue.p95} ms`);
  await context.close();
  return { download, paint: painted.outcome, overviewPaint: overview.outcome, heap, typing, queries, steps, enqueue };
}

export { median };
