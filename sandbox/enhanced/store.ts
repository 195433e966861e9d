/**
 * Attestations in the database and in the API's shape. The status is derived when read, from the
 * server clock: a pending attestation whose link is past `expires_at` is expired at that instant, with
 * no job to run (expiry is real time).
 */
import type { Transaction } from '@electric-sql/pglite';
import type { Database } from '../db/database';
import type { AttestationStatus } from '../../shared/api/enhanced-attestation';
import { ACCEPTANCE_PAGE_PREFIX, ATTESTATION_OBJECT_TYPE } from './contract';

export interface AttestationRow {
  id: string;
  partner_id: string;
  customer_id: string;
  country: string;
  language: string;
  company_name: string;
  signatory_first_name: string;
  signatory_last_name: string;
  signatory_email: string;
  signatory_phone_number: string | null;
  link_expiry_minutes: number;
  acceptance_token: string;
  created_at: Date | string;
  expires_at: Date | string;
  accepted_at: Date | string | null;
  finalized_at: Date | string | null;
  agreement_id: string | number | null;
  request_id: string | null;
  /** Columns of the finalised agreement (left join), when there is one. */
  agreement_template_id: string | null;
  agreement_type: string | null;
  agreement_date_agreed: Date | string | null;
}

/** Every column of an attestation plus its agreement's, for `from attestations a`. */
export const ATTESTATION_COLUMNS = `a.*, g.template_id as agreement_template_id, g.agreement_type as agreement_type,
  g.date_agreed as agreement_date_agreed`;
export const ATTESTATION_FROM = 'attestations a left join agreements g on g.id = a.agreement_id';

const iso = (value: Date | string): string => new Date(value).toISOString();

export function statusOf(row: Pick<AttestationRow, 'expires_at' | 'accepted_at' | 'finalized_at'>, now: Date): AttestationStatus {
  if (row.finalized_at !== null) return 'finalized';
  if (row.accepted_at !== null) return 'accepted';
  return new Date(row.expires_at).getTime() <= now.getTime() ? 'expired' : 'pending';
}

export function signatoryOf(row: AttestationRow) {
  return {
    firstName: row.signatory_first_name,
    lastName: row.signatory_last_name,
    email: row.signatory_email,
    ...(row.signatory_phone_number ? { phoneNumber: row.signatory_phone_number } : {}),
  };
}

/** An agreement finalised from an attestation is dated UTC midnight of the acceptance day (reference §2). */
export function dateAgreedOf(acceptedAt: Date): Date {
  return new Date(Date.UTC(acceptedAt.getUTCFullYear(), acceptedAt.getUTCMonth(), acceptedAt.getUTCDate()));
}

/** The Agreement made by finalising: the signatory, UTC midnight of the acceptance day, the attestation id. */
export function agreementView(row: AttestationRow, agreement: { templateId: string; type: string; dateAgreed: Date | string }) {
  return {
    primaryContact: signatoryOf(row),
    templateId: agreement.templateId,
    dateAgreed: iso(agreement.dateAgreed),
    type: agreement.type,
    attestationId: row.id,
  };
}

export function acceptanceUrl(origin: string, token: string): string {
  return `${origin}${ACCEPTANCE_PAGE_PREFIX}/${token}`;
}

/** An attestation as the API answers it. */
export function attestationView(row: AttestationRow, origin: string, now: Date) {
  const status = statusOf(row, now);
  return {
    id: row.id,
    customerTenantId: row.customer_id,
    status,
    acceptanceUrl: acceptanceUrl(origin, row.acceptance_token),
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at),
    ...(row.accepted_at === null ? {} : { acceptedAt: iso(row.accepted_at) }),
    linkExpiryMinutes: row.link_expiry_minutes,
    country: row.country,
    language: row.language,
    companyName: row.company_name,
    signatory: signatoryOf(row),
    ...(row.agreement_template_id !== null && row.agreement_type !== null && row.agreement_date_agreed !== null
      ? {
          agreement: agreementView(row, {
            templateId: row.agreement_template_id,
            type: row.agreement_type,
            dateAgreed: row.agreement_date_agreed,
          }),
        }
      : {}),
    attributes: { objectType: ATTESTATION_OBJECT_TYPE },
  };
}
export type AttestationView = ReturnType<typeof attestationView>;

export async function attestationById(db: Transaction | Database, id: string): Promise<AttestationRow | undefined> {
  const { rows } = await db.query<AttestationRow>(`select ${ATTESTATION_COLUMNS} from ${ATTESTATION_FROM} where a.id = $1`, [id]);
  return rows[0];
}

export async function attestationByToken(db: Transaction | Database, token: string): Promise<AttestationRow | undefined> {
  const { rows } = await db.query<AttestationRow>(`select ${ATTESTATION_COLUMNS} from ${ATTESTATION_FROM} where a.acceptance_token = $1`, [
    token,
  ]);
  return rows[0];
}

export interface NewAttestation {
  id: string;
  partnerId: string;
  customerId: string;
  country: string;
  language: string;
  companyName: string;
  signatory: { firstName: string; lastName: string; email: string; phoneNumber?: string | undefined };
  linkExpiryMinutes: number;
  token: string;
  createdAt: Date;
  acceptedAt?: Date;
  requestId: string | null;
  createdBy: string;
}

export async function insertAttestation(tx: Transaction | Database, input: NewAttestation): Promise<AttestationRow> {
  const expiresAt = new Date(input.createdAt.getTime() + input.linkExpiryMinutes * 60_000);
  await tx.query(
    `insert into attestations (id, partner_id, customer_id, country, language, company_name, signatory_first_name, signatory_last_name,
       signatory_email, signatory_phone_number, link_expiry_minutes, acceptance_token, created_at, expires_at, accepted_at, request_id, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      input.id,
      input.partnerId,
      input.customerId,
      input.country,
      input.language,
      input.companyName,
      input.signatory.firstName,
      input.signatory.lastName,
      input.signatory.email,
      input.signatory.phoneNumber ?? null,
      input.linkExpiryMinutes,
      input.token,
      input.createdAt.toISOString(),
      expiresAt.toISOString(),
      input.acceptedAt?.toISOString() ?? null,
      input.requestId,
      input.createdBy,
    ],
  );
  return (await attestationById(tx, input.id))!;
}

/** Every attestation (sandbox read-outs), optionally of one customer, request id or partner, oldest first. */
export async function listAttestationRows(
  db: Database,
  filter: { customerId?: string; requestId?: string; partnerId?: string } = {},
): Promise<AttestationRow[]> {
  const { rows } = await db.query<AttestationRow>(
    `select ${ATTESTATION_COLUMNS} from ${ATTESTATION_FROM}
     where ($1::uuid is null or a.customer_id = $1::uuid) and ($2::text is null or a.request_id = $2) and ($3::uuid is null or a.partner_id = $3::uuid)
     order by a.seq`,
    [filter.customerId ?? null, filter.requestId ?? null, filter.partnerId ?? null],
  );
  return rows;
}
