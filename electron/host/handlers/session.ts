/** Signing in and out of the backend in use. */
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';

export function sessionHandlers(ctx: HostContext): Pick<ChannelImplementations, 'getSession' | 'signIn' | 'signOut'> {
  return {
    getSession: async () => ctx.auth().session(),
    signIn: (request) => ctx.auth().signIn(request),
    signOut: () => ctx.auth().signOut(),
  };
}
