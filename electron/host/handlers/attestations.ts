/**
 * The outbox's sends: one attestation, or a batch of MCA-refresh items. Both answer a result per
 * item (never an error for the item's sake), so `auth-required` pauses the queue instead of failing it.
 */
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';

export function attestationHandlers(ctx: HostContext): Pick<ChannelImplementations, 'submitAttestation' | 'bulkReattest'> {
  return {
    submitAttestation: (item) => ctx.submit.submit(item),
    async bulkReattest({ items }) {
      return { results: await ctx.bulk.reattest(items) };
    },
  };
}
