/**
 * The sign-in page with the sandbox backend: its account list (the one without MFA described as
 * such), and what it says when the host refuses a sign-in: a sign-in without MFA (Partner Center's
 * 401 with 900421, turned into `auth-required` with reason `mfa-required`) is not a wrong password.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import SignInPage from '../../../../renderer/src/pages/SignInPage.vue';
import ReauthBanner from '../../../../renderer/src/components/shell/ReauthBanner.vue';
import { useSessionStore } from '../../../../renderer/src/stores/session';
import { setLanguage } from '../../../../renderer/src/i18n';
import { sandboxAccounts } from '../../../../shared/domain/sandbox-accounts';
import { ADMIN, ApiFailure } from '../helpers/fake-api';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';

const NO_MFA = 'nomfa@contoso.example';
const mfaRefusal = {
  code: 'auth-required' as const,
  message: 'Partner Center requires multi-factor authentication: sign in again with multi-factor authentication.',
  reason: 'mfa-required',
  status: 401,
  backendCode: 900421,
};

let app: TestApp;
let wrapper: VueWrapper;

beforeEach(async () => {
  app = await createTestApp(null);
  app.fake.on('signIn', (request) => {
    if (request.method === 'password' && request.userName === NO_MFA) throw new ApiFailure(mfaRefusal);
    throw new ApiFailure({ code: 'auth-required', message: 'The user name or password is not correct.' });
  });
  await app.router.push('/sign-in');
  wrapper = await mountIn(app, SignInPage);
});
afterEach(() => setLanguage('en'));

function accountButton(userName: string) {
  const button = wrapper.findAll('button.accounts__choice').find((candidate) => candidate.get('.accounts__email').text() === userName);
  if (!button) throw new Error(`no account ${userName}`);
  return button;
}

async function signInAs(userName: string): Promise<string> {
  await accountButton(userName).trigger('click');
  await wrapper.get('#sign-in-password').setValue('sandbox');
  await wrapper.get('form').trigger('submit');
  await eventually(() => wrapper.find('[role="alert"]').exists());
  return wrapper.get('[role="alert"]').text();
}

describe('the sandbox account list', () => {
  it('lists every seeded account, and describes only the one without MFA as such', () => {
    expect(wrapper.findAll('.accounts__email').map((email) => email.text())).toEqual(sandboxAccounts.map((account) => account.userName));
    expect(accountButton(NO_MFA).text()).toContain('The account without MFA: Partner Center refuses its sign-in today.');
    expect(accountButton('admin@contoso.example').text()).not.toContain('MFA');
  });
});

describe('a sign-in Partner Center refuses for want of MFA', () => {
  it('says plainly that Partner Center requires MFA and to sign in again with MFA, not that the password is wrong', async () => {
    const alert = await signInAs(NO_MFA);
    expect(alert).toBe(
      'Partner Center requires multi-factor authentication (MFA), and this sign-in had none. Sign in again with MFA. In the sandbox, every account except nomfa@contoso.example signs in with MFA.',
    );
    expect(alert).not.toContain('not correct');
    // The agent stays on the sign-in page, signed out; nothing but the sign-in was asked of the host.
    expect(app.router.currentRoute.value.name).toBe('sign-in');
    expect(app.fake.calls.map((call) => call.channel).filter((channel) => channel !== 'getSession' && channel !== 'getAppInfo')).toEqual([
      'signIn',
    ]);
  });

  it('says the same in Dutch', async () => {
    setLanguage('nl');
    await eventually(() => accountButton(NO_MFA).text().includes('Het account zonder MFA'));
    expect(await signInAs(NO_MFA)).toBe(
      'Partner Center vereist meervoudige verificatie (MFA) en deze aanmelding had die niet. Meld u opnieuw aan met MFA. In de sandbox melden alle accounts behalve nomfa@contoso.example zich aan met MFA.',
    );
  });

  it('still calls a wrong password a wrong password', async () => {
    expect(await signInAs('admin@contoso.example')).toBe('The email or password is not correct.');
  });
});

describe('a session Partner Center stopped taking for want of MFA (it predates the rule)', () => {
  it('says so in the banner and on the sign-in page, where a plain expiry says it expired', async () => {
    const signedIn = await createTestApp(ADMIN);
    const session = useSessionStore();
    session.markExpired('mfa');
    const banner = await mountIn(signedIn, ReauthBanner);
    const page = await mountIn(signedIn, SignInPage);
    expect(banner.text()).toContain(
      'Sending is paused: Partner Center requires multi-factor authentication (MFA). Sign in again with MFA.',
    );
    expect(page.text()).toContain('Partner Center requires multi-factor authentication (MFA). Sign in again as Alex Admin with MFA');
    session.markExpired();
    await eventually(() => banner.text().includes('because your sign-in expired'));
    expect(page.text()).toContain('Your sign-in expired. Sign in again as Alex Admin');
    expect(page.text()).not.toContain('MFA). Sign in again as');
  });
});
