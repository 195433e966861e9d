import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Two projects: Node-side code (shared core, sandbox, host) and the renderer (happy-dom + fake IndexedDB).
// Playwright specs live in tests/e2e and are never picked up here.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/shared/**/*.spec.ts', 'tests/unit/node/**/*.spec.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/unit/renderer/**/*.spec.ts'],
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
