/**
 * The enhanced attestation flow (Partner Center since 5 January 2026): attestations with their
 * acceptance token and life cycle, the attestation an agreement was finalised from, and which users
 * sign in with MFA.
 */
export const sql = /* sql */ `
alter table users add column mfa boolean not null default true;

create table attestations (
  id uuid primary key,
  seq bigserial not null,
  partner_id uuid not null references partners (id),
  customer_id uuid not null references customers (id),
  country text not null,
  language text not null,
  company_name text not null,
  signatory_first_name text not null,
  signatory_last_name text not null,
  signatory_email text not null,
  signatory_phone_number text,
  link_expiry_minutes integer not null,
  acceptance_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  finalized_at timestamptz,
  agreement_id bigint references agreements (id),
  request_id text,
  created_by text
);
create unique index attestations_token on attestations (acceptance_token);
create index attestations_customer on attestations (customer_id, seq);
create index attestations_partner_seq on attestations (partner_id, seq);

alter table agreements add column attestation_id uuid references attestations (id);
create unique index agreements_attestation on agreements (attestation_id) where attestation_id is not null;
`;
