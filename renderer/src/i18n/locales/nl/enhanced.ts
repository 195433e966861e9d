import type { Messages } from '../en';

/** De bevestiging bij Partner Center van nu: ondertekenaar, acceptatiekoppeling, volgen, afronden. */
const enhanced: Messages['enhanced'] = {
  dayWhenAccepted: 'Zodra de ondertekenaar accepteert',
  intro:
    'Microsoft vraagt de ondertekenaar van de klant nu om de overeenkomst op een pagina van Microsoft te accepteren. Vul de ondertekenaar in; MCA Desk vraagt Microsoft om de koppeling, u verstuurt die, en MCA Desk rondt de overeenkomst af zodra de ondertekenaar heeft geaccepteerd.',
  signer: 'Ondertekenaar',
  usePrimaryContact: 'Primaire contactpersoon gebruiken',
  primaryContactUnknown: 'De primaire contactpersoon van de klant is nog niet bekend.',
  firstName: 'Voornaam',
  lastName: 'Achternaam',
  email: 'E-mailadres',
  phone: 'Telefoonnummer',
  optional: '(optioneel)',
  companyName: 'Bedrijfsnaam',
  country: 'Land',
  countryHint: 'Twee letters, zoals ISO 3166 ze schrijft (NL, US, NZ).',
  language: 'Taal van de overeenkomst',
  languageHint: 'Een taalcode zoals en-US of nl-NL.',
  linkValidFor: 'Koppeling geldig',
  validity: { hour: '1 uur', day: '1 dag', week: '7 dagen' },
  save: 'Opslaan',
  saveAndContinue: 'Opslaan en doorgaan',
  saving: 'Opslaan…',
  saved: 'De acceptatiekoppeling voor {customer} is aangevraagd. MCA Desk vraagt Microsoft erom zodra het online is.',
  phases: {
    'link-requested': 'Koppeling aangevraagd',
    'link-not-sent': 'Koppeling verstuurd?',
    waiting: 'Wacht tot {signer} accepteert · koppeling verloopt {date}',
    accepted: 'Geaccepteerd door {signer}: de overeenkomst wordt afgerond',
    'link-expired': 'Koppeling verlopen',
  },
  panel: {
    title: 'Acceptatiekoppeling',
    requested: 'MCA Desk vraagt Microsoft om de acceptatiekoppeling voor {signer} zodra het Microsoft kan bereiken.',
    notSent:
      'De acceptatiekoppeling voor {signer} is klaar (geldig tot {date}). Verstuur haar: kopieer de e-mail of open haar in uw e-mailprogramma.',
    waiting: 'Verstuurd {sent}. MCA Desk kijkt of {signer} heeft geaccepteerd; laatst gekeken {checked}.',
    waitingNeverChecked: 'Verstuurd {sent}. MCA Desk kijkt of {signer} heeft geaccepteerd.',
    accepted: '{signer} heeft {date} geaccepteerd. MCA Desk rondt de overeenkomst af.',
    expired: 'De koppeling voor {signer} is {date} verlopen voordat zij werd geaccepteerd.',
    failed: 'De aanvraag is mislukt: {reason}',
    openDraft: 'E-mail openen',
    copy: 'Kopiëren naar klembord',
    openEmail: 'Openen in e-mail',
    checkNow: 'Nu controleren',
    checking: 'Wordt bij de volgende synchronisatie gecontroleerd…',
    cancel: 'Annuleren',
    cancelConfirm:
      'Deze aanvraag voor een acceptatiekoppeling intrekken? MCA Desk volgt haar dan niet meer (de koppeling van Microsoft blijft geldig tot zij verloopt).',
    cancelled: 'De aanvraag voor een acceptatiekoppeling voor {customer} is ingetrokken.',
    sendNewLink: 'Nieuwe koppeling versturen',
    newLinkRequested: 'Er is een nieuwe acceptatiekoppeling voor {customer} aangevraagd.',
    copied: 'Gekopieerd. De koppeling is als verstuurd gemarkeerd.',
    link: 'Koppeling',
  },
  notify: {
    linkReady: 'De acceptatiekoppeling voor {customer} is klaar: verstuur haar naar {signer}.',
    confirmed: '{customer}: de overeenkomst is afgerond. {signer} heeft geaccepteerd.',
    expired: '{customer}: de acceptatiekoppeling is verlopen voordat {signer} accepteerde.',
  },
  outboxSteps: {
    create: 'Koppeling aanvragen',
    'link-not-sent': 'Koppeling klaar: nog niet verstuurd',
    waiting: 'Wacht op de ondertekenaar',
    finalise: 'Geaccepteerd: wordt afgerond',
    expired: 'Koppeling verlopen',
  },
  needMfa:
    'Partner Center vraagt hiervoor een aanmelding met meervoudige verificatie (MFA). Meld u af en meld u opnieuw aan met MFA; uw werk in de wachtrij blijft staan.',
  needAppCredential:
    'De bevestigingsaanroepen van Partner Center hebben de app-registratie van de partner nodig (AppOnly). Een Admin-agent voegt die toe in Instellingen → Backend; uw werk in de wachtrij blijft staan.',
  exportLinks: 'Acceptatiekoppelingen exporteren',
  exported: '{count} acceptatiekoppelingen geëxporteerd (CSV) voor een mailmerge.',
  legacyRetired: 'De backend neemt dit soort bevestiging niet meer aan (Microsoft heeft het op 5 januari 2026 beëindigd).',
  legacyNotMoved:
    'Microsoft heeft dit soort bevestiging op 5 januari 2026 beëindigd. Open {customer} terwijl u online bent en kies Acceptatie bevestigen om de ondertekenaar een acceptatiekoppeling te sturen.',
  legacyMoved:
    'Microsoft heeft dit soort bevestiging op 5 januari 2026 beëindigd: de bevestiging voor {customer} is omgezet in een acceptatiekoppeling voor {signer}.',
};
export default enhanced;
