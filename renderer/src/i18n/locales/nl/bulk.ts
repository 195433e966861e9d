import type en from '../en/bulk';

const nl: typeof en = {
  import: {
    title: 'CSV importeren',
    intro: 'Leg veel bevestigingen tegelijk vast vanuit een CSV-bestand. Elke regel wordt eerst gecontroleerd; alleen geldige regels komen in de wachtrij, elk als eigen item in de Outbox.',
    fileTitle: 'Bestand',
    columns: 'Kolommen: customer (tenant-id of domein), firstName, lastName, email, phone (optioneel), date (JJJJ-MM-DD). De eerste regel bevat de kolomnamen.',
    choose: 'CSV-bestand',
    chooseHint: 'Het bestand wordt op deze computer gelezen en gecontroleerd voordat er iets in de wachtrij komt.',
    template: 'Sjabloon downloaden',
    reading: 'Bestand lezen: {percent}%',
    failed: 'Het bestand kon niet worden gelezen: {message}',
  },
  report: {
    title: 'Controle van {file}',
    summary: '{rows} regels: {valid} geldig, {invalid} met problemen. Er komt niets in de wachtrij tot u dat kiest.',
    missingColumns: 'Het bestand mist de kolommen {columns}. Gebruik de eerste regel van het sjabloon.',
    queue: '{count} geldige regel in de wachtrij zetten | {count} geldige regels in de wachtrij zetten',
    queuing: '{done} van {total} in de wachtrij zetten…',
    queued: '{count} bevestiging in de wachtrij gezet. | {count} bevestigingen in de wachtrij gezet.',
    problemsCaption: 'Regels die niet in de wachtrij komen',
    row: 'Regel',
    field: 'Veld',
    reason: 'Reden',
    download: 'Download het volledige rapport ({count} probleem) als CSV | Download het volledige rapport ({count} problemen) als CSV',
    pagerLabel: 'Pagina’s met problemen',
    range: 'Problemen {from}–{to} van {total}',
    previous: 'Vorige 500',
    next: 'Volgende 500',
  },
  fields: { customer: 'Klant', firstName: 'Voornaam', lastName: 'Achternaam', email: 'E-mail', phone: 'Telefoon', date: 'Datum', row: 'Regel' },
  reasons: {
    'unknown-customer': 'Er staat geen klant met tenant-id of domein “{value}” op deze computer.',
    'duplicate-of-latest': 'Al bevestigd: de laatste bevestiging voor {customer} noemt dezelfde contactpersoon.',
  },
  export: {
    button: 'CSV exporteren',
    done: 'De MCA-status van {count} klant is geëxporteerd. | De MCA-status van {count} klanten is geëxporteerd.',
  },
};
export default nl;
