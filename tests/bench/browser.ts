/**
 * Chromium for the benchmark (Debian's, as the e2e tests use it) and small helpers to talk to the
 * two kinds of page: the app's own pages (observed by probe.js) and the harness page (/bench/).
 *
 * Page-side code is passed as strings or as calls into `window.__mcaBench`/`window.__mcaProbe`, so
 * nothing here needs the DOM typings (this file is type-checked as Node code).
 */
import { bridgeCallScript } from '../e2e/support/launch-link';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CHROMIUM_SWITCHES } from '../../electron/main/chromium-switches';
import { PROBE_SCRIPT, ROOT } from './build';
import { BENCH_GLOBAL, type BenchPageApi } from './protocol';

/**
 * Frames are drawn as soon as they are ready rather than on a (virtual) 60 Hz display's beat, so a
 * keystroke-to-frame time is the app's work, not a wait of up to 16.7 ms for the next refresh.
 */
export function benchChromiumArgs(): string[] {
  return [
    ...chromiumArgs,
    '--disable-gpu-vsync',
    '--disable-frame-rate-limit',
    // The renderer as the shell runs it (electron/main/chromium-switches.ts). Chromium honours only the
    // last --disable-features, so Playwright's own list goes into it too.
    ...shellSwitchesWith(playwrightDisabledFeatures()),
  ];
}

function shellSwitchesWith(disabledFeatures: readonly string[]): string[] {
  return CHROMIUM_SWITCHES.map(([name, value]) =>
    name === 'disable-features' ? `--${name}=${[...disabledFeatures, value].join(',')}` : `--${name}=${value}`,
  );
}

/** The features Playwright disables when it starts Chromium (its chromiumSwitches.ts, bundled). */
export function playwrightDisabledFeatures(): string[] {
  const root = dirname(createRequire(join(ROOT, 'package.json')).resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1];
  const features = list ? [...list.matchAll(/^\s*"([A-Za-z0-9]+)",?$/gm)].map((match) => match[1] as string) : [];
  if (features.length === 0) throw new Error("Playwright's disabled Chromium features were not found in playwright-core/lib/coreBundle.js");
  return features;
}

export function launchOptions(): LaunchOptions {
  return { executablePath: chromiumPath(), args: benchChromiumArgs() };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/** A browser whose profile (and so IndexedDB) lives in `userDataDir`, to measure a cold start of the cache. */
export function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...launchOptions(), ...CONTEXT_OPTIONS });
}

export const CONTEXT_OPTIONS = { viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' } as const;

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await context.addInitScript({ path: PROBE_SCRIPT });
  return context;
}

/** Calls a function of the harness page's API with JSON arguments. */
export async function bench<K extends keyof BenchPageApi>(
  page: Page,
  name: K,
  ...args: Parameters<BenchPageApi[K]>
): Promise<Awaited<ReturnType<BenchPageApi[K]>>> {
  return page.evaluate(
    ([global, fn, values]) => {
      const api = (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[global as string];
      if (!api) throw new Error('The harness page is not loaded.');
      return (api[fn as string] as (...a: unknown[]) => unknown)(...(values as unknown[]));
    },
    [BENCH_GLOBAL, name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchPageApi[K]>>>;
}

/**
 * Waits until a JavaScript expression is truthy in the page, checked in the page itself (every
 * `intervalMs`, or every frame). Playwright's `waitForFunction` with a string needs `eval`, which
 * the app's Content Security Policy forbids; an evaluated promise does not.
 */
export async function waitUntil(
  page: Page,
  expression: string,
  options: { timeoutMs?: number; intervalMs?: number; everyFrame?: boolean } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const ok = await page.evaluate(`new Promise((resolve) => {
    const started = performance.now();
    const check = () => {
      let value = false;
      try { value = !!(${expression}); } catch { value = false; }
      if (value) return resolve(true);
      if (performance.now() - started > ${timeoutMs}) return resolve(false);
      if (${options.everyFrame ? 'true' : 'false'}) requestAnimationFrame(check);
      else setTimeout(check, ${options.intervalMs ?? 20});
    };
    check();
  })`);
  if (!ok) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${expression}`);
}

/**
 * Opens the harness page in `page` (the app's origin must already have the session cookie), handing
 * it the page secret as the launch link's redirect does (in the fragment; it keeps it in memory).
 */
export async function openHarness(page: Page, origin: string, apiSecret: string): Promise<void> {
  await page.goto(`${origin}/bench/#mca-desk-bridge=${apiSecret}`);
  await waitUntil(page, `window.${BENCH_GLOBAL}`);
}

/** Reads something the probe recorded in an app page. */
export function probe<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(`(() => { const probe = window.__mcaProbe; return ${expression}; })()`) as Promise<T>;
}

/** Waits until the app page has been idle for `quietMs` (no long tasks). */
export async function idle(page: Page, quietMs = 500, timeoutMs = 30_000): Promise<boolean> {
  return page.evaluate(`window.__mcaProbe.idle(${quietMs}, ${timeoutMs})`) as Promise<boolean>;
}

/** A bridge call from the page (it holds the session cookie) with the page secret, answering the envelope. */
export function bridge<T = unknown>(
  page: Page,
  apiSecret: string,
  channel: string,
  request: unknown = {},
): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }> {
  return page.evaluate(bridgeCallScript(channel, request, apiSecret)) as Promise<
    { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
  >;
}

export async function signInThroughBridge(page: Page, apiSecret: string, userName: string, password: string): Promise<void> {
  const result = await bridge(page, apiSecret, 'signIn', { method: 'password', userName, password });
  if (!result.ok) throw new Error(`Sign-in failed: ${result.error.message}`);
}

/** Every customer id the backend lists for the signed-in agent, through the bridge. */
export async function listCustomerIds(page: Page, apiSecret: string): Promise<string[]> {
  const ids: string[] = [];
  let token: string | null = null;
  do {
    const answer: Awaited<ReturnType<typeof bridge<{ items: Array<{ id: string }>; continuationToken: string | null }>>> = await bridge(
      page,
      apiSecret,
      'listCustomers',
      {
        pageSize: 500,
        ...(token ? { continuationToken: token } : {}),
      },
    );
    if (!answer.ok) throw new Error(`listCustomers failed: ${answer.error.message}`);
    ids.push(...answer.data.items.map((item) => item.id));
    token = answer.data.continuationToken;
  } while (token);
  return ids;
}
