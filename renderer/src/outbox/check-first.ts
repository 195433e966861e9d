/**
 * The one rule of "check first?": whether a write (a legacy attestation, an enhanced attestation's
 * create or finalise) is preceded by a read of whether an earlier attempt already landed.
 *
 * The lease writes `attempts + 1` in the same transaction that marks the item sending, before its
 * request leaves (`queue.ts`); a step that moves on resets `attempts` (the step ahead was never
 * tried). So an item sent with `attempts === 1` is the first try of its step, and no request of that
 * step ever left this computer: it writes directly, and the write's own answers say "exists" (600061,
 * or an MS-RequestId replay). Anything else (a retry, a lost answer, a recovered lease after a kill
 * mid-send, an item another leader held) may have landed: read first.
 *
 * A create needs no read either way: its MS-RequestId replay answers the same attestation, and says so.
 */
import type { OutboxItem } from './item';

/** Whether this send of the item's write reads first (the request's `checkFirst`; absent = true at the host). */
export function checkFirst(item: Pick<OutboxItem, 'attempts'>): boolean {
  return item.attempts !== 1;
}
