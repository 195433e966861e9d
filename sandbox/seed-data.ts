/**
 * The sandbox's deterministic seed: three partners, their users, and customers in every MCA state.
 * Everything here is fixed, so every machine, test and demo sees the same data.
 */
import type { PartnerRole, PartnerType } from '../shared/domain/roles';
import {
  CONTOSO_TENANT_ID,
  FABRIKAM_TENANT_ID,
  SANDBOX_PASSWORD,
  TAILSPIN_TENANT_ID,
  sandboxAccounts,
  sandboxPartners,
  type SandboxAccount,
  type SandboxPartner,
} from '../shared/domain/sandbox-accounts';
import { seedUuid } from './ids';

// Who signs in is listed once, in shared/ (the sign-in page shows the same list); the seed derives from it.
export { CONTOSO_TENANT_ID, FABRIKAM_TENANT_ID, TAILSPIN_TENANT_ID };

/** Password of every seeded user unless overridden (`--password`, `MCA_SANDBOX_PASSWORD`). */
export const SEEDED_PASSWORD = SANDBOX_PASSWORD;

export const MCA_TEMPLATE_ID = '117a77b0-9360-443b-8795-c6dedc750cf9';
/** The Microsoft Cloud Agreement template: still listed, but refused on confirm (reference §1, [I-ps292]). */
export const CLOUD_AGREEMENT_TEMPLATE_ID = '998b88de-aa99-4388-a42c-1b3517d49490';

export interface SeededTemplate {
  templateId: string;
  agreementType: 'MicrosoftCustomerAgreement' | 'MicrosoftCloudAgreement';
  agreementLink: string;
  versionRank: number;
  retired: boolean;
}

export const seededTemplates: readonly SeededTemplate[] = [
  {
    templateId: MCA_TEMPLATE_ID,
    agreementType: 'MicrosoftCustomerAgreement',
    agreementLink: 'https://aka.ms/customeragreement',
    versionRank: 0,
    retired: false,
  },
  // The Cloud Agreement's link is not documented in the reference; the sandbox uses Microsoft's short link.
  {
    templateId: CLOUD_AGREEMENT_TEMPLATE_ID,
    agreementType: 'MicrosoftCloudAgreement',
    agreementLink: 'https://aka.ms/microsoftcloudagreement',
    versionRank: 0,
    retired: true,
  },
];

export type SeededPartner = SandboxPartner;

export const seededPartners: readonly SeededPartner[] = sandboxPartners;

export interface SeededUser {
  userId: string;
  userName: string;
  displayName: string;
  roles: PartnerRole[];
  partnerName: string;
  partnerType: PartnerType;
  partnerTenantId: string;
  /** For an indirect reseller: its indirect provider's name (as `GET /v1/profiles/me` answers it). */
  providerName?: string;
}

function seededUser(account: SandboxAccount): SeededUser {
  const partner = seededPartners.find((candidate) => candidate.partnerTenantId === account.partnerTenantId);
  const provider = seededPartners.find((candidate) => candidate.partnerTenantId === partner?.providerTenantId);
  // The id comes from the user name's local part and partner ("user:sales@contoso"), as it always has: databases made before keep their users.
  const userId = account.documentedUserId ?? seedUuid(`user:${account.userName.replace(/\.example$/, '')}`);
  const roles: PartnerRole[] = [account.role];
  return {
    userId,
    userName: account.userName,
    displayName: account.displayName,
    roles,
    partnerName: account.partnerName,
    partnerType: account.partnerType,
    partnerTenantId: account.partnerTenantId,
    ...(provider ? { providerName: provider.partnerName } : {}),
  };
}

/** The users who sign in with MFA: every call of theirs can succeed. */
export const seededUsers: readonly SeededUser[] = sandboxAccounts.filter((account) => account.mfa).map(seededUser);

/**
 * The seeded user who signs in without MFA (reference §2 "MFA"): every App+User call it makes answers
 * 401 with 900421 while Partner Center of today is modelled. It is a fixture for that rule, kept out of
 * `seededUsers` (seeded with the enhanced flow, sandbox/enhanced/seed.ts) because no call of it can succeed.
 */
export const noMfaUser: SeededUser = seededUser(sandboxAccounts.find((account) => !account.mfa)!);

/** The first seeded user of a partner with a role (the agents the seed's agreements name as their author). */
export function seededUserName(partnerTenantId: string, role: PartnerRole): string {
  const found = seededUsers.find((candidate) => candidate.partnerTenantId === partnerTenantId && candidate.roles.includes(role));
  if (!found) throw new Error(`seed: no ${role} at ${partnerTenantId}`);
  return found.userName;
}

export interface SeededContact {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string;
}

