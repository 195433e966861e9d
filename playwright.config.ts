import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/chromium';

// Every test starts its own browser-mode app (loopback bridge + in-memory sandbox) on free ports
// through the fixtures in tests/e2e/fixtures.ts, so there is no shared web server and no fixed port.
// The built renderer (out/renderer) must exist: `npm test` builds before Playwright runs.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  use: {
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
