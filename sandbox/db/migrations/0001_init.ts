/** The first schema: partners, users, templates, customers, agreements, idempotency and audit. */
export const sql = /* sql */ `
create table meta (
  key text primary key,
  value text not null
);

create table partners (
  id uuid primary key,
  name text not null,
  partner_type text not null check (partner_type in ('direct-bill', 'indirect-provider', 'indirect-reseller')),
  provider_id uuid references partners (id),
  domain text not null
);

create table users (
  id uuid primary key,
  partner_id uuid not null references partners (id),
  user_name text not null unique,
  display_name text not null,
  roles text[] not null
);

create table agreement_templates (
  id text primary key,
  agreement_type text not null,
  agreement_link text not null,
  version_rank integer not null,
  retired boolean not null default false
);

create table customers (
  id uuid primary key,
  seq bigserial not null unique,
  partner_id uuid not null references partners (id),
  associated_partner_id uuid references partners (id),
  commerce_id uuid not null,
  company_name text not null,
  domain text not null unique,
  email text not null,
  culture text not null,
  language text not null,
  first_name text not null,
  last_name text not null,
  address_line1 text not null,
  address_line2 text,
  city text not null,
  state text,
  postal_code text not null,
  country text not null,
  phone_number text,
  registration_number text,
  relationship text not null default 'reseller',
  enable_gdap boolean,
  direct_signed boolean not null default false,
  direct_signed_at timestamptz,
  generated_index integer unique,
  created_at timestamptz not null default now()
);
create index customers_partner_seq on customers (partner_id, seq);
create index customers_associated_seq on customers (associated_partner_id, seq) where associated_partner_id is not null;
create index customers_partner_name on customers (partner_id, lower(company_name) text_pattern_ops);
create index customers_partner_domain on customers (partner_id, domain text_pattern_ops);

create table agreements (
  id bigserial primary key,
  customer_id uuid not null references customers (id),
  partner_id uuid not null references partners (id),
  template_id text not null references agreement_templates (id),
  agreement_type text not null,
  first_name text not null,
  last_name text not null,
  email text not null,
  phone_number text,
  date_agreed timestamptz not null,
  agreement_link text,
  user_id uuid,
  user_name text,
  request_id text,
  created_at timestamptz not null default now()
);
create index agreements_customer on agreements (customer_id, id);
create index agreements_request on agreements (partner_id, request_id) where request_id is not null;

-- One row per processed MS-RequestId and partner: written in the same transaction as the write it guards.
create table idempotency (
  partner_id uuid not null,
  request_id text not null,
  operation text not null,
  status integer not null,
  body text not null,
  created_at timestamptz not null default now(),
  primary key (partner_id, request_id)
);

-- Every write and write attempt: who, when, which request.
create table audit (
  id bigserial primary key,
  at timestamptz not null default now(),
  partner_id uuid,
  user_id uuid,
  user_name text,
  action text not null,
  target text,
  request_id text,
  correlation_id text,
  status integer,
  detail jsonb
);
`;
