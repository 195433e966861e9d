/** Signing in and out of the backend in use. */
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';

export function sessionHandlers(ctx: HostContext): Pick<ChannelImplementations, 'getSession' | 'signIn' | 'signOut'> {
  return {
    getSession: async () => ctx.auth().session(),
    signIn: (request) => ctx.auth().signIn(request),
    async signOut() {
      // The agent's one-time customer credentials go with the session (issue 13).
      const user = ctx.auth().user();
      if (user) await ctx.credentials.forgetAllOf(user);
      return ctx.auth().signOut();
    },
  };
}
