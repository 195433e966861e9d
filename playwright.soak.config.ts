import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/chromium';

// The long Playwright runs of `npm run soak` (not part of `npm test`): tests/soak/*.soak.ts, against
// the built renderer (tests/soak/run.ts builds it when it is missing).
export default defineConfig({
  testDir: 'tests/soak',
  testMatch: '**/*.soak.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: [['list']],
  use: { launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } },
});
