/**
 * The Overview's figures as they were the last time every customer was read, kept in the agent's
 * database, so the next start shows the cards and charts at once (marked "as of" that time) while
 * 100,000 customers are read back, instead of an empty page for seconds. The same functions that
 * compute the live figures computed these; the live ones replace them once the read is done.
 *
 * Parsed at the boundary: a snapshot an older version wrote, or a damaged one, is not shown.
 */
import { z } from 'zod';
import { mcaStatuses, type McaStatus } from '../domain/mca-status';
import type { McaDeskDatabase } from '../db/mca-desk-database';
import { guardStorage } from '../db/storage-errors';
import { CHART_WEEKS, TOP_COUNTRIES, type OverviewCharts } from './charts-data';

const SNAPSHOT_KEY = 'overview.snapshot';

/** The figures the Overview shows: how many customers, how many of each status, and both charts. */
export interface OverviewFigures {
  total: number;
  counts: Record<McaStatus, number>;
  charts: OverviewCharts;
}

/** Figures and when they were derived (epoch ms). */
export interface OverviewSnapshot extends OverviewFigures {
  at: number;
}

const count = z.number().int().nonnegative();

const countsSchema = z
  .record(z.string(), count)
  .refine((counts) => mcaStatuses.every((status) => status in counts), { message: 'a count for every MCA status' })
  .transform((counts) => Object.fromEntries(mcaStatuses.map((status) => [status, counts[status] as number])) as Record<McaStatus, number>);

const snapshotSchema = z.object({
  format: z.literal(1),
  at: z.number().int().positive(),
  total: count,
  counts: countsSchema,
  charts: z.object({
    weeks: z.array(z.object({ weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), partner: count, direct: count })).length(CHART_WEEKS),
    countries: z.object({
      top: z.array(z.object({ country: z.string().min(1), count })).max(TOP_COUNTRIES),
      others: count,
      total: count,
    }),
  }),
});

/** The stored snapshot, or null when there is none or it cannot be read as one. */
export async function readOverviewSnapshot(database: McaDeskDatabase): Promise<OverviewSnapshot | null> {
  const stored = (await database.meta.get(SNAPSHOT_KEY))?.value;
  if (stored === undefined) return null;
  const parsed = snapshotSchema.safeParse(stored);
  if (!parsed.success) return null;
  const { format: _format, ...snapshot } = parsed.data;
  return snapshot;
}

/** Keeps `snapshot` as the one to show at the next start (one small put; a full disk is reported). */
export async function writeOverviewSnapshot(database: McaDeskDatabase, snapshot: OverviewSnapshot): Promise<void> {
  await guardStorage(() => database.meta.put({ key: SNAPSHOT_KEY, value: { format: 1, ...snapshot } }));
}
