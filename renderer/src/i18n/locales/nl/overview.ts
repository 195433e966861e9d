import type { Messages } from '../en';

const overview: Messages['overview'] = {
  title: 'Overzicht',
  intro:
    'Voor welke van uw {total} klanten u mag bestellen, en waar elk van de andere op wacht. De aantallen zijn die van de klantenlijst.',
  asOf: 'Aantallen van {time}, de laatste keer dat alle klanten zijn gelezen; wordt bijgewerkt…',
  counting: 'Uw klanten worden geteld…',
  cardsLabel: 'Klanten per MCA-status',
  cards: {
    ready: 'Klaar om te bestellen',
    needs: 'Acceptatie nodig',
    requested: 'Koppeling aangevraagd',
    waiting: 'Wacht op acceptatie',
    expired: 'Koppeling verlopen',
    queued: 'In de wachtrij',
    failed: 'Mislukt',
    unchecked: 'Nog niet gecontroleerd',
  },
  open: '{card} tonen',
  openPart: '{status}: {count}',
  followUp: {
    title: 'Opvolgen',
    intro:
      'Acceptatiekoppelingen die {after} geleden of langer zijn verzonden, of binnen een dag verlopen, en waarvan de ondertekenaar nog niet heeft geaccepteerd: stuur de ondertekenaar een herinnering met dezelfde koppeling, of een nieuwe koppeling. Na een herinnering staat de koppeling hier pas weer als die opnieuw aan de beurt is.',
    toSettings: 'Het aantal dagen wijzigen in Instellingen',
    none: 'Niets op te volgen.',
    listLabel: 'Op te volgen koppelingen: {count}',
    signer: 'Ondertekenaar',
    sent: 'Koppeling verzonden',
    reminded: 'Laatste herinnering',
    expires: 'Koppeling verloopt',
    reasons: { stale: 'Al een tijd geleden verzonden', expiring: 'Verloopt binnen een dag' },
    draft: 'Herinneringsmail aan {signer}',
    language: 'Herinnering schrijven in',
    actions: 'Opvolgen bij {customer}',
    copy: 'Kopiëren naar klembord',
    openEmail: 'Openen in e-mail',
    copied: 'De herinnering voor {customer} staat op het klembord.',
    opened: 'De herinnering voor {customer} is geopend in uw e-mailprogramma.',
    sendNewLink: 'Nieuwe koppeling versturen',
    newLinkTitle: '{signer} een nieuwe koppeling sturen?',
    newLinkConfirm:
      'MCA Desk vraagt Microsoft om een nieuwe acceptatiekoppeling en volgt de koppeling van {sent} niet meer: als {signer} die toch accepteert, ziet MCA Desk dat niet. Stuur de nieuwe koppeling vanaf de pagina van de klant zodra die klaar is.',
    keepLink: 'Deze koppeling houden',
    newLinkRequested:
      'Een nieuwe acceptatiekoppeling voor {customer} is aangevraagd. Stuur die vanaf de pagina van de klant zodra die klaar is.',
  },
};

export default overview;
