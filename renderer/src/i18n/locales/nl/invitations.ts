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
  relationshipFailed:
    'De koppeling voor de resellerrelatie kon nu niet worden opgehaald; die wordt ingevuld als u de uitnodiging online kopieert.',
  unfilled: 'Zelf nog in te vullen: {names}.',
  send: {
    label: 'Verzenden',
    copy: 'Kopiëren naar klembord',
    openInEmail: 'Openen in e-mail',
    copied: 'Gekopieerd: onderwerp en tekst staan op het klembord.',
    copiedSecret: 'Gekopieerd met de aanmeldgegevens. Het klembord wordt over 60 seconden gewist als de tekst er dan nog staat.',
    copiedSecretAt:
      'Gekopieerd met de aanmeldgegevens. Het klembord wordt over 60 seconden (om {time}) gewist als de tekst er dan nog staat.',
    opened: 'Geopend in uw e-mailprogramma.',
    stillMissing: 'Niet ingevuld: {names}.',
    badRecipients: 'Vul eerst geldige e-mailadressen in bij “Aan”.',
    credentialsGone:
      'De aanmeldgegevens van deze klant staan niet meer op deze computer (ze worden verwijderd zodra de uitnodiging is verstuurd, na 7 dagen en bij afmelden), dus ze kunnen niet worden ingevuld.',
    credentialsDeleted: 'De eenmalige aanmeldgegevens zijn van deze computer verwijderd: de klant heeft ze nu.',
  },
};
export default nl;
