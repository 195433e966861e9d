#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary can be loaded; otherwise one clear sentence
// and browser mode (the same app over a loopback bridge, in the default browser).
import { spawnSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function electronBinary() {
  // require('electron') answers the binary's path, downloading it first if needed (Electron 45
  // installs lazily); it throws when that is impossible, as on machines without GitHub access.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return probe.status === 0 && probe.stdout ? probe.stdout : undefined;
}

const binary = electronBinary();
if (binary) {
  const build = spawnSync(npx, ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron binary cannot be loaded on this machine, so MCA Desk starts in browser mode instead.');
  const child = spawn(process.execPath, [join(root, 'scripts/start-web.mjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
