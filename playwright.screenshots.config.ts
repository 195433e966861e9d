import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/chromium';

// `npm run screenshots`: regenerates docs/screenshots/*.png (the README's pictures) from a fresh
// browser-mode app on the sandbox. Not part of `npm test`; needs a built renderer (`npm run build`).
export default defineConfig({
  testDir: 'tests/screenshots',
  testMatch: '**/*.shots.ts',
  workers: 1,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    viewport: { width: 1280, height: 760 },
  },
});
