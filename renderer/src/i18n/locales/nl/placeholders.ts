import type en from '../en/placeholders';

const nl: typeof en = {
  invitationsTitle: 'Uitnodigingen',
  invitationsText: 'Concepten voor uitnodigingen zijn in deze versie nog niet beschikbaar.',
  newInvitationTitle: 'Nieuwe uitnodiging',
  newInvitationText: 'Een uitnodiging “{template}” voor {customer} opstellen is in deze versie nog niet beschikbaar.',
  anyCustomer: 'een klant',
  newCustomerTitle: 'Nieuwe klant',
  newCustomerText: 'Klanten aanmaken is in deze versie nog niet beschikbaar.',
  settingsTitle: 'Instellingen',
  settingsText: 'Meer instellingen (backend, lokale gegevens wissen) volgen in een latere versie.',
  languageLabel: 'Taal',
  languageSystem: 'Zoals het systeem ({language})',
  notFoundTitle: 'Pagina niet gevonden',
  notFoundText: 'Op dit adres staat niets.',
  toCustomers: 'Naar Klanten',
};
export default nl;
