/**
 * The AppOnly app credential the enhanced calls need. Status for anyone signed in (never the
 * credential: "configured, thumbprint …, expires …"); set, replace and remove for an Admin agent,
 * with the Partner Center backend only (the sandbox uses the signed-in user's partner app, no setup).
 * A credential that fails its checks is refused with the reason and nothing is stored.
 */
import type { PartnerUser } from '../../../shared/domain/roles';
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';
import { hostError } from '../errors';
import { APP_CREDENTIAL_KEY, prepareAppCredential } from '../auth/app-credential';

type CredentialChannels = 'getAppCredentialStatus' | 'setAppCredential' | 'removeAppCredential';

function mayChange(ctx: HostContext, user: PartnerUser): void {
  if (ctx.backend().kind !== 'partner-center')
    throw hostError(
      'unavailable',
      "The sandbox uses your partner's app that comes with the sign-in: there is no app credential to set up.",
    );
  if (!user.roles.includes('admin-agent'))
    throw hostError('forbidden', 'Only an Admin agent can set up the app credential.', { reason: 'role-not-permitted' });
}

export function appCredentialHandlers(ctx: HostContext): Pick<ChannelImplementations, CredentialChannels> {
  const journal = (user: PartnerUser, action: 'app-credential.set' | 'app-credential.remove', outcome: string) =>
    ctx.journal
      .append({
        at: ctx.now().toISOString(),
        action,
        agent: { name: user.userName, objectId: user.userId },
        backend: ctx.backend().kind,
        outcome,
        sent: false,
      })
      .catch(() => undefined);
  return {
    getAppCredentialStatus: (_request, { user }) => ctx.appOnly().status(user),
    async setAppCredential(request, { user }) {
      mayChange(ctx, user);
      const stored = prepareAppCredential(request, { now: ctx.now(), configuredBy: user.userName });
      await ctx.secrets.set(APP_CREDENTIAL_KEY, JSON.stringify(stored));
      ctx.partnerCenterAppOnly.forget();
      await journal(user, 'app-credential.set', stored.credential.kind);
      return ctx.partnerCenterAppOnly.status(user);
    },
    async removeAppCredential(_request, { user }) {
      mayChange(ctx, user);
      await ctx.secrets.delete(APP_CREDENTIAL_KEY);
      ctx.partnerCenterAppOnly.forget();
      await journal(user, 'app-credential.remove', 'removed');
      return ctx.partnerCenterAppOnly.status(user);
    },
  };
}
