export default {
  title: 'Sign in to MCA Desk',
  sandboxIntro: 'This copy of MCA Desk uses the sandbox: a local stand-in for Partner Center to try the app and train agents.',
  partnerCenterIntro: 'Sign in with your Partner Center work account. Microsoft’s sign-in page opens in your browser.',
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  microsoft: 'Sign in with Microsoft',
  failed: 'The email or password is not correct.',
  error: 'Could not sign in: {message}',
  mfaRequired: 'Partner Center requires multi-factor authentication (MFA), and this sign-in had none. Sign in again with MFA.',
  mfaRequiredSandbox: 'In the sandbox, every account except {userName} signs in with MFA.',
  reauth: 'Your sign-in expired. Sign in again as {name} to send your queued confirmations.',
  reauthMfa:
    'Partner Center requires multi-factor authentication (MFA). Sign in again as {name} with MFA to send your queued confirmations.',
  settingsLink: 'Backend and language settings',
  accounts: {
    title: 'Sandbox accounts',
    hint: 'Every sandbox account has the password “{password}”. Choose an account to fill in its email.',
    describe: '{role}, {partner} ({partnerType})',
    noMfa: 'The account without MFA: Partner Center refuses its sign-in today.',
  },
};
