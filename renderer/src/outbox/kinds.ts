/**
 * The send plan of each kind of outbox item: its lane and its transport call. The engine knows
 * nothing else about kinds. A `single` kind goes one item per call (up to the engine's concurrency,
 * one per customer at a time); a `batch` kind goes in waves of up to `batchLimit` items in one call,
 * the next wave once the last one has settled. To add a kind: its name in `OutboxItemKind`, a command
 * that queues it, an entry here, and the transport method it calls.
 */
import type { SubmitResult } from '../../../shared/ipc/contract';
import { kindOf, type OutboxItem, type OutboxItemKind } from './item';
import type { OutboxTransport, SendResult } from './ports';
import { sendEnhancedStep } from './enhanced-steps';

export type KindPlan =
  | { lane: 'single'; send(transport: OutboxTransport, item: OutboxItem): Promise<SendResult> }
  | {
      lane: 'batch';
      limit(transport: OutboxTransport): number;
      send(transport: OutboxTransport, items: readonly OutboxItem[]): Promise<ReadonlyMap<string, SubmitResult>>;
    };

export const KIND_PLANS: Record<OutboxItemKind, KindPlan> = {
  attest: { lane: 'single', send: (transport, item) => transport.submit(item) },
  // An MCA refresh repeats the last contact: only the bulk re-attestation accepts that.
  reattest: { lane: 'batch', limit: (transport) => transport.batchLimit, send: (transport, items) => transport.submitBatch(items) },
  // Partner Center since 5 January 2026: create, watch, finalise (enhanced-steps.ts).
  enhanced: { lane: 'single', send: (transport, item) => sendEnhancedStep(transport, item) },
};

export function planOf(item: OutboxItem): KindPlan {
  return KIND_PLANS[kindOf(item)];
}
