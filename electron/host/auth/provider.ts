/**
 * One sign-in interface for both backends. Tokens never leave the provider except as the
 * `Authorization` header the client sends; the renderer sees only the `Session` (user, roles,
 * partner type, expiry).
 */
import type { z } from 'zod';
import type { BackendKind, Session, signInRequestSchema } from '../../../shared/ipc/contract';
import type { PartnerUser } from '../../../shared/domain/roles';
import { isMfaRequired } from '../partner-center/enhanced-contract';
import type { PartnerCenterError } from '../partner-center/errors';
import { AuthRequiredError } from '../errors';

export type SignInRequest = z.output<typeof signInRequestSchema>;

export interface AuthProvider {
  readonly kind: BackendKind;
  /** Picks up a session persisted in the secret store (on start). Never throws. */
  restore(): Promise<void>;
  session(): Session;
  /** The signed-in user as main knows it (roles and partner type are re-checked from this), if any. */
  user(): PartnerUser | undefined;
  signIn(request: SignInRequest): Promise<Session>;
  signOut(): Promise<Session>;
  /** A bearer token for the API, or `AuthRequiredError`. */
  getAccessToken(): Promise<string>;
  /** The backend refused the token (401): forget it, so the next call asks to sign in again (with MFA, when that was why). */
  invalidate(loss?: AuthLoss): Promise<void>;
}

/** Why the backend refused the session: MFA missing (900421), with the claims a new sign-in must ask for. */
export interface AuthLoss {
  mfaRequired?: boolean;
  claimsChallenge?: string;
}

/** The loss an error from the backend describes. */
export function authLossOf(error: unknown): AuthLoss {
  if (!isMfaRequired(error)) return {};
  const challenge = (error as PartnerCenterError).claimsChallenge;
  return { mfaRequired: true, ...(challenge ? { claimsChallenge: challenge } : {}) };
}

/**
 * Why a send cannot go for want of a session: the provider's own reason when it is more than "sign
 * in" (MFA missing), else the plain one. The provider answers without the network when signed out.
 */
export async function signedOutError(auth: AuthProvider): Promise<AuthRequiredError> {
  try {
    await auth.getAccessToken();
  } catch (error) {
    if (error instanceof AuthRequiredError && error.need !== 'sign-in') return error;
  }
  return new AuthRequiredError(NOT_SIGNED_IN);
}

export const NOT_SIGNED_IN = 'Sign in to send queued attestations.';
