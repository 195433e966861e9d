// @vitest-environment node
/**
 * Packaging without the Electron zip: electron-builder packs the app against a stub Electron
 * distribution whose "binary" carries the fuse sentinel. Checked: the config, the files in app.asar
 * (build output and runtime dependencies only) and the fuses electron-builder wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const root = resolve(__dirname, '../../../..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

interface BuilderConfig {
  appId: string;
  productName: string;
  npmRebuild: boolean;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  mac: { target: string };
  win: { target: string };
  linux: { target: string[]; executableName: string };
  electronFuses: Record<string, boolean>;
}

describe('electron-builder.yml', () => {
  it('declares the app, the three platforms, no rebuild and every fuse', async () => {
    const config = parse(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
    expect(config.appId).toBe('com.mcadesk.app');
    expect(config.productName).toBe('MCA Desk');
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    // Only data outside the asar: code stays inside its integrity check.
    expect(config.asarUnpack).toEqual(['node_modules/@electric-sql/pglite/dist/*.wasm', 'node_modules/@electric-sql/pglite/dist/*.data']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'tar.gz']);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('packing against a stub Electron distribution', () => {
  let work: string;
  let appDir: string;
  let log = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'mca-pack-'));
    const stub = join(work, 'electron-dist');
    await mkdir(stub);
    // Electron's default fuse wire (v1, 8 fuses): RunAsNode on, cookie encryption off, NODE_OPTIONS on,
    // inspect on, asar integrity off, only-from-asar off, browser V8 snapshot off, file:// privileges on.
    const wire = Buffer.concat([
      Buffer.from(`#!/bin/sh\n# stub electron ${SENTINEL}`),
      Buffer.from([1, 8]),
      Buffer.from('10110001'),
      Buffer.from('\necho stub\n'),
    ]);
    await writeFile(join(stub, 'electron'), wire);
    await chmod(join(stub, 'electron'), 0o755);
    const build = spawnSync(npx, ['electron-vite', 'build'], { cwd: root, encoding: 'utf8' });
    log += build.stdout + build.stderr;
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${log}`);
    const out = join(work, 'dist');
    const pack = spawnSync(
      npx,
      ['electron-builder', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${stub}`, `-c.directories.output=${out}`],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      },
    );
    log += pack.stdout + pack.stderr;
    if (pack.status !== 0) throw new Error(`electron-builder failed:\n${log}`);
    appDir = join(out, 'linux-unpacked');
  }, 180_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('packs only the build output, package.json and the runtime dependencies into app.asar', () => {
    const asar = join(appDir, 'resources', 'app.asar');
    expect(existsSync(asar), log).toBe(true);
    const files = listPackage(asar, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
    for (const required of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html'])
      expect(files, required).toContain(required);
    expect(files.some((file) => file.startsWith('/node_modules/zod/'))).toBe(true);
    expect(files.some((file) => file.startsWith('/node_modules/@azure/msal-node/'))).toBe(true);
    const forbidden = files.filter(
      (file) =>
        /^\/(electron|renderer|shared|sandbox|tests|scripts|build|\.ci)\//.test(file) ||
        /\.map$/.test(file) ||
        /^\/node_modules\/(electron|vite|vitest|vue|@playwright|playwright|typescript|electron-builder|eslint|dexie)\//.test(file) ||
        (/\.(ts|vue)$/.test(file.replace(/\.d\.ts$/, '')) && !file.startsWith('/node_modules/')),
    );
    expect(forbidden).toEqual([]);
  });

  it("keeps only PGlite's WASM and data files outside app.asar; its code stays inside", async () => {
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked');
    const outside = (await readdir(unpacked, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(unpacked, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
    expect(outside.sort()).toEqual([
      'node_modules/@electric-sql/pglite/dist/initdb.wasm',
      'node_modules/@electric-sql/pglite/dist/pglite.data',
      'node_modules/@electric-sql/pglite/dist/pglite.wasm',
    ]);
    const inside = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
    expect(inside).toContain('/node_modules/@electric-sql/pglite/dist/index.cjs');
  });

  it('writes the fuses into the Electron binary', async () => {
    const fuses = await getCurrentFuseWire(join(appDir, 'mca-desk'));
    const disabled = '0'.charCodeAt(0); // @electron/fuses' FuseState.DISABLE
    const enabled = '1'.charCodeAt(0); // FuseState.ENABLE
    expect(fuses[FuseV1Options.RunAsNode]).toBe(disabled);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(enabled);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(disabled);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(disabled);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(enabled);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(enabled);
    expect(fuses[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(disabled);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(disabled);
  });
});
