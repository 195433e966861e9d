/**
 * Queues many attestations (an MCA refresh, a CSV import) through the ordinary outbox command, a
 * chunk per transaction, so each item gets its own request id and audit entry exactly as if the
 * agent had saved it alone, the UI stays responsive, and progress can be shown. A failure stops at a
 * chunk boundary: what was queued before stays queued, nothing is half-written.
 */
import { enqueueAttestation, type CommandContext, type NewAttestation } from './outbox-commands';
import type { OutboxItem } from '../db/rows';

export const ENQUEUE_CHUNK = 250;

export async function enqueueMany(
  attestations: readonly NewAttestation[],
  context: Omit<CommandContext, 'now'> & { now: () => number },
  onProgress: (queued: number) => void = () => undefined,
  chunkSize = ENQUEUE_CHUNK,
): Promise<OutboxItem[]> {
  const { database } = context;
  const queued: OutboxItem[] = [];
  for (let start = 0; start < attestations.length; start += chunkSize) {
    const chunk = attestations.slice(start, start + chunkSize);
    // One outer transaction per chunk; enqueueAttestation runs inside it as a sub-transaction.
    const items = await database.transaction('rw', database.outbox, database.audit, async () => {
      const written: OutboxItem[] = [];
      for (const attestation of chunk) written.push(await enqueueAttestation(attestation, { ...context, now: context.now() }));
      return written;
    });
    queued.push(...items);
    onProgress(queued.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return queued;
}
