/**
 * Opens the sandbox's PGlite database: an existing data folder as it is, or a new one (in a folder or
 * in memory) from a seeded snapshot. A new PGlite runs initdb (3.5-5 s); loading a snapshot takes about
 * 1 s, so the migrated and seeded database is dumped once per machine (in the OS temp folder, keyed by
 * the schema and seed) and every new database starts from it.
 */
import { PGlite } from '@electric-sql/pglite';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  return join(tmpdir(), 'mca-desk-sandbox', `seed-${snapshotKey()}.tar.gz`);
}

let snapshotPromise: Promise<Blob> | undefined;

async function buildSnapshot(): Promise<Blob> {
  const file = snapshotFile();
  if (process.env.MCA_SANDBOX_SNAPSHOT_CACHE !== 'off' && existsSync(file)) {
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
        mkdirSync(join(tmpdir(), 'mca-desk-sandbox'), { recursive: true });
        const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
        writeFileSync(temporary, Buffer.from(await blob.arrayBuffer()));
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
