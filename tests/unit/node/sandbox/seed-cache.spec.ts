// @vitest-environment node
/**
 * The sandbox's seeded snapshot is cached in the user's own data folder (0700, the file 0600), never in
 * a shared temporary folder where another user could plant a database for this one to load.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedCacheDir } from '../../../../sandbox/data-dir';

describe('the seed snapshot cache', () => {
  let home: string;
  const saved = { ...process.env };
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'mca-seed-home-'));
    delete process.env.MCA_SANDBOX_SEED_CACHE;
    delete process.env.MCA_SANDBOX_SNAPSHOT_CACHE;
    delete process.env.MCA_SANDBOX_DATA;
    process.env.XDG_DATA_HOME = home;
    vi.resetModules();
  });
  afterEach(async () => {
    process.env = { ...saved };
    await rm(home, { recursive: true, force: true });
  });

  it('lives beside the per-user data folder, not in the temporary folder', () => {
    expect(seedCacheDir(process.env, 'linux')).toBe(join(home, 'mca-desk', 'sandbox-seed-cache'));
    expect(seedCacheDir({ ...process.env, MCA_SANDBOX_DATA: '/elsewhere' }, 'linux')).toBe(join(home, 'mca-desk', 'sandbox-seed-cache'));
    expect(seedCacheDir({ MCA_SANDBOX_SEED_CACHE: '/custom' }, 'linux')).toBe('/custom');
    expect(seedCacheDir(process.env, 'linux').startsWith(tmpdir() + '/mca-desk-sandbox')).toBe(false);
  });

  it.skipIf(process.platform === 'win32')(
    'is created for the user only, and a folder others could read is closed first',
    async () => {
      const dir = join(home, 'mca-desk', 'sandbox-seed-cache');
      await mkdir(dir, { recursive: true });
      await chmod(dir, 0o777);
      const { openDatabase } = await import('../../../../sandbox/db/database');
      const { db } = await openDatabase({ memory: true });
      await db.close();
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      const files = (await readdir(dir)).filter((name) => name.endsWith('.tar.gz'));
      expect(files).toHaveLength(1);
      expect((await stat(join(dir, files[0]!))).mode & 0o777).toBe(0o600);
    },
    60_000,
  );
});
