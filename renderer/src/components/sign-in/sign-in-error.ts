/**
 * What the sign-in page says when a sign-in fails. A sign-in Partner Center refused for want of
 * multi-factor authentication (401 with 900421) is not a wrong password: the agent must be told to
 * sign in again with MFA, or they would retype the same password forever.
 */
import { sandboxAccounts } from '../../../../shared/domain/sandbox-accounts';
import { ApiError, needsMfa } from '../../../../shared/ipc/errors';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The sandbox account that signs in without MFA (a fixture of the rule), named in the sandbox's hint. */
const noMfaUserName = sandboxAccounts.find((account) => !account.mfa)?.userName;

export function signInErrorMessage(caught: unknown, t: Translate, options: { sandbox: boolean }): string {
  if (caught instanceof ApiError && needsMfa(caught.detail)) {
    const hint = options.sandbox && noMfaUserName ? ` ${t('signIn.mfaRequiredSandbox', { userName: noMfaUserName })}` : '';
    return `${t('signIn.mfaRequired')}${hint}`;
  }
  if (caught instanceof ApiError && (caught.code === 'auth-required' || caught.code === 'bad-request' || caught.code === 'forbidden'))
    return t('signIn.failed');
  return t('signIn.error', { message: caught instanceof Error ? caught.message : String(caught) });
}
