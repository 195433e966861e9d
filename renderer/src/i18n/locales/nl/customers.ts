import type en from '../en/customers';

const nl: typeof en = {
  title: 'Klanten',
  search: 'Klanten zoeken',
  searchHint: 'Naam, domein, tenant-ID of e-mailadres van de contactpersoon',
  count: '{shown} van {total} klanten',
  statusOption: '{status} ({count})',
  refresh: 'Vernieuwen',
  newCustomer: 'Nieuwe klant',
  downloading: 'Klanten downloaden: {loaded} van {total}',
  downloadingUnknown: 'Klanten downloaden: {loaded} tot nu toe',
  reading: 'De klantenlijst op deze computer lezen…',
  downloadLabel: 'Klanten downloaden',
  downloadFailed: 'De klantenlijst kon niet worden bijgewerkt: {message}',
  updatedAt: 'Klantenlijst bijgewerkt {time}',
  recordsUpdating: 'MCA-statussen bijwerken…',
  recordsFailed: 'De MCA-statussen konden niet worden bijgewerkt: {message}',
  recordsUpdatedAt: 'MCA-statussen bijgewerkt {time}',
  offline: 'Offline: de klanten die op deze computer zijn opgeslagen worden getoond.',
  empty: 'Er zijn nog geen klanten op deze computer opgeslagen.',
  noMatch: 'Geen klanten gevonden.',
  tableLabel: 'Klanten',
  columns: {
    companyName: 'Bedrijf',
    domain: 'Domein',
    id: 'Tenant-ID',
    status: 'MCA-status',
  },
  open: '{name} openen',
};
export default nl;
