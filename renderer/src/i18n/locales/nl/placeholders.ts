import type en from '../en/placeholders';

const nl: typeof en = {
  notFoundTitle: 'Pagina niet gevonden',
  notFoundText: 'Op dit adres staat niets.',
  toCustomers: 'Naar Klanten',
};
export default nl;
