import type en from '../en/attest';

const nl: typeof en = {
  title: 'Acceptatie bevestigen',
  editTitle: 'Bevestiging bewerken',
  intro:
    'Leg vast dat {customer} de Microsoft-klantovereenkomst heeft geaccepteerd. Dit wordt meteen op deze computer opgeslagen en zo snel mogelijk naar Microsoft verzonden.',
  editIntro: 'Corrigeer de bevestiging voor {customer}. Die wordt als nieuw verzoek opnieuw in de wachtrij gezet.',
  firstName: 'Voornaam',
  lastName: 'Achternaam',
  email: 'E-mailadres',
  phone: 'Telefoonnummer',
  optional: '(optioneel)',
  date: 'Datum van acceptatie',
  dateHint:
    'Van {floor} tot en met {latest}. De laatste dag is de vroegste van uw datum en de UTC-datum, omdat Microsoft in UTC controleert.',
  save: 'Opslaan',
  saveAndContinue: 'Opslaan en doorgaan',
  saving: 'Opslaan…',
  saved: 'Opgeslagen: de bevestiging voor {customer} staat in de wachtrij.',
  duplicateRecorded:
    'Al bevestigd: de laatste bevestiging voor {customer} ({date}) noemt dezelfde contactpersoon. Er is niets in de wachtrij gezet.',
  duplicateQueued:
    'Staat al in de wachtrij: een bevestiging voor {customer} met dezelfde contactpersoon wacht in de Outbox. Er is niets in de wachtrij gezet.',
  notAllowed: 'U kunt geen acceptatie bevestigen.',
  notFound: 'Deze bevestiging kan niet meer worden bewerkt.',
  orderGateIntro:
    'Voor een bestelling heeft Microsoft de acceptatie van de Microsoft-klantovereenkomst door {customer} nodig. Bevestig die eerst.',
};
export default nl;
