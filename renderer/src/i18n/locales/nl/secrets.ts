import type { Messages } from '../en';

const secrets: Messages['secrets'] = {
  consent: {
    title: 'Uw aanmelding op deze computer bewaren?',
    risk: 'Deze Linux-sessie heeft geen sleutelbos, dus het besturingssysteem kan de geheimen van MCA Desk niet beschermen: uw aanmelding en de eenmalige wachtwoorden van klanten die u aanmaakt. MCA Desk kan ze bewaren in een bestand dat versleuteld is met een sleutel ernaast, alleen leesbaar voor uw gebruikersaccount; elk programma dat als u draait, kan ze nog steeds lezen.',
    fix: 'De oplossing: installeer en ontgrendel een sleutelbos (GNOME Keyring of KWallet) en start MCA Desk opnieuw; uw geheimen gaan er dan naartoe. Als u ze niet bewaart, meldt u zich bij elke start opnieuw aan.',
    allow: 'Bewaren met de zwakkere bescherming',
    refuse: 'Niet bewaren (bij elke start aanmelden)',
  },
  status: {
    title: 'Geheimen op deze computer',
    keyring: 'Beschermd door het besturingssysteem ({backend}).',
    keyFile:
      'Bewaard in een bestand dat versleuteld is met een sleutelbestand naast uw gegevens, alleen leesbaar voor uw gebruikersaccount. Het besturingssysteem beschermt ze niet.',
    memory: 'Niet bewaard: MCA Desk houdt ze alleen in het geheugen, dus u meldt zich bij elke start opnieuw aan.',
  },
};
export default secrets;
