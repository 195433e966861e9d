import type { PGlite } from '@electric-sql/pglite';
import {
  generatedCountries,
  seededCustomers,
  seededPartners,
  seededTemplates,
  seededUserName,
  seededUsers,
  CONTOSO_TENANT_ID,
} from '../seed-data';
import { seedUuid } from '../ids';

export const SEED_VERSION = '1';

/** Inserts the fixed seed once (partners, users, templates, customers and their agreements). */
export async function seedBase(db: PGlite): Promise<boolean> {
  const existing = await db.query<{ value: string }>("select value from meta where key = 'seed_version'");
  if (existing.rows.length > 0) return false;
  await db.transaction(async (tx) => {
    for (const partner of seededPartners)
      await tx.query('insert into partners (id, name, partner_type, provider_id, domain) values ($1, $2, $3, $4, $5)', [
        partner.partnerTenantId,
        partner.partnerName,
        partner.partnerType,
        partner.providerTenantId ?? null,
        partner.domain,
      ]);
    for (const user of seededUsers)
      await tx.query('insert into users (id, partner_id, user_name, display_name, roles) values ($1, $2, $3, $4, $5)', [
        user.userId,
        user.partnerTenantId,
        user.userName,
        user.displayName,
        user.roles,
      ]);
    for (const template of seededTemplates)
      await tx.query(
        'insert into agreement_templates (id, agreement_type, agreement_link, version_rank, retired) values ($1, $2, $3, $4, $5)',
        [template.templateId, template.agreementType, template.agreementLink, template.versionRank, template.retired],
      );
    const customerRows = seededCustomers.map((c) => ({
      id: c.id,
      partner_id: c.partnerTenantId,
      associated_partner_id: c.associatedPartnerId ?? null,
      commerce_id: seedUuid(`commerce:${c.id}`),
      company_name: c.companyName,
      domain: c.domain,
      email: c.contact.email,
      culture: c.culture,
      language: c.language,
      first_name: c.contact.firstName,
      last_name: c.contact.lastName,
      address_line1: c.addressLine1,
      city: c.city,
      state: c.state ?? null,
      postal_code: c.postalCode,
      country: c.country,
      phone_number: c.contact.phoneNumber ?? null,
      direct_signed: c.directSigned,
    }));
    await tx.query(
      `insert into customers (id, partner_id, associated_partner_id, commerce_id, company_name, domain, email, culture, language,
         first_name, last_name, address_line1, city, state, postal_code, country, phone_number, direct_signed, direct_signed_at, created_at)
       select r.id, r.partner_id, r.associated_partner_id, r.commerce_id, r.company_name, r.domain, r.email, r.culture, r.language,
         r.first_name, r.last_name, r.address_line1, r.city, r.state, r.postal_code, r.country, r.phone_number, r.direct_signed,
         case when r.direct_signed then timestamptz '2023-05-01T00:00:00Z' end, timestamptz '2019-01-01T00:00:00Z'
       from jsonb_to_recordset($1::jsonb) as r(id uuid, partner_id uuid, associated_partner_id uuid, commerce_id uuid, company_name text,
         domain text, email text, culture text, language text, first_name text, last_name text, address_line1 text, city text,
         state text, postal_code text, country text, phone_number text, direct_signed boolean)`,
      [JSON.stringify(customerRows)],
    );
    const userIds = new Map(seededUsers.map((u) => [u.userName, u.userId]));
    const templateTypes = new Map(seededTemplates.map((t) => [t.templateId, t]));
    const agreementRows = seededCustomers.flatMap((c) =>
      c.agreements.map((a) => ({
        customer_id: c.id,
        partner_id: c.partnerTenantId,
        template_id: a.templateId,
        agreement_type: templateTypes.get(a.templateId)?.agreementType ?? 'MicrosoftCustomerAgreement',
        agreement_link: templateTypes.get(a.templateId)?.agreementLink ?? null,
        first_name: a.contact.firstName,
        last_name: a.contact.lastName,
        email: a.contact.email,
        phone_number: a.contact.phoneNumber ?? null,
        date_agreed: a.dateAgreed,
        user_id: userIds.get(a.userName) ?? null,
        user_name: a.userName,
      })),
    );
    await tx.query(
      `insert into agreements (customer_id, partner_id, template_id, agreement_type, agreement_link, first_name, last_name, email,
         phone_number, date_agreed, user_id, user_name, created_at)
       select r.customer_id, r.partner_id, r.template_id, r.agreement_type, r.agreement_link, r.first_name, r.last_name, r.email,
         r.phone_number, r.date_agreed, r.user_id, r.user_name, r.date_agreed
       from jsonb_to_recordset($1::jsonb) as r(customer_id uuid, partner_id uuid, template_id text, agreement_type text,
         agreement_link text, first_name text, last_name text, email text, phone_number text, date_agreed timestamptz, user_id uuid,
         user_name text)
       order by r.date_agreed`,
      [JSON.stringify(agreementRows)],
    );
    await tx.query("insert into meta (key, value) values ('seed_version', $1)", [SEED_VERSION]);
  });
  return true;
}

