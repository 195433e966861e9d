import type { Transaction } from '@electric-sql/pglite';
import type { Database } from '../db/database';

export interface AuditEntry {
  at: Date;
  partnerId?: string | null;
  userId?: string | null;
  userName?: string | null;
  action: string;
  target?: string | null;
  requestId?: string | null;
  correlationId?: string | null;
  status?: number | null;
  detail?: unknown;
}

export const AUDIT_INSERT = `insert into audit (at, partner_id, user_id, user_name, action, target, request_id, correlation_id, status, detail)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;

/** Postgres text cannot hold U+0000, and a refused sign-in's name is whatever the client sent: it is dropped. */
function storable(text: string | null | undefined): string | null {
  return text === undefined || text === null ? null : text.replaceAll('\u0000', '');
}

/** The parameters $1..$10 of AUDIT_INSERT. */
export function auditParams(entry: AuditEntry): unknown[] {
  return [
    entry.at.toISOString(),
    entry.partnerId ?? null,
    entry.userId ?? null,
    storable(entry.userName),
    entry.action,
    storable(entry.target),
    entry.requestId ?? null,
    entry.correlationId ?? null,
    entry.status ?? null,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  ];
}

/** Writes one audit row; call it inside the transaction of the write it describes. */
export async function audit(tx: Transaction | Database, entry: AuditEntry): Promise<void> {
  await tx.query(AUDIT_INSERT, auditParams(entry));
}
