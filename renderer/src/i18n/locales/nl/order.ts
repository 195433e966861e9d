import type en from '../en/order';

const nl: typeof en = {
  title: 'Nieuwe bestelling',
  cleared: '{customer} mag besteld worden.',
  clearedByPartner: 'Een partner heeft op {date} de acceptatie van de Microsoft-klantovereenkomst bevestigd.',
  clearedDirectly: 'De klant heeft de Microsoft-klantovereenkomst geaccepteerd in het Microsoft 365-beheercentrum.',
  outOfScope: 'De bestelling zelf plaatst u niet in MCA Desk: ga verder in uw bestelsysteem.',
  queued:
    'Nog niet vrijgegeven: de bevestiging voor {customer} staat in de wachtrij maar is nog niet vastgelegd bij Microsoft. Bestellingen wachten tot Microsoft die heeft; deze pagina werkt zichzelf bij.',
  failed: 'Niet vrijgegeven: Microsoft heeft de bevestiging voor {customer} niet geaccepteerd: {reason}. Herstel dit in de Outbox.',
  notAccepted: 'Niet vrijgegeven: {customer} heeft de Microsoft-klantovereenkomst niet geaccepteerd.',
  toOutbox: 'Outbox openen',
  'link-requested':
    'Nog niet vrijgegeven: de acceptatiekoppeling voor {customer} is aangevraagd; MCA Desk vraagt Microsoft erom zodra dat kan.',
  'waiting-for-acceptance':
    'Nog niet vrijgegeven: de ondertekenaar van {customer} heeft de acceptatiekoppeling (of krijgt die zo). De bestelling wordt vrijgegeven zodra de ondertekenaar accepteert en MCA Desk de overeenkomst heeft afgerond; deze pagina werkt zichzelf bij.',
  'link-expired':
    'Niet vrijgegeven: de acceptatiekoppeling voor {customer} is verlopen voordat die werd geaccepteerd. Stuur een nieuwe koppeling vanaf de pagina van de klant.',
  sendLink: 'Acceptatiekoppeling sturen',
  toCustomer: 'Klant openen',
};
export default nl;