export interface SeededAgreement {
  contact: SeededContact;
  /** UTC instant, ISO. */
  dateAgreed: string;
  templateId: string;
  userName: string;
}

export interface SeededCustomer {
  id: string;
  partnerTenantId: string;
  associatedPartnerId?: string;
  companyName: string;
  domain: string;
  country: string;
  culture: string;
  language: string;
  city: string;
  postalCode: string;
  addressLine1: string;
  state?: string;
  contact: SeededContact;
  directSigned: boolean;
  agreements: SeededAgreement[];
}

interface CountryInfo {
  country: string;
  culture: string;
  city: string;
  postalCode: string;
  state?: string;
  street: string;
  phone: string;
  people: ReadonlyArray<readonly [string, string]>;
  companies: readonly string[];
}

/** Contoso's customers, by country: at least 60 across more than 10 countries. */
const countries: readonly CountryInfo[] = [
  {
    country: 'US',
    culture: 'en-US',
    city: 'Redmond',
    postalCode: '98052',
    state: 'WA',
    street: 'One Microsoft Way',
    phone: '+1 425 555 0100',
    people: [
      ['Tania', 'Carr'],
      ['Jordan', 'Miller'],
      ['Avery', 'Johnson'],
      ['Casey', "O'Neil"],
    ],
    companies: [
      'Adatum Corporation',
      'Alpine Ski House',
      'Blue Yonder Airlines',
      'Coho Winery',
      'Fourth Coffee',
      'Humongous Insurance',
      'Litware Inc.',
      'Lucerne Publishing',
    ],
  },
  {
    country: 'GB',
    culture: 'en-GB',
    city: 'Reading',
    postalCode: 'RG6 1WG',
    street: '2 Kingdom Street',
    phone: '+44 20 7946 0018',
    people: [
      ['Oliver', 'Smith'],
      ['Amelia', 'Jones'],
      ['Harry', 'Taylor'],
    ],
    companies: ['Margie’s Travel', 'Northwind Traders', 'Proseware Ltd', 'Relecloud UK', 'Trey Research Ltd', 'Wide World Importers'],
  },
  {
    country: 'NL',
    culture: 'nl-NL',
    city: 'Amsterdam',
    postalCode: '1017 BS',
    street: 'Evert van de Beekstraat 354',
    phone: '+31 20 794 0000',
    people: [
      ['Sanne', 'de Vries'],
      ['Daan', 'van den Berg'],
      ['Lotte', 'Bakker'],
      ['Bram', 'Jansen'],
    ],
    companies: [
      'Van der Berg Bouw B.V.',
      'Tulpenveld Logistiek',
      'Grachtenhuis Media',
      'Noordzee Visserij B.V.',
      'Molenaar ICT',
      'Polder Energie',
    ],
  },
  {
    country: 'BE',
    culture: 'nl-BE',
    city: 'Brussel',
    postalCode: '1000',
    street: 'Rue de la Loi 16',
    phone: '+32 2 555 12 34',
    people: [
      ['Lucas', 'Peeters'],
      ['Emma', 'Dubois'],
      ['Louis', 'Janssens'],
    ],
    companies: ['Brabant Brouwerij', 'Chocolaterie Lumière', 'Antwerpse Diamant NV', 'Gentse Textiel BV', 'Wallonie Acier SA'],
  },
  {
    country: 'DE',
    culture: 'de-DE',
    city: 'München',
    postalCode: '80807',
    street: 'Walter-Gropius-Straße 5',
    phone: '+49 89 3176 0',
    people: [
      ['Lukas', 'Müller'],
      ['Mia', 'Schmidt'],
      ['Jonas', 'Weiß'],
    ],
    companies: [
      'Müller Maschinenbau GmbH',
      'Schwarzwald Holz AG',
      'Isar Software GmbH',
      'Rheinland Logistik',
      'Bäckerei Schäfer KG',
      'Hanse Reederei',
    ],
  },
  {
    country: 'FR',
    culture: 'fr-FR',
    city: 'Issy-les-Moulineaux',
    postalCode: '92130',
    street: '39 Quai du Président Roosevelt',
    phone: '+33 1 57 75 10 00',
    people: [
      ['Chloé', 'Martin'],
      ['Hugo', 'Bernard'],
      ['Léa', 'Lefèvre'],
    ],
    companies: ['Société Lumière SARL', 'Boulangerie Petit SAS', 'Provence Parfums', 'Atelier Rivoli', 'Bordeaux Vignobles'],
  },
  {
    country: 'JP',
    culture: 'ja-JP',
    city: 'Tokyo',
    postalCode: '108-0075',
    street: '2-16-3 Konan, Minato-ku',
    phone: '+81 3 4332 5300',
    people: [
      ['Haruto', 'Sato'],
      ['Yui', 'Suzuki'],
      ['Ren', 'Takahashi'],
    ],
    companies: ['Sakura Trading K.K.', 'Fuji Precision Co.', 'Kyoto Crafts', '渡辺電機株式会社', 'Osaka Foods'],
  },
  {
    country: 'AU',
    culture: 'en-AU',
    city: 'Sydney',
    postalCode: '2113',
    state: 'NS',
    street: '11 Talavera Road',
    phone: '+61 2 9870 2200',
    people: [
      ['Jack', 'Wilson'],
      ['Charlotte', 'Brown'],
      ['Noah', 'Nguyen'],
    ],
    companies: ['Southridge Video', 'Wingtip Toys Australia', 'Koala Outdoor Gear', 'Harbour Bridge Consulting', 'Outback Solar'],
  },
  {
    country: 'NZ',
    culture: 'en-NZ',
    city: 'Auckland',
    postalCode: '1010',
    street: '22 Viaduct Harbour Avenue',
    phone: '+64 9 357 5100',
    people: [
      ['Aroha', 'Ngata'],
      ['Liam', 'Walker'],
      ['Isla', 'Thompson'],
    ],
    companies: ['Kiwi Orchards Ltd', 'Tasman Marine', 'Aotearoa Digital', 'Waitemata Brewing', 'Southern Alps Tours'],
  },
  {
    country: 'BR',
    culture: 'pt-BR',
    city: 'São Paulo',
    postalCode: '04543-907',
    state: 'SP',
    street: 'Av. Pres. Juscelino Kubitschek, 1909',
    phone: '+55 11 5504 2155',
    people: [
      ['João', 'Silva'],
      ['Ana', 'Souza'],
      ['Gabriel', 'Oliveira'],
    ],
    companies: ['Brasil Verde Ltda', 'Café Paulista', 'Amazonas Logística', 'Rio Design Studio', 'Minas Mineração'],
  },
  {
    country: 'CA',
    culture: 'en-CA',
    city: 'Toronto',
    postalCode: 'M5J 2N8',
    state: 'ON',
    street: '81 Bay Street',
    phone: '+1 416 555 0142',
    people: [
      ['Ethan', 'Tremblay'],
      ['Olivia', 'Roy'],
    ],
    companies: ['Maple Leaf Analytics', 'Northern Lights Media', 'Great Lakes Shipping'],
  },
  {
    country: 'ES',
    culture: 'es-ES',
    city: 'Madrid',
    postalCode: '28050',
    street: 'Paseo del Club Deportivo 1',
    phone: '+34 91 391 9000',
    people: [
      ['Lucía', 'García'],
      ['Mateo', 'Fernández'],
    ],
    companies: ['Olivares del Sur', 'Barcelona Diseño', 'Sevilla Turismo'],
  },
];

