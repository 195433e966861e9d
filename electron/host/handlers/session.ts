/** Signing in and out of the backend in use. */
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';

import type { Session } from '../../../shared/ipc/contract';

export function sessionHandlers(ctx: HostContext): Pick<ChannelImplementations, 'getSession' | 'signIn' | 'signOut' | 'listAgents'> {
  /** The signed-in agent joins this computer's directory of agents (a failure to write it never fails the sign-in). */
  async function remembered(session: Session): Promise<Session> {
    if (session.signedIn) await ctx.agents.remember(session.backend, session.user).catch(() => undefined);
    return session;
  }

  return {
    getSession: async () => remembered(await ctx.auth().session()),
    signIn: async (request) => remembered(await ctx.auth().signIn(request)),
    async listAgents(_request, { user }) {
      const agents = await ctx.agents.list(ctx.backend().kind, user.partnerTenantId);
      return { agents: agents.map(({ userId, userName, displayName }) => ({ userId, userName, displayName })) };
    },
    async signOut() {
      // The agent's one-time customer credentials go with the session (issue 13).
      const user = ctx.auth().user();
      if (user) await ctx.credentials.forgetAllOf(user);
      return ctx.auth().signOut();
    },
  };
}
