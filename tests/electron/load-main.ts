/**
 * Runs the built main entry (out/main/index.js) unchanged in this process, with `require('electron')`
 * answered by a double, then lets the app become ready, as Electron does after the main script's
 * first run. One app at a time per process: the double is swapped per test.
 */
import Module from 'node:module';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ElectronDouble } from './double/index';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export const BUILT_MAIN = join(PROJECT_ROOT, 'out', 'main', 'index.js');

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
let current: ElectronDouble | undefined;
let installed = false;

function installHook(): void {
  if (installed) return;
  installed = true;
  const original = moduleInternals._load;
  moduleInternals._load = function load(this: unknown, request: string, parent: unknown, isMain: boolean) {
    if (request === 'electron' || request === 'electron/main') {
      if (!current) throw new Error('require("electron") outside a test that set up the Electron double.');
      return current.module;
    }
    return original.call(this, request, parent, isMain);
  };
}

/** Loads `out/main/index.js` afresh with this double, then emits `ready` on the next turn. */
export function loadBuiltMain(electron: ElectronDouble, options: { ready?: boolean } = {}): void {
  if (!existsSync(BUILT_MAIN))
    throw new Error(`${BUILT_MAIN} is missing: run \`npx electron-vite build\` first (npm test builds before Playwright).`);
  installHook();
  current = electron;
  const require = Module.createRequire(BUILT_MAIN);
  delete require.cache[BUILT_MAIN];
  require(BUILT_MAIN);
  if (options.ready ?? true) setImmediate(() => electron.app.emitReady());
}
