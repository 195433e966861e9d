import type en from '../en/refresh';

const nl: typeof en = {
  title: 'MCA-vernieuwing',
  intro:
    'Bevestig de Microsoft-klantovereenkomst opnieuw voor klanten die uw organisatie al eerder heeft bevestigd: elke gekozen klant krijgt een nieuwe bevestiging met de laatste contactpersoon en de datum van vandaag. Elke bevestiging komt in de Outbox en wordt op de achtergrond verzonden, ook na een herstart.',
  tableLabel: 'Klanten met een bevestiging door de partner',
  columns: { company: 'Bedrijf', domain: 'Domein', contact: 'Laatste contactpersoon', date: 'Laatste datum' },
  keys: 'Toetsen: pijltjestoetsen verplaatsen, Spatie selecteert of deselecteert, Shift met een pijltjestoets selecteert tijdens het verplaatsen, Ctrl+A selecteert alles wat wordt getoond.',
  counts: '{selected} geselecteerd · {shown} van {eligible} klanten met een bevestiging door de partner getoond',
  selectShown: 'Alles selecteren wat wordt getoond',
  clearSelection: 'Selectie wissen',
  refreshStates: 'MCA-statussen vernieuwen',
  reconfirm: 'Opnieuw bevestigen',
  none: 'Nog geen klant heeft een bevestiging door de partner, of de MCA-statussen zijn nog niet geladen. Kies “MCA-statussen vernieuwen” terwijl u online bent.',
  confirmTitle: 'De gekozen klanten opnieuw bevestigen?',
  confirmText:
    '{count} klant opnieuw bevestigen met de laatste contactpersoon en de datum {date}? | {count} klanten opnieuw bevestigen, elk met de laatste contactpersoon en de datum {date}? Ze komen in de Outbox en worden op de achtergrond verzonden.',
  queuing: '{done} van {total} in de wachtrij zetten…',
  queued:
    '{count} nieuwe bevestiging met datum {date} in de wachtrij gezet. | {count} nieuwe bevestigingen met datum {date} in de wachtrij gezet.',
  toOutbox: 'Outbox openen',
  skipped: '{count} klant overgeslagen: | {count} klanten overgeslagen:',
  moreSkipped: 'en nog {count}.',
  skipReasons: {
    'not-attested': 'geen bevestiging door de partner om te herhalen',
    'already-queued': 'er wacht al een bevestiging in de Outbox, of die is mislukt',
    'already-today': 'vandaag al bevestigd',
    'invalid-contact': 'de laatste contactpersoon voldoet niet aan de regels (bevestig de acceptatie met een verbeterde contactpersoon)',
  },
  retired: {
    title: 'Partner Center bevestigt niet meer opnieuw met de laatste contactpersoon',
    text: 'Microsoft heeft het opnieuw bevestigen met een contactpersoon en een datum (in Partner Center, de API en het hulpmiddel voor bulkbevestiging) op {date} beëindigd. Nu is de overeenkomst van een klant bevestigd wanneer een ondertekenaar accepteert op de pagina van Microsoft, en Partner Center legt alleen een nieuwe overeenkomst vast voor een ondertekenaar van wie de naam, het e-mailadres of het telefoonnummer verschilt van die van de laatste bevestiging.',
    how: 'Voor de gekozen klanten: download een bestand met ondertekenaars, vul per rij in wie nu ondertekent en importeer het met CSV importeren. Elke rij wordt een acceptatiekoppeling in de Outbox.',
    download: 'Bestand met ondertekenaars downloaden',
    toImport: 'CSV importeren openen',
    downloaded:
      'Bestand met ondertekenaars voor {count} klant gedownload. Vul de ondertekenaars in en importeer het. | Bestand met ondertekenaars voor {count} klanten gedownload. Vul de ondertekenaars in en importeer het.',
    parked:
      '{count} nieuwe bevestiging kreeg het antwoord “beëindigd” en is niet verzonden (zie de Outbox). | {count} nieuwe bevestigingen kregen het antwoord “beëindigd” en zijn niet verzonden (zie de Outbox).',
    notify:
      'Partner Center heeft de MCA-vernieuwing op {date} beëindigd: de nieuwe bevestiging voor {customer} is niet verzonden. MCA-vernieuwing toont de route die ervoor in de plaats kwam.',
  },
  resellerNote:
    'Als indirecte reseller kunt u de acceptatie niet bevestigen: uw indirecte provider doet dat. Gebruik “Uitnodigen om te accepteren” bij een klant, of mail uw provider vanaf de pagina van de klant.',
};
export default nl;
