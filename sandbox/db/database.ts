/**
 * Opens the sandbox's PGlite database: an existing data folder as it is, or a new one (in a folder or
 * in memory) from a seeded snapshot. A new PGlite runs initdb (3.5-5 s); loading a snapshot takes about
 * 1 s, so the migrated and seeded database is dumped once per user (in a 0700 folder of the user's own,
 * data-dir.ts `seedCacheDir`, keyed by the schema and seed) and every new database starts from it.
 */
import { PGlite } from '@electric-sql/pglite';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedCacheDir } from '../data-dir';
import { migrations } from './migrations';
import { migrate } from './migrate';
import { seedBase, SEED_VERSION } from './seed';
import { seededCustomers } from '../seed-data';

export type Database = PGlite;

const PGLITE_OPTIONS = { relaxedDurability: false } as const;

function snapshotKey(): string {
  const hash = createHash('sha256');
  hash.update(SEED_VERSION);
  for (const migration of migrations) hash.update(migration.id).update(migration.sql);
  hash.update(JSON.stringify(seededCustomers));
  hash.update(seedBase.toString());
  hash.update(process.version);
  return hash.digest('hex').slice(0, 24);
}

function snapshotFile(): string {
  return join(seedCacheDir(), `seed-${snapshotKey()}.tar.gz`);
}

/** The cache folder, only if it is this user's own and closed to others (else: no cache, only slower). */
function privateCacheDir(create: boolean): string | undefined {
  const dir = seedCacheDir();
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!existsSync(dir)) return undefined;
    if (process.platform === 'win32') return dir;
    const info = statSync(dir);
    if (typeof process.getuid === 'function' && info.uid !== process.getuid()) return undefined;
    if (info.mode & 0o077) chmodSync(dir, 0o700);
    return dir;
  } catch {
    return undefined;
  }
}

let snapshotPromise: Promise<Blob> | undefined;

async function buildSnapshot(): Promise<Blob> {
  const file = snapshotFile();
  if (process.env.MCA_SANDBOX_SNAPSHOT_CACHE !== 'off' && privateCacheDir(false) && existsSync(file)) {
    try {
      return new Blob([readFileSync(file)]);
    } catch {
      // Fall through and rebuild.
    }
  }
  const db = await PGlite.create(PGLITE_OPTIONS);
  try {
    await migrate(db);
    await seedBase(db);
    const dump = await db.dumpDataDir('gzip');
    const blob = new Blob([await dump.arrayBuffer()]);
    if (process.env.MCA_SANDBOX_SNAPSHOT_CACHE !== 'off') {
      try {
        if (!privateCacheDir(true)) throw new Error('no private cache folder');
        const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
        writeFileSync(temporary, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
        renameSync(temporary, file);
      } catch {
        // A cache that cannot be written only costs time.
      }
    }
    return blob;
  } finally {
    await db.close();
  }
}

/** The seeded snapshot, made once per process (and reused from disk across processes). */
export function seededSnapshot(): Promise<Blob> {
  snapshotPromise ??= buildSnapshot().catch((error: unknown) => {
    snapshotPromise = undefined;
    throw error;
  });
  return snapshotPromise;
}

export interface OpenResult {
  db: Database;
  /** True when this database was created now (not reopened from an existing data folder). */
  created: boolean;
}

/** Opens (or creates) the database, applies pending migrations and makes sure the base seed is there. */
export async function openDatabase(options: { dataDir?: string; memory?: boolean }): Promise<OpenResult> {
  let db: Database;
  let created: boolean;
  if (!options.memory && options.dataDir && existsSync(join(options.dataDir, 'PG_VERSION'))) {
    db = await PGlite.create({ ...PGLITE_OPTIONS, dataDir: options.dataDir });
    created = false;
  } else {
    const snapshot = await seededSnapshot();
    if (!options.memory && options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    db = await PGlite.create({
      ...PGLITE_OPTIONS,
      ...(options.memory || !options.dataDir ? {} : { dataDir: options.dataDir }),
      loadDataDir: snapshot,
    });
    created = true;
  }
  await migrate(db);
  await seedBase(db);
  return { db, created };
}
