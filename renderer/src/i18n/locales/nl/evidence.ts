import type { Messages } from '../en';

const evidence: Messages['evidence'] = {
  title: 'Bewijs',
  intro:
    'Bewaar het bewijs van hoe de acceptatie is verkregen (het ondertekende formulier, de e-mail, een schermafbeelding) bij de bevestiging die het onderbouwt. Bestanden blijven op deze computer.',
  noConfirmation: 'Bewijs hoort bij een bevestiging; voor deze klant is er nog geen vastgelegd.',
  confirmation: 'Bij de bevestiging van',
  confirmationOption: '{day} · {signer}',
  dayPending: 'datum volgt',
  add: 'Bewijs toevoegen',
  addHint: 'PDF, EML, MSG, PNG, JPEG of TXT, elk hoogstens 20 MB.',
  added: 'Geen bestand toegevoegd | {count} bestand toegevoegd. | {count} bestanden toegevoegd.',
  adding: '{name} wordt toegevoegd…',
  refused: {
    kind: '{name}: MCA Desk bewaart alleen PDF-, EML-, MSG-, PNG-, JPEG- en TXT-bestanden.',
    'too-large': '{name} is {size}: hoogstens 20 MB per bestand.',
    empty: '{name} is leeg.',
    content: '{name} is niet wat de naam zegt (de inhoud is geen {extension}-bestand).',
  },
  columns: {
    file: 'Bestand',
    confirmation: 'Bevestiging',
    size: 'Grootte',
    sha256: 'SHA-256',
    addedBy: 'Toegevoegd door',
    addedAt: 'Toegevoegd',
  },
  remove: 'Verwijderen',
  removeLabel: '{name} verwijderen',
  removeTitle: 'Dit bewijs verwijderen?',
  removeText: '{name} wordt van deze computer verwijderd. Het verwijderen wordt vastgelegd in het auditlogboek.',
  removeConfirm: 'Verwijderen',
  removed: '{name} verwijderd.',
  exportPack: 'Bewijspakket exporteren',
  exporting: 'Het bewijspakket wordt geschreven: {done} van {total} bestanden',
  exported: 'Bewijspakket {file} opgeslagen: {count} bestand(en), {size}.',
  packFailed: {
    missing: '{name} ontbreekt op deze computer: het pakket is niet geschreven.',
    changed: '{name} is veranderd sinds het is toegevoegd (de SHA-256 verschilt): het pakket is niet geschreven.',
    empty: 'Er is geen bewijs om te exporteren.',
  },
  none: 'Nog geen bewijs.',
  selection: {
    select: '{name} selecteren',
    selectHeader: 'Geselecteerd',
    selectShown: 'Getoonde selecteren',
    clear: 'Selectie wissen',
    count: 'Geen klant geselecteerd | {count} klant geselecteerd | {count} klanten geselecteerd',
    exportPack: 'Bewijspakket exporteren',
    none: 'Geen van de {count} geselecteerde klanten heeft bewijs: er is geen pakket geschreven. Voeg eerst bewijs toe op de pagina van een klant. | De geselecteerde klant heeft geen bewijs: er is geen pakket geschreven. Voeg eerst bewijs toe op de pagina van de klant. | Geen van de {count} geselecteerde klanten heeft bewijs: er is geen pakket geschreven. Voeg eerst bewijs toe op de pagina van een klant.',
    partly: '{without} van de {count} geselecteerde klanten hebben geen bewijs; het pakket bevat de andere {with}.',
  },
};

export default evidence;
