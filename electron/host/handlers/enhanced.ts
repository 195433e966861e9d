/**
 * Partner Center today: the enhanced attestation flow. Create and finalise are outbox sends (a result
 * per call, `auth-required` included, so the queue pauses instead of failing); read is a plain call.
 */
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';

type EnhancedChannels = 'createEnhancedAttestation' | 'readEnhancedAttestation' | 'finaliseEnhancedAttestation';

export function enhancedHandlers(ctx: HostContext): Pick<ChannelImplementations, EnhancedChannels> {
  return {
    createEnhancedAttestation: (request) => ctx.enhanced.create(request),
    readEnhancedAttestation: ({ attestationId }, { user }) => ctx.enhanced.read(attestationId, user),
    finaliseEnhancedAttestation: (request) => ctx.enhanced.finalise(request),
  };
}
