/**
 * Builds what the benchmark serves: the app exactly as `electron-vite build` made it (out/renderer),
 * plus the harness page under /bench/ on the same origin, so the harness and the app share one
 * IndexedDB. Output: a folder the caller names (the app at /, the harness at /bench/), outside out/
 * so the security scan of the build never sees the harness.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { build } from 'vite';

export const ROOT = resolve(__dirname, '..', '..');
export const PROBE_SCRIPT = join(ROOT, 'tests', 'bench', 'page', 'probe.js');

export interface BuildOptions {
  /** Where the site goes (replaced). */
  outDir: string;
  /** Run `electron-vite build` first (default true); the smoke test reuses the build `npm test` made. */
  buildApp?: boolean;
  log?: (message: string) => void;
}

export async function buildBenchSite(options: BuildOptions): Promise<string> {
  const log = options.log ?? (() => undefined);
  if (options.buildApp ?? true) {
    log('Building the app (electron-vite build)…');
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const result = spawnSync(npx, ['electron-vite', 'build'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stdout}\n${result.stderr}`);
  }
  const app = join(ROOT, 'out', 'renderer');
  if (!existsSync(join(app, 'index.html'))) throw new Error('out/renderer is not built: run `npm run build` first.');
  const siteDir = options.outDir;
  rmSync(siteDir, { recursive: true, force: true });
  cpSync(app, siteDir, { recursive: true });
  log('Building the harness page…');
  await build({
    configFile: false,
    root: join(ROOT, 'tests', 'bench', 'page'),
    base: '/bench/',
    logLevel: 'warn',
    plugins: [vue()],
    define: {
      __VUE_I18N_FULL_INSTALL__: 'true',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
    },
    build: {
      outDir: join(siteDir, 'bench'),
      emptyOutDir: true,
      // Chromium has modulepreload; the polyfill's import does not resolve from this root.
      modulePreload: { polyfill: false },
      rollupOptions: { input: join(ROOT, 'tests', 'bench', 'page', 'index.html') },
    },
  });
  return siteDir;
}
