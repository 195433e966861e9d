/**
 * The signer's acceptance and the link's early expiry, each one transaction with its audit row. A
 * second acceptance changes nothing; an expired link cannot be accepted; only a pending link can be
 * expired early (sandbox helper).
 */
import type { Database } from '../db/database';
import { audit } from '../services/audit';
import { attestationById, statusOf, type AttestationRow } from './store';

export type AcceptOutcome = { outcome: 'recorded' | 'already-accepted' | 'expired'; row: AttestationRow };

export async function acceptAttestation(
  db: Database,
  id: string,
  now: Date,
  context: { via: 'page' | 'helper'; correlationId?: string },
): Promise<AcceptOutcome | undefined> {
  return db.transaction(async (tx) => {
    const row = await attestationById(tx, id);
    if (!row) return undefined;
    const status = statusOf(row, now);
    let outcome: AcceptOutcome['outcome'] = status === 'expired' ? 'expired' : 'already-accepted';
    if (status === 'pending') {
      await tx.query('update attestations set accepted_at = $2 where id = $1 and accepted_at is null', [id, now.toISOString()]);
      outcome = 'recorded';
    }
    await audit(tx, {
      at: now,
      partnerId: row.partner_id,
      action: 'attestation.accept',
      target: row.id,
      correlationId: context.correlationId ?? null,
      status: outcome === 'expired' ? 410 : 200,
      detail: { via: context.via, outcome },
    });
    return { outcome, row: (await attestationById(tx, id))! };
  });
}

export type ExpireOutcome = { outcome: 'expired' | 'already-expired' | 'not-pending'; row: AttestationRow };

export async function expireAttestation(db: Database, id: string, now: Date, correlationId?: string): Promise<ExpireOutcome | undefined> {
  return db.transaction(async (tx) => {
    const row = await attestationById(tx, id);
    if (!row) return undefined;
    const status = statusOf(row, now);
    let outcome: ExpireOutcome['outcome'] = status === 'expired' ? 'already-expired' : 'not-pending';
    if (status === 'pending') {
      await tx.query('update attestations set expires_at = $2 where id = $1', [id, now.toISOString()]);
      outcome = 'expired';
    }
    await audit(tx, {
      at: now,
      partnerId: row.partner_id,
      action: 'attestation.expire',
      target: row.id,
      correlationId: correlationId ?? null,
      status: outcome === 'not-pending' ? 409 : 200,
      detail: { outcome },
    });
    return { outcome, row: (await attestationById(tx, id))! };
  });
}
