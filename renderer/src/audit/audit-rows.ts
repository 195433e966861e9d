/**
 * What the Audit screen lists: the renderer's own log (IndexedDB) and the main process's journal
 * (`audit.jsonl`, read over `listHostAudit`) in one time line, each row marked with its source.
 *
 * Why nothing is dropped as a duplicate: the two sources record different facts. The renderer
 * records the agent's actions and each outbox item's steps (queued, link ready, accepted, …); main
 * records each backend call it made or refused, with its request id, attestation id and the
 * backend's answer, and the app credential changes, which the renderer never records. So a row from
 * main is never a copy of a renderer row. Duplicates could only come from reading the journal twice
 * (pages, reloads, a second window): each main row keeps its journal id, the reader skips ids it has
 * (host-rows.ts), and main's records are never copied into IndexedDB (so Clear local data, which
 * empties IndexedDB, cannot drop or double them either).
 */
import type { HostAuditAction } from '../../../shared/ipc/host-audit';
import type { AuditEntry } from '../outbox/item';

export type AuditSource = 'app' | 'main';

/** A record of the main process's journal as a row of the screen. */
export interface HostAuditRow {
  source: 'main';
  /** Its id in the journal (stable): the row's key. */
  id: number;
  at: number;
  kind: HostAuditAction;
  actor: string;
  actorObjectId: string;
  customerId: string;
  itemId: string;
  requestId?: string;
  attestationId?: string;
  /** The backend's answer: the outcome and its code ("failed 600061"). */
  answer: string;
  /** False when main refused the call itself (role gate, no credential): it never reached the backend. */
  sent: boolean;
  machine?: string;
}

/** A row of the Audit screen: a renderer entry as stored (no copy, 100,000 of them), or one of main's. */
export type AuditRow = AuditEntry | HostAuditRow;

export function sourceOf(row: AuditRow): AuditSource {
  return 'source' in row && row.source === 'main' ? 'main' : 'app';
}

export function isHostRow(row: AuditRow): row is HostAuditRow {
  return sourceOf(row) === 'main';
}

/** A key unique across both sources (the renderer's seq, main's journal id). */
export function rowKey(row: AuditRow): string {
  return isHostRow(row) ? `main:${row.id}` : `app:${row.seq ?? `${row.at}-${row.kind}`}`;
}

/**
 * Both sources in one time line, oldest first (what the filter walks backwards). Each source is in
 * its own order already, so this is one merge pass; at equal times the renderer's row comes first.
 * Without main rows the renderer's array itself is answered (nothing is copied).
 */
export function mergeAuditRows(app: readonly AuditEntry[], main: readonly HostAuditRow[]): readonly AuditRow[] {
  if (main.length === 0) return app;
  const merged: AuditRow[] = new Array<AuditRow>(app.length + main.length);
  let a = 0;
  let m = 0;
  for (let index = 0; index < merged.length; index += 1) {
    if (m >= main.length || (a < app.length && app[a]!.at <= main[m]!.at)) merged[index] = app[a++]!;
    else merged[index] = main[m++]!;
  }
  return merged;
}
