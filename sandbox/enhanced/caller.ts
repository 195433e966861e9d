/** Who an enhanced call acts for: the partner, its type, and the name written in the audit log. */
import type { Context } from 'hono';
import type { PartnerType } from '../../shared/domain/roles';
import type { AppEnv } from '../http/context';
import { errors, type ErrorResult } from '../http/errors';
import { appActorName } from './contract';

export interface Actor {
  partnerTenantId: string;
  partnerType: PartnerType;
  /** The user's object id; null for an AppOnly call (no user in the token). */
  userId: string | null;
  /** The user's sign-in name, or `app:<client id>`. */
  userName: string;
}

export function actorOf(c: Context<AppEnv>): Actor {
  const caller = c.get('caller');
  if (caller.kind === 'app')
    return {
      partnerTenantId: caller.app.partnerTenantId,
      partnerType: caller.app.partnerType,
      userId: null,
      userName: appActorName(caller.app.clientId),
    };
  return {
    partnerTenantId: caller.user.partnerTenantId,
    partnerType: caller.user.partnerType,
    userId: caller.user.userId,
    userName: caller.user.userName,
  };
}

/** Indirect resellers cannot use the enhanced flow (reference §1): 403 for either kind of token. */
export function partnerTypeRefusal(actor: Actor): ErrorResult | undefined {
  return actor.partnerType === 'indirect-reseller' ? errors.resellerNotPermitted() : undefined;
}