const adjectives = [
  'Northwind',
  'Blue',
  'Silver',
  'Golden',
  'Bright',
  'Summit',
  'Harbor',
  'Cedar',
  'Prairie',
  'Coastal',
  'Granite',
  'Evergreen',
];
const nouns = [
  'Logistics',
  'Bakery',
  'Consulting',
  'Dental',
  'Engineering',
  'Farms',
  'Hotels',
  'Legal',
  'Media',
  'Motors',
  'Clinic',
  'Studios',
];
const firstNames = ['Alex', 'Sam', 'Robin', 'Kim', 'Noor', 'Mika', 'Jules', 'Rene', 'Yuki', 'Ana', 'Lars', 'Priya'];
const lastNames = ['Jansen', 'Smith', 'Müller', 'Dubois', 'Sato', 'Silva', 'Novak', 'Rossi', 'Kowalski', 'Nguyen', 'Okafor', 'Larsen'];

/**
 * Adds generated Contoso customers 1..count (deterministic by index) that are not there yet, in one
 * `insert … select` over generate_series, then their agreements in a second: 100,000 take a few
 * seconds. Customer i takes its country, first name and adjective from i % 12 and its last name and
 * noun from (i / 12) % 12: the 12 × 12 small tables are cross-joined with the series (plain column
 * reads; per-row array look-ups cost more than the insert). Every third has a partner attestation,
 * every tenth signed directly. Their domains (`sandbox-gen-<i>.onmicrosoft.com`) are reserved: creating a
 * customer with one is refused, so the insert needs no conflict handling.
 */
export async function seedGenerated(db: PGlite, count: number): Promise<number> {
  if (count <= 0) return 0;
  const { rows } = await db.query<{ max: number | null }>('select max(generated_index) as max from customers');
  const from = (rows[0]?.max ?? 0) + 1;
  if (from > count) return 0;
  const inner = JSON.stringify(
    generatedCountries.slice(0, 12).map((x, n) => ({
      n,
      country: x.country,
      culture: x.culture,
      city: x.city,
      street: x.street,
      postal: x.postalCode,
      state: x.state ?? null,
      phone: x.phone,
      first: firstNames[n],
      adjective: adjectives[n],
    })),
  );
  const outer = JSON.stringify(lastNames.map((last, m) => ({ m, last, noun: nouns[m] })));
  await db.transaction(async (tx) => {
    // Bulk load: the generated rows reference only seeded partners, users and templates, so the
    // per-row foreign-key triggers are skipped for this transaction (a standard Postgres bulk-load
    // switch; the whole seed is one transaction and rolls back as one).
    await tx.exec('set local session_replication_role = replica');
    await tx.query(
      `insert into customers (id, partner_id, commerce_id, company_name, domain, email, culture, language, first_name, last_name,
         address_line1, city, state, postal_code, country, phone_number, direct_signed, direct_signed_at, generated_index, created_at)
       select
         overlay(overlay(md5('mca-sandbox:gen:' || g.i) placing '4' from 13) placing '8' from 17)::uuid,
         $3::uuid,
         md5('mca-sandbox:gen-commerce:' || g.i)::uuid,
         co.adjective || ' ' || l.noun || ' ' || g.i,
         'sandbox-gen-' || g.i || '.onmicrosoft.com',
         co.lower_first || '@sandbox-gen-' || g.i || '.example',
         co.culture, co.language, co.first, l.last, co.street, co.city, co.state, co.postal, co.country,
         case when g.i % 4 = 3 then null else co.phone end,
         g.i % 10 = 2, case when g.i % 10 = 2 then timestamptz '2024-01-01T00:00:00Z' end, g.i, timestamptz '2020-01-01T00:00:00Z'
       from generate_series($1::int / 144, $2::int / 144) as b
       cross join (select m, last, noun from jsonb_to_recordset($5::jsonb) as r(m int, last text, noun text)) as l
       cross join (
         select n, country, culture, split_part(culture, '-', 1) as language, city, street, postal, state, phone, first, lower(first) as lower_first, adjective
         from jsonb_to_recordset($4::jsonb) as r(n int, country text, culture text, city text, street text, postal text, state text, phone text, first text, adjective text)
       ) as co
       cross join lateral (select b * 144 + l.m * 12 + co.n as i) as g
       where g.i between $1 and $2`,
      [from, count, CONTOSO_TENANT_ID, inner, outer],
    );
    await tx.query(
      `insert into agreements (customer_id, partner_id, template_id, agreement_type, agreement_link, first_name, last_name, email,
         phone_number, date_agreed, user_id, user_name, created_at)
       select cu.id, cu.partner_id, t.id, t.agreement_type, t.agreement_link, cu.first_name, cu.last_name, cu.email, cu.phone_number,
         timestamptz '2019-03-01T00:00:00Z' + ((cu.generated_index * 37) % 2400) * interval '1 day', u.id, u.user_name,
         timestamptz '2019-03-01T00:00:00Z' + ((cu.generated_index * 37) % 2400) * interval '1 day'
       from customers cu
       join agreement_templates t on t.agreement_type = 'MicrosoftCustomerAgreement' and not t.retired
       join users u on u.user_name = $3
       where cu.generated_index between $1 and $2 and cu.generated_index % 3 = 1
       order by cu.generated_index`,
      // Contoso's Admin agent confirmed them, by the name the accounts list gives it.
      [from, count, seededUserName(CONTOSO_TENANT_ID, 'admin-agent')],
    );
  });
  return count - from + 1;
}
