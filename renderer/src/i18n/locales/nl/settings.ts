import type en from '../en/settings';

const nl: typeof en = {
  title: 'Instellingen',
  toSignIn: 'Aanmelden',
  backend: {
    title: 'Backend',
    kind: 'Verbinden met',
    sandbox: 'Sandbox (om te proberen en te trainen)',
    partnerCenter: 'Partner Center',
    sandboxUrl: 'Sandbox-URL',
    sandboxUrlHint: 'Zoals http://127.0.0.1:4010. De sandbox draait op deze computer (127.0.0.1 of localhost).',
    tenantId: 'Tenant-id',
    tenantIdHint: 'De tenant van uw partnerorganisatie: de GUID of een domein zoals contoso.onmicrosoft.com.',
    clientId: 'Client-id',
    clientIdHint: 'De toepassings-id (client-id) van uw app-registratie voor Partner Center.',
    signOutNote:
      'Als u de backend wijzigt, wordt u afgemeld; uw wachtrij blijft op deze computer staan voor als u zich daar weer aanmeldt.',
    save: 'Backend opslaan',
    saved: 'Opgeslagen. Voor uw aanmelding verandert er niets.',
    savedSignedOut: 'Opgeslagen. U bent afgemeld omdat de backend is gewijzigd; meld u opnieuw aan.',
    failed: 'Niet opgeslagen: {message}',
    loadFailed: 'De instellingen konden niet worden geladen: {message}',
  },
  floor: {
    title: 'Vroegste acceptatiedatum',
    label: 'Vroegste datum van acceptatie',
    hint: 'Een bevestiging met een contactpersoon en een datum mag niet vóór deze dag gedateerd zijn (formulieren, CSV-import en verzenden). De Microsoft-klantovereenkomst bestond niet vóór {date}, de standaard.',
    save: 'Datum opslaan',
    saved: 'Opgeslagen: datums vanaf {date} worden geaccepteerd.',
    invalid: 'Vul een dag in die niet in de toekomst ligt.',
  },
  directScan: {
    title: 'Controle directe acceptatie',
    label: 'Deel van de aanvraaglimiet (%)',
    hint: 'Op de achtergrond vraagt MCA Desk voor elke klant zonder bevestiging door de partner of die in het Microsoft 365-beheercentrum heeft geaccepteerd, en vraagt dat na 7 dagen opnieuw. Partner Center staat 500 aanvragen per minuut toe, gedeeld met al het andere dat u doet; de controle gebruikt daarom alleen dit deel (standaard 50 %): 100.000 klanten duren uren. U kunt intussen gewoon doorwerken.',
    save: 'Deel opslaan',
    saved: 'Opgeslagen: de controle gebruikt {percent} % van de limiet ({calls} aanvragen per minuut).',
    invalid: 'Voer een geheel getal van 5 tot en met 100 in.',
  },
  followUp: {
    title: 'Opvolgen',
    label: 'Opvolgen na (dagen)',
    hint: 'Het overzicht toont een verzonden koppeling zodra de ondertekenaar die na dit aantal dagen nog niet heeft geaccepteerd (standaard {days}), en elke koppeling die binnen een dag verloopt. Een koppeling werkt hoogstens {max} dagen.',
    save: 'Dagen opslaan',
    saved: 'Opgeslagen: koppelingen worden na {after} opgevolgd.',
    days: '{days} dag | {days} dagen',
    invalid: 'Voer een geheel aantal dagen van 1 tot en met {max} in.',
  },
  language: {
    title: 'Taal',
    label: 'Taal',
    system: 'Zelfde als het systeem ({language})',
  },
  clear: {
    title: 'Lokale gegevens wissen',
    intro:
      'Verwijdert wat MCA Desk op deze computer voor u bewaart: de klantenlijst, MCA-statussen, de geschiedenis van bevestigingen, de Outbox en uw concepten van uitnodigingen. De klantenlijst wordt daarna opnieuw gedownload.',
    unsentWarning: '{count} bevestiging heeft Microsoft nog niet bereikt. | {count} bevestigingen hebben Microsoft nog niet bereikt.',
    button: 'Lokale gegevens wissen',
    dialogTitle: 'Lokale gegevens wissen?',
    dialogText:
      'Alles wat MCA Desk op deze computer voor u bewaart wordt verwijderd, ook {drafts} concept van een uitnodiging. | Alles wat MCA Desk op deze computer voor u bewaart wordt verwijderd, ook {drafts} concepten van uitnodigingen.',
    dialogNothingQueued: 'Er wacht niets om te worden verzonden.',
    dialogUnsent:
      '{count} bevestiging wacht nog in de Outbox (in de wachtrij, bezig of mislukt) en gaat verloren: Microsoft ontvangt die nooit. | {count} bevestigingen wachten nog in de Outbox (in de wachtrij, bezig of mislukt) en gaan verloren: Microsoft ontvangt ze nooit.',
    acceptLoss:
      'Ik begrijp dat {count} niet verzonden bevestiging verloren gaat | Ik begrijp dat {count} niet verzonden bevestigingen verloren gaan',
    dialogAudit:
      'Het auditlogboek met {count} item gaat mee: exporteer het eerst om het overzicht te bewaren. | Het auditlogboek met {count} items gaat mee: exporteer ze eerst om het overzicht te bewaren.',
    exportAudit: 'Eerst het auditlogboek exporteren',
    dialogEvidence:
      '{count} bewijsbestand wordt mee verwijderd, en MCA Desk bewaart het nergens anders: exporteer het eerst. | {count} bewijsbestanden worden mee verwijderd, en MCA Desk bewaart ze nergens anders: exporteer ze eerst.',
    exportEvidence: 'Eerst al het bewijs exporteren',
    acceptEvidenceLoss: 'Ik begrijp dat {count} bewijsbestand wordt verwijderd | Ik begrijp dat {count} bewijsbestanden worden verwijderd',
    confirm: 'Wissen',
    clearing: 'Wissen…',
    done: 'Lokale gegevens gewist.',
  },
  appCredential: {
    title: 'App-registratie (AppOnly)',
    intro:
      'De bevestigingsaanroepen van Partner Center (acceptatiekoppelingen en afronden) lopen als de eigen Microsoft Entra-app van de partner, niet als de aangemelde agent.',
    sandbox: 'De sandbox gebruikt de app-registratie van uw partner: u hoeft niets in te stellen.',
    sandboxNone: 'Deze backend heeft geen app-registraties (Partner Center van vóór 2026): de bevestiging van vroeger wordt gebruikt.',
    none: 'Er is nog geen app-registratie ingesteld: acceptatiekoppelingen wachten tot een Admin-agent er een toevoegt.',
    tenantId: 'Tenant-ID van de partner',
    clientId: 'Toepassings-ID (client-ID)',
    kind: 'Referentie',
    secret: 'Clientgeheim',
    certificate: 'Certificaat {thumbprint}',
    configured: 'Ingesteld',
    secretLabel: 'Clientgeheim',
    secretHint: 'Bewaard in de geheimenopslag van deze computer en nooit meer getoond. Een certificaat stelt u alleen via de API in.',
    save: 'App-registratie opslaan',
    remove: 'App-registratie verwijderen',
    saved: 'De app-registratie is opgeslagen.',
    removed: 'De app-registratie is verwijderd.',
    invalid: 'Vul de tenant-ID en de client-ID in als GUID, en het clientgeheim.',
    unknown: 'De stand van de app-registratie kon niet worden gelezen: {message}',
    adminOnly: 'Alleen een Admin-agent kan de app-registratie wijzigen.',
  },
};
export default nl;
