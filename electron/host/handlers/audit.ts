/**
 * The main process's audit journal for the Audit screen. Only the signed-in agent's own records at
 * the backend in use go out: the journal is the computer's, shared by every agent and partner who
 * signed in here, while the renderer's log (and so the screen) is one agent's at one backend.
 * Records nobody was signed in for (refusals before sign-in) belong to no agent and stay in the file.
 */
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';

export function auditHandlers(ctx: HostContext): Pick<ChannelImplementations, 'listHostAudit'> {
  return {
    async listHostAudit({ after, limit }, { user }) {
      const backend = ctx.backend().kind;
      const page = await ctx.journal.page(after, limit);
      const records = page.entries
        .filter(({ record }) => record.agent?.objectId === user.userId && record.backend === backend)
        .map(({ id, record }) => ({ id, ...record }));
      return { records, next: page.next, done: page.done };
    },
  };
}
