#!/usr/bin/env node
// `npm run start:web`: browser mode. Builds the renderer when out/renderer is missing or older than
// its sources, then runs the loopback bridge (electron/web/cli.ts) with the flags given.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const built = join(root, 'out', 'renderer', 'index.html');
const sources = Math.max(
  newestMtime(join(root, 'renderer')),
  newestMtime(join(root, 'shared')),
  newestMtime(join(root, 'electron.vite.config.ts')),
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the renderer…');
  const build = spawnSync(npx, ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Node runs the TypeScript entry through tsx's loader directly (no npx/sh in between), so signals reach it.
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'web', 'cli.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
