import type { Messages } from '../en';

const overviewCharts: Messages['overviewCharts'] = {
  weeks: {
    title: 'Bevestigingen per week',
    intro:
      'Klanten die in elk van de afgelopen {weeks} weken zijn bevestigd, naar hoe: de verklaring van de partner (de laatste datum van acceptatie) of de eigen acceptatie van de klant in het Microsoft 365-beheercentrum. Partner Center geeft voor die laatste geen datum: die telt in de week waarin MCA Desk haar voor het eerst zag.',
    label:
      'Staafdiagram van bevestigingen per week over de afgelopen {weeks} weken: {partner} door verklaring van de partner, {direct} geaccepteerd in het beheercentrum. Dezelfde aantallen staan in de tabel.',
    week: 'Week van',
    partner: 'Verklaring van de partner',
    direct: 'Geaccepteerd in het beheercentrum',
    total: 'Totaal',
  },
  countries: {
    title: 'Acceptatie nodig per land',
    intro: 'De {top} landen met de meeste klanten met de status “Niet geaccepteerd”.',
    label:
      'Staafdiagram van klanten die acceptatie nodig hebben, voor de {shown} landen met de meeste: {total} klanten in totaal. Dezelfde aantallen staan in de tabel.',
    country: 'Land',
    customers: 'Klanten',
    others: 'Overige landen',
    none: 'Geen enkele klant heeft acceptatie nodig.',
    unknown: 'Onbekend',
    unknownNote:
      'Onbekend: de klantenlijst van Partner Center bevat geen land, dus MCA Desk kent het land van een klant zodra de klant hier is geopend (of hier is aangemaakt).',
  },
  showTable: 'Als tabel tonen',
  hideTable: 'Tabel verbergen',
};

export default overviewCharts;
