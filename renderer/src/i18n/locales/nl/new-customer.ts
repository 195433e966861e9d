import type en from '../en/new-customer';

const nl: typeof en = {
  title: 'Nieuwe klant',
  intro: 'Maak de klant aan in Partner Center en leg daarna vast hoe de klant de Microsoft-klantovereenkomst accepteert.',
  create: 'Klant aanmaken',
  creating: 'Aanmaken…',
  createdQueued: 'Klant {customer} is aangemaakt. De bevestiging van de acceptatie staat in de wachtrij.',
  createdLinkRequested:
    'Klant {customer} is aangemaakt. De acceptatielink is aangevraagd: kopieer hem voor de ondertekenaar op de pagina van de klant zodra hij klaar is.',
  resumed: 'Klant {customer}: de acceptatie, die niet in de wachtrij stond toen de app sloot, staat nu in de wachtrij.',
  resumeRefused: 'Klant {customer} kon niet worden aangemaakt toen de app verderging: {message}',
  createdNotQueued:
    'Klant {customer} is aangemaakt, maar de bevestiging is niet in de wachtrij gezet: {reason} Bevestig de acceptatie op de pagina van de klant.',
  forbidden: 'U kunt deze klant niet aanmaken: {message}',
  offline:
    'De backend was niet bereikbaar, dus de klant is niet aangemaakt. Probeer het opnieuw als u online bent; opnieuw proberen maakt de klant nooit twee keer aan.',
  company: {
    title: 'Bedrijfsgegevens',
    name: 'Bedrijfsnaam',
    domain: 'Domein',
    domainHint: 'Het Microsoft-domein van de klant, zoals contoso.onmicrosoft.com.',
    email: 'E-mailadres',
    emailHint: 'Het e-mailadres van het bedrijf voor berichten van Microsoft.',
    language: 'Taal',
    languageHint: 'Een taalcode, zoals nl-NL of en-US.',
  },
  address: {
    title: 'Adres',
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    line1: 'Adres',
    line2: 'Adresregel 2',
    postalCode: 'Postcode',
    city: 'Plaats',
    state: 'Staat of provincie',
    stateHint: 'Twee letters, waar het land die gebruikt.',
    country: 'Land',
    countryHint: 'Code van twee letters, zoals NL.',
    phone: 'Telefoonnummer',
    registrationNumber: 'Registratienummer van de organisatie',
    registrationHint:
      'Het handels- of belastingregistratienummer van het bedrijf. Partner Center vraagt het voor klanten in sommige landen, zoals Polen, India of Brazilië.',
    registrationRequiredHint: 'Partner Center vraagt het voor een klant in {country}, en ook een telefoonnummer.',
  },
  acceptance: {
    title: 'Microsoft-klantovereenkomst',
    attested: 'Ik bevestig dat de klant de Microsoft-klantovereenkomst heeft geaccepteerd',
    acceptanceLink: 'Stuur de ondertekenaar een acceptatielink (de ondertekenaar accepteert op de pagina van Microsoft)',
    customerAccepts: 'De klant accepteert in het Microsoft 365-beheercentrum',
    customerAcceptsNote:
      'Nadat de klant is aangemaakt, ziet u eenmalig de aanmeldingsnaam en het tijdelijke wachtwoord van de beheerder, en een kant-en-klare uitnodiging met het acceptatieadres.',
    resellerCannot:
      'Als indirecte reseller kunt u de acceptatie niet zelf bevestigen: uw indirecte provider doet dat, of de klant accepteert in het Microsoft 365-beheercentrum.',
    roleCannot: 'Alleen een beheeragent of verkoopagent kan de acceptatie bevestigen.',
  },
  signer: {
    title: 'De ondertekenaar',
    fromCompany: 'Overgenomen uit de bedrijfsgegevens. Kies “Bijwerken” als iemand anders ondertekent.',
    updateLabel: 'De ondertekenaar bijwerken',
  },
  contact: {
    title: 'Wie heeft geaccepteerd, en wanneer',
    fromCompany: 'Overgenomen uit de bedrijfsgegevens. Kies “Bijwerken” als iemand anders heeft geaccepteerd.',
    name: 'Naam',
    update: 'Bijwerken',
    updateLabel: 'De contactpersoon die heeft geaccepteerd bijwerken',
  },
  created: {
    title: '{customer} is aangemaakt',
    intro:
      'De klant accepteert de Microsoft-klantovereenkomst in het Microsoft 365-beheercentrum en meldt zich aan met het beheerdersaccount hieronder.',
    once: 'De aanmeldingsnaam en het tijdelijke wachtwoord worden alleen nu getoond. Kopieer ze of verstuur de uitnodiging voordat u deze pagina verlaat.',
    signInName: 'Aanmeldingsnaam',
    password: 'Tijdelijk wachtwoord',
    credentialsFailed: 'De aanmeldgegevens konden niet worden getoond: {message}',
    noCredentials: 'De backend heeft geen aanmeldgegevens voor deze klant teruggegeven.',
    invitationTitle: 'Uitnodiging',
    invitationText:
      'Er staat een conceptuitnodiging klaar met het acceptatieadres {url}. De aanmeldgegevens worden pas ingevuld als u die kopieert of in e-mail opent.',
    openInvitation: 'Uitnodiging openen',
    openRelationship: 'In plaats daarvan uitnodigen met een verzoek om resellerrelatie',
    relationshipHint:
      'Het verzoek om resellerrelatie bevat dezelfde aanmeldgegevens; de koppeling wordt bij Partner Center opgehaald als u het kopieert of in e-mail opent.',
    toCustomer: 'Naar de klant',
  },
};
export default nl;
