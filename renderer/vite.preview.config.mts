import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Serves the built renderer (out/renderer) for the Playwright smoke test.
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: resolve(import.meta.dirname, '../out/renderer') },
});
