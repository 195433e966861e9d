/** Read-outs for tests and other processes (`/sandbox/agreements`, `RunningSandbox.inspect`). */
import type { Database } from '../db/database';

export interface InspectedAgreement {
  customerId: string;
  partnerId: string;
  requestId: string | null;
  templateId: string;
  type: string;
  primaryContact: { firstName: string; lastName: string; email: string; phoneNumber?: string };
  dateAgreed: string;
  userName: string;
  createdAt: string;
  /** Only on an agreement finalised from an enhanced attestation. */
  attestationId?: string;
}

export interface AuditRecord {
  id: number;
  at: string;
  partnerId: string | null;
  userId: string | null;
  userName: string | null;
  action: string;
  target: string | null;
  requestId: string | null;
  correlationId: string | null;
  status: number | null;
  detail: unknown;
}

export async function listAgreements(
  db: Database,
  filter: { customerId?: string; requestId?: string } = {},
): Promise<InspectedAgreement[]> {
  const { rows } = await db.query<{
    customer_id: string;
    partner_id: string;
    request_id: string | null;
    template_id: string;
    agreement_type: string;
    first_name: string;
    last_name: string;
    email: string;
    phone_number: string | null;
    date_agreed: Date;
    user_name: string | null;
    created_at: Date;
    attestation_id: string | null;
  }>(
    `select customer_id, partner_id, request_id, template_id, agreement_type, first_name, last_name, email, phone_number, date_agreed,
       user_name, created_at, attestation_id
     from agreements where ($1::uuid is null or customer_id = $1::uuid) and ($2::text is null or request_id = $2) order by id`,
    [filter.customerId ?? null, filter.requestId ?? null],
  );
  return rows.map((row) => ({
    customerId: row.customer_id,
    partnerId: row.partner_id,
    requestId: row.request_id,
    templateId: row.template_id,
    type: row.agreement_type,
    primaryContact: {
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      ...(row.phone_number ? { phoneNumber: row.phone_number } : {}),
    },
    dateAgreed: new Date(row.date_agreed).toISOString(),
    userName: row.user_name ?? '',
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.attestation_id ? { attestationId: row.attestation_id } : {}),
  }));
}

export async function listAudit(db: Database, limit = 10_000): Promise<AuditRecord[]> {
  const { rows } = await db.query<{
    id: number;
    at: Date;
    partner_id: string | null;
    user_id: string | null;
    user_name: string | null;
    action: string;
    target: string | null;
    request_id: string | null;
    correlation_id: string | null;
    status: number | null;
    detail: unknown;
  }>('select * from (select * from audit order by id desc limit $1) a order by id', [limit]);
  return rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    partnerId: row.partner_id,
    userId: row.user_id,
    userName: row.user_name,
    action: row.action,
    target: row.target,
    requestId: row.request_id,
    correlationId: row.correlation_id,
    status: row.status,
    detail: row.detail,
  }));
}

/** A customer who accepted the MCA in the Microsoft 365 admin center (`isSigned` is true). */
export interface InspectedDirectAcceptance {
  customerId: string;
  companyName: string;
  partnerTenantId: string;
  directSignedAt: string | null;
  /** Whether a partner attestation (an MCA agreement record) exists for the customer too. */
  hasPartnerAttestation: boolean;
}

/**
 * The sandbox's truth about direct acceptance (`/sandbox/direct-acceptance`): every customer of the
 * partner (or of every partner) whose `isSigned` is true, in seed order, each saying whether a
 * partner attestation exists as well.
 */
export async function listDirectAcceptance(db: Database, filter: { partnerTenantId?: string } = {}): Promise<InspectedDirectAcceptance[]> {
  const { rows } = await db.query<{
    id: string;
    company_name: string;
    partner_id: string;
    direct_signed_at: Date | null;
    attested: boolean;
  }>(
    `select c.id, c.company_name, c.partner_id, c.direct_signed_at,
       exists (select 1 from agreements a where a.customer_id = c.id and a.agreement_type = 'MicrosoftCustomerAgreement') as attested
     from customers c
     where c.direct_signed and ($1::uuid is null or c.partner_id = $1::uuid)
     order by c.seq`,
    [filter.partnerTenantId ?? null],
  );
  return rows.map((row) => ({
    customerId: row.id,
    companyName: row.company_name,
    partnerTenantId: row.partner_id,
    directSignedAt: row.direct_signed_at ? new Date(row.direct_signed_at).toISOString() : null,
    hasPartnerAttestation: row.attested,
  }));
}
