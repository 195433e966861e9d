import type { PGlite } from '@electric-sql/pglite';
import { migrations } from './migrations';

/** Applies the migrations not yet applied, each in its own transaction. */
export async function migrate(db: PGlite): Promise<string[]> {
  await db.exec('create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())');
  const done = new Set((await db.query<{ id: string }>('select id from schema_migrations')).rows.map((row) => row.id));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id) values ($1)', [migration.id]);
    });
    applied.push(migration.id);
  }
  return applied;
}
