import type en from '../en/sign-in';

const nl: typeof en = {
  title: 'Aanmelden bij MCA Desk',
  sandboxIntro:
    'Deze kopie van MCA Desk gebruikt de sandbox: een lokale vervanger van Partner Center om de app uit te proberen en agents te trainen.',
  partnerCenterIntro: 'Meld u aan met uw werkaccount voor Partner Center. De aanmeldpagina van Microsoft opent in uw browser.',
  email: 'E-mail',
  password: 'Wachtwoord',
  submit: 'Aanmelden',
  submitting: 'Aanmelden…',
  microsoft: 'Aanmelden met Microsoft',
  failed: 'Het e-mailadres of wachtwoord klopt niet.',
  error: 'Aanmelden is niet gelukt: {message}',
  mfaRequired: 'Partner Center vereist meervoudige verificatie (MFA) en deze aanmelding had die niet. Meld u opnieuw aan met MFA.',
  mfaRequiredSandbox: 'In de sandbox melden alle accounts behalve {userName} zich aan met MFA.',
  reauth: 'Uw aanmelding is verlopen. Meld u opnieuw aan als {name} om uw bevestigingen in de wachtrij te verzenden.',
  reauthMfa:
    'Partner Center vereist meervoudige verificatie (MFA). Meld u opnieuw aan als {name} met MFA om uw bevestigingen in de wachtrij te verzenden.',
  settingsLink: 'Instellingen voor backend en taal',
  accounts: {
    title: 'Sandboxaccounts',
    hint: 'Elk sandboxaccount heeft het wachtwoord “{password}”. Kies een account om het e-mailadres in te vullen.',
    describe: '{role}, {partner} ({partnerType})',
    noMfa: 'Het account zonder MFA: Partner Center weigert tegenwoordig de aanmelding ervan.',
  },
};
export default nl;
