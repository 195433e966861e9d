import type { Messages } from '../en';

const overview: Messages['overview'] = {
  title: 'Overzicht',
  intro:
    'Voor welke van uw {total} klanten u mag bestellen, en waar elk van de andere op wacht. De aantallen zijn die van de klantenlijst.',
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
      'Acceptatiekoppelingen die meer dan {days} dagen geleden zijn verzonden, of binnen een dag verlopen, en waarvan de ondertekenaar nog niet heeft geaccepteerd. Open de klant om de koppeling opnieuw of een nieuwe te sturen.',
    none: 'Niets op te volgen.',
    customer: 'Klant',
    signer: 'Ondertekenaar',
    sent: 'Koppeling verzonden',
    expires: 'Koppeling verloopt',
    why: 'Waarom',
    reasons: { stale: 'Al een tijd geleden verzonden', expiring: 'Verloopt binnen een dag' },
  },
};

export default overview;
