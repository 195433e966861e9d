/**
 * Playwright fixtures for browser mode: every test gets a fresh MCA Desk (the host services behind
 * the loopback bridge, serving the built renderer) on a free port, backed by its own in-memory
 * sandbox, and a `page` already opened through the launch's token URL (so it holds the session
 * cookie). `signIn` signs in as a seeded user through the bridge, as the app itself would.
 *
 *   import { test, expect } from './fixtures';
 *   test('…', async ({ page, signIn, app }) => { await signIn('sales@contoso.example'); … });
 *
 * Configure the app per file with `test.use({ appOptions: { sandbox: { latencyMs: 200 } } })`. A file
 * whose tests change nothing at the backend calls `oneAppForThisFile()`: its tests share one app.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startWebApp, type WebApp, type WebAppOptions } from '../../electron/web/index';
import { SEEDED_PASSWORD, seededUsers } from '../../sandbox/index';
import type { Session } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import { guardContext } from './support/guards';

export { expect };
export { SEEDED_PASSWORD, seededUsers };

export interface SignInOptions {
  password?: string;
  /** Reload the page afterwards so the app picks up the session (default true). */
  reload?: boolean;
  /**
   * The screen to go on to after the reload when the page was on none (the app's own first screen is
   * the Overview): default '/customers', where most tests begin; null stays on the app's first screen.
   */
  landing?: string | null;
}

export interface BrowserModeFixtures {
  /** Options for `startWebApp` (in-memory and a free port are always set). */
  appOptions: Omit<WebAppOptions, 'memory' | 'port'>;
  /** The running browser-mode app: `url` (with the token), `origin`, `sandbox` (inspect, faults, token expiry). */
  app: WebApp;
  /** A page opened through the token URL: it can load the app and call the bridge. */
  page: Page;
  /** Signs in as a seeded user through the bridge (default admin@contoso.example). */
  signIn: (userName?: string, options?: SignInOptions) => Promise<Extract<Session, { signedIn: true }>>;
  /** Calls a bridge channel from the page, answering the envelope (for checks a test cannot do through the UI). */
  bridge: <T = unknown>(channel: string, request?: unknown) => Promise<Envelope<T>>;
  /**
   * Loads the app again, as a reload does, through the launch link (the page's bridge secret is kept
   * in memory only, so a plain reload loses it), and returns to the screen it was on.
   */
  reopen: () => Promise<void>;
}

function startApp(appOptions: BrowserModeFixtures['appOptions']): Promise<WebApp> {
  // The seed's route is what most files here prove, so the sandbox still offers it unless a file
  // asks for Partner Center as it is today (`sandbox: { legacyAttestation: 'retired' }`, enhanced-*.e2e.ts).
  const sandbox = { legacyAttestation: 'available' as const, ...appOptions.sandbox };
  return startWebApp({
    ...appOptions,
    sandbox,
    memory: true,
    port: 0,
    log: { warn: () => undefined, error: (message) => console.error(message) },
  });
}

export const test = base.extend<BrowserModeFixtures>({
  appOptions: [{}, { option: true }],

  // Every page of every test: no CSP violation, no request leaving 127.0.0.1 (tests/e2e/support/guards.ts).
  context: async ({ context }, use) => {
    const guards = await guardContext(context);
    await use(context);
    expect(guards.problems(), 'CSP violations and requests that left 127.0.0.1').toEqual([]);
  },

  app: async ({ appOptions }, use) => {
    const app = await startApp(appOptions);
    try {
      await use(app);
    } finally {
      await app.stop();
    }
  },

  baseURL: async ({ app }, use) => {
    await use(app.origin);
  },

  page: async ({ page, app }, use) => {
    await page.goto(app.url);
    await use(page);
  },

  bridge: async ({ page, app }, use) => {
    await use(
      async <T>(channel: string, request: unknown = {}) =>
        page.evaluate(
          async ({ channel, request, secret }) => {
            const response = await fetch(`/api/${channel}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'X-MCA-Desk-Token': secret },
              body: JSON.stringify(request),
            });
            return response.json();
          },
          { channel, request, secret: app.apiSecret },
        ) as Promise<Envelope<T>>,
    );
  },

  reopen: async ({ page, app }, use) => {
    await use(async () => {
      const hash = new URL(page.url()).hash;
      await page.goto(app.url);
      if (!hash || hash === '#/') return;
      // Once the app has routed itself (its first screen is up), go back to the screen it was on.
      await page.locator('h1').first().waitFor();
      await page.evaluate((route) => ((globalThis as unknown as { location: { hash: string } }).location.hash = route), hash);
    });
  },

  signIn: async ({ page, bridge, reopen }, use) => {
    await use(async (userName = 'admin@contoso.example', options: SignInOptions = {}) => {
      const result = await bridge<Session>('signIn', { method: 'password', userName, password: options.password ?? SEEDED_PASSWORD });
      if (!result.ok || !result.data.signedIn) throw new Error(`Sign-in as ${userName} failed: ${JSON.stringify(result)}`);
      if (!(options.reload ?? true)) return result.data;
      // On the sign-in screen (or none) the reload lands on the app's first screen; a test that was on a screen goes back to it.
      const hash = new URL(page.url()).hash;
      const onNoScreen = !hash || hash === '#/' || hash === '#/sign-in';
      await reopen();
      const landing = options.landing === undefined ? '/customers' : options.landing;
      if (onNoScreen && landing !== null) {
        await expect(page).toHaveURL(/#\/overview$/);
        await page.evaluate((route) => ((globalThis as unknown as { location: { hash: string } }).location.hash = route), `#${landing}`);
      }
      return result.data;
    });
  },
});

/**
 * For a file whose tests only read at the backend (sign in, look, and what the page keeps in its own
 * fresh browser context): one app serves all of the file's tests, started with the first and signed
 * out before each, instead of an app per test. Call it once at the top of the file.
 */
export function oneAppForThisFile(): void {
  let shared: WebApp | undefined;
  test.use({
    app: async ({ appOptions }, use) => {
      shared ??= await startApp(appOptions);
      await shared.host.dispatch('signOut', {});
      await use(shared);
    },
  });
  test.afterAll(async () => {
    await shared?.stop();
    shared = undefined;
  });
}
