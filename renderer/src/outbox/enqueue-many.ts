/**
 * Queues many attestations (an MCA refresh, a CSV import of attestations or of signers) a chunk per atomic write, each item with
 * its own request id and audit entry exactly as if the agent had saved it alone, so the UI stays
 * responsive and progress can be shown. A failure stops at a chunk boundary: what was queued
 * before stays queued, nothing is half-written.
 */
import { freshItem, itemInputOf, queuedEntry, type CommandContext, type NewRequest } from './commands';
import type { OutboxItem } from './item';

export const ENQUEUE_CHUNK = 250;

export async function enqueueMany(
  attestations: readonly NewRequest[],
  context: Omit<CommandContext, 'now'> & { now: () => number },
  onProgress: (queued: number) => void = () => undefined,
  chunkSize = ENQUEUE_CHUNK,
): Promise<OutboxItem[]> {
  const queued: OutboxItem[] = [];
  for (let start = 0; start < attestations.length; start += chunkSize) {
    const chunk = attestations.slice(start, start + chunkSize);
    const items = chunk.map((attestation) => freshItem(itemInputOf(attestation, context), { ...context, now: context.now() }));
    await context.storage.update([], () => ({ put: items, audit: items.map((item) => queuedEntry(item, item.createdAt)), result: items }));
    queued.push(...items);
    onProgress(queued.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return queued;
}
