#!/usr/bin/env node
// `npm run pack [-- <electron-builder args>]`: builds the app and packages it with electron-builder
// (electron-builder.yml: NSIS, dmg, AppImage/deb/tar.gz, fuses). Packaging needs the Electron zip of
// the pinned version; where it cannot be downloaded (as on machines without GitHub access) this says so
// in one sentence and fails, instead of leaving electron-builder's long download trace as the answer.
// ELECTRON_DIST=<folder of an unpacked Electron> packs against a local Electron instead of downloading.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const builderArgs = process.argv.slice(2);
const electronDist = process.env.ELECTRON_DIST;

if (electronDist && !existsSync(electronDist)) {
  console.error(`npm run pack: ELECTRON_DIST names "${electronDist}", which does not exist; nothing was packed.`);
  process.exit(2);
}

const build = spawnSync(npx, ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const args = ['electron-builder', '--publish', 'never', ...builderArgs];
if (electronDist) args.push(`-c.electronDist=${electronDist}`);
const pack = spawnSync(npx, args, { cwd: root, encoding: 'utf8', env: process.env });
process.stdout.write(pack.stdout ?? '');
process.stderr.write(pack.stderr ?? '');
if (pack.status === 0) {
  console.log('npm run pack: packages written to dist/.');
  process.exit(0);
}
const output = `${pack.stdout}\n${pack.stderr}`;
if (/electron-v[\d.]+-[\w-]+\.zip|download|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/i.test(output)) {
  console.error(
    'npm run pack: the Electron zip cannot be downloaded on this machine, so no package was built; ' +
      'set ELECTRON_DIST to an unpacked Electron of the pinned version to pack offline.',
  );
} else {
  console.error('npm run pack: electron-builder failed (its output is above); no package was built.');
}
process.exit(pack.status ?? 1);