/** The customer of the documented confirm sample (reference §2): seeded without any confirmation. */
export const DOCUMENTED_CONFIRM_CUSTOMER_ID = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';

function slug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase();
  const cleaned = ascii.replace(/[^a-z0-9]+/g, '');
  return cleaned || 'customer';
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00.000Z`;
}

function contactFor(info: CountryInfo, index: number, companySlug: string): SeededContact {
  const [firstName, lastName] = info.people[index % info.people.length] ?? ['Pat', 'Doe'];
  const local = `${slug(firstName)}.${slug(lastName)}`;
  const contact: SeededContact = { firstName, lastName, email: `${local}@${companySlug}.example` };
  if (index % 4 !== 3) contact.phoneNumber = info.phone;
  return contact;
}

function buildContosoCustomers(): SeededCustomer[] {
  const customers: SeededCustomer[] = [];
  let index = 0;
  const users = [seededUserName(CONTOSO_TENANT_ID, 'admin-agent'), seededUserName(CONTOSO_TENANT_ID, 'sales-agent')];
  for (const info of countries) {
    info.companies.forEach((companyName, companyIndex) => {
      const companySlug = slug(companyName) === 'customer' ? `customer${index}` : slug(companyName);
      const contact = contactFor(info, companyIndex, companySlug);
      const state = index % 6;
      const agreements: SeededAgreement[] = [];
      const year = 2019 + (index % 6);
      const month = 1 + (index % 12);
      const day = 1 + (index % 27);
      const by = users[index % 2]!;
      if (state === 1 || state === 4)
        agreements.push({ contact, dateAgreed: isoDay(year, month, day), templateId: MCA_TEMPLATE_ID, userName: by });
      if (state === 2) {
        // Several confirmations: each reconfirmation changed the contact (a new person, then a new phone).
        const other = contactFor(info, companyIndex + 1, companySlug);
        agreements.push({ contact: other, dateAgreed: isoDay(2019, month, day), templateId: MCA_TEMPLATE_ID, userName: by });
        agreements.push({ contact, dateAgreed: isoDay(2021, month, day), templateId: MCA_TEMPLATE_ID, userName: by });
        if (index % 4 === 2)
          agreements.push({
            contact: { ...contact, phoneNumber: '+1 555 0100 99' },
            dateAgreed: isoDay(2024, month, day),
            templateId: MCA_TEMPLATE_ID,
            userName: by,
          });
      }
      if (state === 5) {
        // Only a legacy Microsoft Cloud Agreement: invisible unless agreementType is given (the documented pitfall).
        agreements.push({ contact, dateAgreed: isoDay(2018, month, day), templateId: CLOUD_AGREEMENT_TEMPLATE_ID, userName: by });
      }
      customers.push({
        id: index === 0 ? DOCUMENTED_CONFIRM_CUSTOMER_ID : seedUuid(`customer:contoso:${companyName}`),
        partnerTenantId: CONTOSO_TENANT_ID,
        companyName,
        domain: `${companySlug}.onmicrosoft.com`,
        country: info.country,
        culture: info.culture,
        language: info.culture.split('-')[0] ?? 'en',
        city: info.city,
        postalCode: info.postalCode,
        addressLine1: info.street,
        ...(info.state ? { state: info.state } : {}),
        contact,
        directSigned: state === 3 || state === 4,
        agreements,
      });
      index += 1;
    });
  }
  // The documented "get confirmations" sample (reference §3): Tania Carr, 2019-08-26.
  customers.push({
    id: seedUuid('customer:contoso:documented-get-sample'),
    partnerTenantId: CONTOSO_TENANT_ID,
    companyName: 'Graphic Design Institute',
    domain: 'graphicdesigninstitute.onmicrosoft.com',
    country: 'US',
    culture: 'en-US',
    language: 'en',
    city: 'Redmond',
    postalCode: '98052',
    state: 'WA',
    addressLine1: 'One Microsoft Way',
    contact: { firstName: 'Tania', lastName: 'Carr', email: 'SomeEmail@example.com', phoneNumber: '1234567890' },
    directSigned: false,
    agreements: [
      {
        contact: { firstName: 'Tania', lastName: 'Carr', email: 'SomeEmail@example.com', phoneNumber: '1234567890' },
        dateAgreed: '2019-08-26T00:00:00.000Z',
        templateId: MCA_TEMPLATE_ID,
        userName: seededUserName(CONTOSO_TENANT_ID, 'admin-agent'),
      },
    ],
  });
  return customers;
}

function buildFabrikamCustomers(): SeededCustomer[] {
  const base: Array<[string, string, string, boolean, string | undefined]> = [
    ['Woodgrove Bank', 'US', 'en-US', false, undefined],
    ['Consolidated Messenger', 'GB', 'en-GB', true, undefined],
    ['Best For You Organics', 'NL', 'nl-NL', false, TAILSPIN_TENANT_ID],
    ['VanArsdel Ltd', 'DE', 'de-DE', false, TAILSPIN_TENANT_ID],
    ['Bellows College', 'US', 'en-US', true, TAILSPIN_TENANT_ID],
    ['Datum Retail', 'FR', 'fr-FR', false, undefined],
    ['Fabrikam Residences', 'BE', 'fr-BE', false, undefined],
    ['Contoso Pharmaceuticals', 'JP', 'ja-JP', false, undefined],
  ];
  return base.map(([companyName, country, culture, attested, reseller], index) => {
    const info = countries.find((c) => c.country === country) ?? countries[0]!;
    const companySlug = slug(companyName);
    const contact = contactFor(info, index, companySlug);
    return {
      id: seedUuid(`customer:fabrikam:${companyName}`),
      partnerTenantId: FABRIKAM_TENANT_ID,
      ...(reseller ? { associatedPartnerId: reseller } : {}),
      companyName,
      domain: `${companySlug}.onmicrosoft.com`,
      country,
      culture,
      language: culture.split('-')[0] ?? 'en',
      city: info.city,
      postalCode: info.postalCode,
      addressLine1: info.street,
      ...(info.state ? { state: info.state } : {}),
      contact,
      directSigned: index === 4,
      agreements: attested
        ? [{ contact, dateAgreed: isoDay(2022, 3 + index, 10), templateId: MCA_TEMPLATE_ID, userName: 'admin@fabrikam.example' }]
        : [],
    };
  });
}

export const seededCustomers: readonly SeededCustomer[] = [...buildContosoCustomers(), ...buildFabrikamCustomers()];

/** Countries the generated customers (`--customers n`) cycle through. */
export const generatedCountries: readonly CountryInfo[] = countries;
