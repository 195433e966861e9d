/**
 * Evidence files in IndexedDB: the description and the bytes in two tables (a list reads no bytes),
 * each addition and removal with its audit entry in the same transaction.
 */
import type { EvidenceFileRow, EvidenceRow } from '../evidence/evidence-row';
import type { AuditEntry } from './rows';
import type { McaDeskDatabase } from './mca-desk-database';
import { guardStorage } from './storage-errors';

function auditOf(row: EvidenceRow, kind: 'evidence-added' | 'evidence-removed', at: number, actor: string): AuditEntry {
  return { at, kind, itemId: row.id, customerId: row.customerId, actor, detail: `${row.fileName} (sha256 ${row.sha256})` };
}

export class EvidenceRepository {
  constructor(private readonly database: McaDeskDatabase) {}

  /** A customer's evidence, newest first. */
  async list(customerId: string): Promise<EvidenceRow[]> {
    const rows = await this.database.evidence.where('customerId').equals(customerId).toArray();
    return rows.sort((a, b) => b.addedAt - a.addedAt);
  }

  /** The evidence of several customers, in the order given, each customer's newest first. */
  async listFor(customerIds: readonly string[]): Promise<EvidenceRow[]> {
    const rows = await this.database.evidence
      .where('customerId')
      .anyOf([...customerIds])
      .toArray();
    const order = new Map(customerIds.map((id, index) => [id, index]));
    return rows.sort((a, b) => order.get(a.customerId)! - order.get(b.customerId)! || b.addedAt - a.addedAt);
  }

  /** Every customer with evidence, by id. */
  async customerIds(): Promise<string[]> {
    return (await this.database.evidence.orderBy('customerId').uniqueKeys()) as string[];
  }

  count(): Promise<number> {
    return this.database.evidence.count();
  }

  async bytesOf(id: string): Promise<Uint8Array | undefined> {
    return (await this.database.evidenceFiles.get(id))?.bytes;
  }

  add(row: EvidenceRow, bytes: Uint8Array): Promise<void> {
    const { evidence, evidenceFiles, audit } = this.database;
    const file: EvidenceFileRow = { id: row.id, bytes };
    return guardStorage(() =>
      this.database.transaction('rw', evidence, evidenceFiles, audit, async () => {
        await evidence.add(row);
        await evidenceFiles.add(file);
        await audit.add(auditOf(row, 'evidence-added', row.addedAt, row.addedBy.name));
      }),
    );
  }

  /** Removes one file; answers false when it was gone already (nothing is recorded then). */
  remove(id: string, actor: string, at: number): Promise<boolean> {
    const { evidence, evidenceFiles, audit } = this.database;
    return guardStorage(() =>
      this.database.transaction('rw', evidence, evidenceFiles, audit, async () => {
        const row = await evidence.get(id);
        if (!row) return false;
        await evidence.delete(id);
        await evidenceFiles.delete(id);
        await audit.add(auditOf(row, 'evidence-removed', at, actor));
        return true;
      }),
    );
  }
}
