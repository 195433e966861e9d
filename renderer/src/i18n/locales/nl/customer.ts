import type en from '../en/customer';

const nl: typeof en = {
  back: 'Alle klanten',
  notFound: 'Deze klant staat niet in de lijst die op deze computer is opgeslagen.',
  company: 'Bedrijf',
  domain: 'Domein',
  tenantId: 'Tenant-ID',
  country: 'Land',
  language: 'Taal',
  contact: 'Primaire contactpersoon',
  detailsUnknown: 'Nog niet geladen: open deze klant terwijl u online bent om de gegevens te laden.',
  detailsFailed: 'De gegevens konden niet worden geladen: {message}',
  detailsCached: 'Gegevens opgeslagen {time}.',
  mca: 'Microsoft-klantovereenkomst',
  directSign: 'Geaccepteerd in het Microsoft 365-beheercentrum',
  checkedAt: '(gecontroleerd {time})',
  document: 'Overeenkomstdocument',
  documentFor: 'Sjabloon voor {country}, {language}',
  documentFallback: 'De taal van de klant wordt niet aangeboden; het Engelse sjabloon wordt geopend.',
  documentNeedsDetails: 'Beschikbaar zodra het land van de klant bekend is.',
  documentFailed: 'Het overeenkomstdocument kon niet worden geopend: {message}',
  history: 'Bevestigingen',
  historyEmpty: 'Nog geen bevestigingen vastgelegd.',
  historyColumns: {
    date: 'Datum van acceptatie',
    contact: 'Contactpersoon',
    who: 'Vastgelegd door',
    state: 'Status',
  },
  historyStates: {
    recorded: 'Vastgelegd bij Microsoft',
    queued: 'In wachtrij',
    sending: 'Wordt verzonden',
    failed: 'Mislukt: {reason}',
    discarded: 'Verwijderd',
  },
  recordedByPartner: 'Een partnergebruiker',
  actions: {
    label: 'Acties',
    confirm: 'Acceptatie bevestigen',
    order: 'Nieuwe bestelling',
    invite: 'Uitnodigen om te accepteren',
  },
  roleNote:
    'Alleen een beheeragent of verkoopagent kan acceptatie bevestigen, klanten aanmaken of bestellingen plaatsen. U bent aangemeld als {roles}.',
  reseller: {
    title: 'Uw indirecte provider bevestigt de acceptatie',
    intro:
      'Als indirecte reseller kunt u de acceptatie van de Microsoft-klantovereenkomst door een klant niet bevestigen, niet in MCA Desk en niet via de API. Er blijven twee routes over:',
    provider:
      'Vraag uw indirecte provider om de acceptatie voor deze klant te bevestigen. De e-mail bevat wat de provider nodig heeft: de klant, de tenant-id en de voor- en achternaam, het e-mailadres en het telefoonnummer van de ondertekenaar (wat MCA Desk niet weet, wordt u gevraagd).',
    emailProvider: 'Uw indirecte provider e-mailen',
    selfAccept: 'Of vraag de klant om de overeenkomst zelf te accepteren in het Microsoft 365-beheercentrum, op dit adres:',
    urlLabel: 'Acceptatieadres voor de klant',
  },
};
export default nl;
