/** Read-outs of the enhanced flow for tests and other processes (`GET /sandbox/attestations`, `RunningSandbox.inspect`). */
import type { Database } from '../db/database';
import { attestationView, listAttestationRows, type AttestationView } from './store';

export type InspectedAttestation = AttestationView & { partnerId: string; requestId: string | null };

export async function listAttestations(
  db: Database,
  origin: string,
  now: Date,
  filter: { customerId?: string; requestId?: string; partnerId?: string } = {},
): Promise<InspectedAttestation[]> {
  const rows = await listAttestationRows(db, filter);
  return rows.map((row) => ({ ...attestationView(row, origin, now), partnerId: row.partner_id, requestId: row.request_id }));
}
