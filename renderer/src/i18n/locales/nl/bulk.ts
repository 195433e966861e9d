import type en from '../en/bulk';

const nl: typeof en = {
  import: {
    title: 'CSV importeren',
    intro:
      'Leg veel bevestigingen tegelijk vast vanuit een CSV-bestand. Elke regel wordt eerst gecontroleerd; alleen geldige regels komen in de wachtrij, elk als eigen item in de Outbox.',
    fileTitle: 'Bestand',
    columns:
      'Kolommen: customer (tenant-id of domein), firstName, lastName, email, phone (optioneel), date (JJJJ-MM-DD). De eerste regel bevat de kolomnamen.',
    choose: 'CSV-bestand',
    chooseHint: 'Het bestand wordt op deze computer gelezen en gecontroleerd voordat er iets in de wachtrij komt.',
    template: 'Sjabloon downloaden',
    reading: 'Bestand lezen: {percent}%',
    failed: 'Het bestand kon niet worden gelezen: {message}',
  },
  signers: {
    intro:
      'Vraag veel acceptatiekoppelingen tegelijk aan vanuit een CSV-bestand: één ondertekenaar per regel, elke regel één acceptatiekoppeling voor de klant. Elke regel wordt eerst gecontroleerd; alleen geldige regels komen in de wachtrij, elk als eigen item in de Outbox.',
    columns:
      'Kolommen: customer (tenant-id of domein), signerFirstName, signerLastName, signerEmail, signerPhone (optioneel), companyName, country (twee hoofdletters, zoals NL), language (zoals nl-NL), linkValidFor (1h, 1d of 7d; leeg is 7 dagen). Lege bedrijfsnaam, land of taal worden van de klant genomen. De eerste regel bevat de kolomnamen.',
    template: 'Sjabloon-CSV downloaden',
    queued: '{count} acceptatiekoppeling aangevraagd. | {count} acceptatiekoppelingen aangevraagd.',
    filledSummary: '{count} waarde van de klant genomen, niet uit het bestand | {count} waarden van de klant genomen, niet uit het bestand',
    filledCaption: 'Waarden uit de gegevens van de klant',
    value: 'Waarde',
    filledMore: 'en nog {count}.',
  },
  report: {
    title: 'Controle van {file}',
    summary:
      '{rows} regel: {valid} geldig, {invalid} met problemen. Er komt niets in de wachtrij tot u dat kiest. | {rows} regels: {valid} geldig, {invalid} met problemen. Er komt niets in de wachtrij tot u dat kiest.',
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
  fields: {
    customer: 'Klant',
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    email: 'E-mail',
    phone: 'Telefoon',
    date: 'Datum',
    row: 'Regel',
    signerFirstName: 'Voornaam ondertekenaar',
    signerLastName: 'Achternaam ondertekenaar',
    signerEmail: 'E-mail ondertekenaar',
    signerPhone: 'Telefoon ondertekenaar',
    companyName: 'Bedrijfsnaam',
    country: 'Land',
    language: 'Taal van de overeenkomst',
    linkValidFor: 'Koppeling geldig',
  },
  reasons: {
    'unknown-customer': 'Er staat geen klant met tenant-id of domein “{value}” op deze computer.',
    'duplicate-of-latest': 'Al bevestigd: de laatste bevestiging voor {customer} noemt dezelfde contactpersoon.',
    'invalid-link-validity':
      '“{value}” is geen geldigheidsduur: gebruik 1h, 1d of 7d (of 60, 1440 of 10080 minuten), of laat het leeg voor 7 dagen.',
    'customer-twice-in-file': 'Regel {row} vraagt al een koppeling aan voor {customer}: één ondertekenaar per klant.',
    'link-already-pending': 'Voor {customer} staat al een acceptatiekoppeling aangevraagd of wachtend in de Outbox.',
    'attestation-already-queued': 'Voor {customer} wacht al een bevestiging in de Outbox.',
    'required-not-known-for-customer':
      'Verplicht: niet in het bestand, en de gegevens van deze klant staan niet op deze computer. Vul de kolom in, of open de klant eenmaal.',
    'not-allowed': 'Uw rol of partnertype mag geen acceptatie bevestigen.',
  },
  export: {
    button: 'CSV exporteren',
    done: 'De MCA-status van {count} klant is geëxporteerd. | De MCA-status van {count} klanten is geëxporteerd.',
  },
};
export default nl;
