/**
 * Exactly-once writes on `MS-RequestId`: the look-up of an earlier answer, the write and the record of
 * the answer happen in one database transaction. PGlite runs one transaction at a time, and the
 * (partner, request id) primary key backs it up, so concurrent identical requests write once and all
 * get the same answer. Only successful answers are kept: a refused request changed nothing, and a
 * retry of it is judged afresh.
 */
import type { Transaction } from '@electric-sql/pglite';
import type { Database } from '../db/database';
import { errors } from '../http/errors';
import { AUDIT_INSERT, auditParams, type AuditEntry } from './audit';

export interface Outcome {
  status: number;
  body: unknown;
  /** The audit row of this attempt, written in the same statement as the idempotency record. */
  audit?: AuditEntry;
}

export interface IdempotencyKey {
  partnerId: string;
  requestId: string;
  /** False when the server made the request id up: nothing to replay then. */
  given: boolean;
  /** What the request did (method, path), so one id is not replayed for another operation. */
  operation: string;
}

export async function runIdempotent(
  db: Database,
  key: IdempotencyKey,
  work: (tx: Transaction) => Promise<Outcome>,
): Promise<Outcome & { replayed: boolean }> {
  return db.transaction(async (tx) => {
    if (key.given) {
      const earlier = await tx.query<{ operation: string; status: number; body: string }>(
        'select operation, status, body from idempotency where partner_id = $1 and request_id = $2',
        [key.partnerId, key.requestId],
      );
      const row = earlier.rows[0];
      if (row) {
        if (row.operation !== key.operation) return { ...errors.requestIdReused(), replayed: false };
        return { status: row.status, body: JSON.parse(row.body) as unknown, replayed: true };
      }
    }
    const outcome = await work(tx);
    const remember = key.given && outcome.status >= 200 && outcome.status < 300;
    if (outcome.audit)
      // One round trip: the audit row, plus the idempotency record when the answer is kept.
      await tx.query(
        `with remembered as (
           insert into idempotency (partner_id, request_id, operation, status, body)
           select $11, $12, $13, $14, $15 where $16::boolean
           on conflict do nothing
         ) ${AUDIT_INSERT}`,
        [
          ...auditParams(outcome.audit),
          key.partnerId,
          key.requestId,
          key.operation,
          outcome.status,
          JSON.stringify(outcome.body),
          remember,
        ],
      );
    else if (remember)
      await tx.query(
        'insert into idempotency (partner_id, request_id, operation, status, body) values ($1, $2, $3, $4, $5) on conflict do nothing',
        [key.partnerId, key.requestId, key.operation, outcome.status, JSON.stringify(outcome.body)],
      );
    return { status: outcome.status, body: outcome.body, replayed: false };
  });
}
