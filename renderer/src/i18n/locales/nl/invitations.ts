import type en from '../en/invitations';

const nl: typeof en = {
  title: 'Uitnodigingen',
  intro:
    'Concepten van uitnodigingen worden tijdens het typen op deze computer bewaard. Kopieer er een naar het klembord of open het in uw e-mailprogramma.',
  newDraft: 'Nieuw concept',
  newTitle: 'Nieuwe uitnodiging',
  editTitle: 'Concept van uitnodiging',
  back: 'Alle concepten',
  empty: 'Nog geen concepten. Begin er een met “Nieuw concept”, of met “Uitnodigen om te accepteren” bij een klant.',
  notFound: 'Dit concept bestaat niet meer op deze computer.',
  delete: 'Verwijderen',
  deleteDraft: 'Concept verwijderen',
  deleteTitle: 'Dit concept verwijderen?',
  deleteText: 'Het concept “{subject}” wordt van deze computer verwijderd. Dit kan niet ongedaan worden gemaakt.',
  deleted: 'Concept verwijderd.',
  rewriteTitle: 'Uw tekst vervangen?',
  rewriteText:
    'Het onderwerp en de tekst worden opnieuw geschreven vanuit de gekozen sjabloon en taal. Uw wijzigingen daarin gaan verloren.',
  rewrite: 'Tekst vervangen',
  list: {
    caption: 'Concepten van uitnodigingen, nieuwste eerst',
    subject: 'Onderwerp',
    updated: 'Laatst gewijzigd',
    actions: 'Acties',
    noSubject: '(geen onderwerp)',
    deleteNamed: 'Concept “{subject}” verwijderen',
  },
  fields: {
    template: 'Sjabloon',
    language: 'Taal',
    to: 'Aan',
    toHint: 'Een of meer e-mailadressen, gescheiden door komma’s.',
    toInvalid: "Vul e-mailadressen in, gescheiden door komma’s, zoals naam{'@'}voorbeeld.nl.",
    subject: 'Onderwerp',
    body: 'Tekst',
  },
  templates: {
    'new-customer': 'Nieuwe klant',
    'reseller-relationship': 'Verzoek om resellerrelatie',
    'existing-customer': 'Bestaande klant',
    'indirect-provider': 'Verzoek aan indirecte provider',
  },
  languages: { en: 'Engels', nl: 'Nederlands' },
  save: {
    auto: 'Wordt tijdens het typen op deze computer bewaard.',
    saving: 'Bewaren…',
    savedAt: 'Om {time} op deze computer bewaard.',
    failed: 'Niet bewaard: {message}',
  },
  credentialsNote:
    'De aanmeldingsnaam en het tijdelijke wachtwoord worden niet in dit concept bewaard. Ze worden pas ingevuld als u de uitnodiging kopieert of in e-mail opent, en een kopie wordt na 60 seconden van het klembord gewist.',
  relationshipNote:
    'De koppeling voor de resellerrelatie wordt bij Partner Center opgehaald als u de uitnodiging kopieert of in e-mail opent, zodat het altijd de actuele is.',
  unfilled: 'Zelf nog in te vullen: {names}. De uitnodiging kan pas worden gekopieerd of in e-mail geopend als deze zijn ingevuld.',
  noCredentials:
    'Dit concept heeft geen eenmalige aanmeldgegevens (alleen de uitnodiging die bij het aanmaken van een klant is gemaakt heeft ze, tot die is verstuurd). Verwijder de aanmeldregels uit de tekst; typ geen wachtwoord in een concept.',
  fill: {
    title: 'Ontbrekende gegevens',
    intro: 'Vul deze in: ze vervangen de plaatshouders in het onderwerp en de tekst.',
    apply: 'Invullen',
    nothing: 'Typ eerst ten minste één waarde.',
    labels: {
      customerName: 'Klant (bedrijfsnaam)',
      customerTenantId: 'Microsoft-id van de klant (tenant-id)',
      contactName: 'Naam van de geadresseerde',
      contactFirstName: 'Voornaam van de ondertekenaar',
      contactLastName: 'Achternaam van de ondertekenaar',
      contactEmail: 'E-mailadres van de ondertekenaar',
      contactPhone: 'Telefoonnummer van de ondertekenaar',
      partnerName: 'Naam van uw bedrijf',
      providerName: 'Naam van uw indirecte provider',
      url: 'Koppeling',
      signInName: 'Aanmeldingsnaam',
      temporaryPassword: 'Tijdelijk wachtwoord',
      signerName: 'Naam van de ondertekenaar',
      companyName: 'Bedrijfsnaam',
      acceptanceUrl: 'Acceptatiekoppeling',
      expiresAt: 'Koppeling geldig tot',
    },
    errors: {
      braces: "Verwijder de tekens {'{'} en {'}'}.",
      'invalid-tenant-id': 'Vul de tenant-id in als GUID, zoals 3b33e682-00c3-41ee-9dd2-a548adf56438.',
    },
  },
  send: {
    label: 'Verzenden',
    copy: 'Kopiëren naar klembord',
    openInEmail: 'Openen in e-mail',
    copied: 'Gekopieerd: onderwerp en tekst staan op het klembord.',
    copiedSecret: 'Gekopieerd met de aanmeldgegevens. Het klembord wordt over 60 seconden gewist als de tekst er dan nog staat.',
    copiedSecretAt:
      'Gekopieerd met de aanmeldgegevens. Het klembord wordt over 60 seconden (om {time}) gewist als de tekst er dan nog staat.',
    opened: 'Geopend in uw e-mailprogramma.',
    noCredentialsRefused:
      'Er is niets gekopieerd of geopend: de tekst vraagt om aanmeldgegevens die dit concept niet heeft. Verwijder eerst de aanmeldregels.',
    unfilledRefused: 'Er is niets gekopieerd of geopend: vul eerst {names} in (bij “Ontbrekende gegevens” of in de tekst).',
    relationshipLinkFailed:
      'Er is niets gekopieerd of geopend: de koppeling voor de resellerrelatie kon niet bij Partner Center worden opgehaald ({reason}). Probeer het zo nog eens.',
    badRecipients: 'Vul eerst geldige e-mailadressen in bij “Aan”.',
    credentialsGone:
      'De aanmeldgegevens van deze klant staan niet meer op deze computer (ze worden verwijderd zodra de uitnodiging is verstuurd, na 7 dagen en bij afmelden), dus ze kunnen niet worden ingevuld.',
    credentialsDeleted: 'De eenmalige aanmeldgegevens zijn van deze computer verwijderd: de klant heeft ze nu.',
  },
};
export default nl;
