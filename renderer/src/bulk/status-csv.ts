/**
 * "Export CSV": every cached customer's MCA status in the columns Microsoft's bulk re-attestation
 * tool round-trips (tenant id, last contact, last date, whether a partner attestation exists), plus
 * company, domain and the status in this app's words, then the customer's direct acceptance in the
 * Microsoft 365 admin center (`true`, `false`, or empty when not checked yet) and when it was checked
 * (UTC, ISO 8601). Every cell is escaped against formula injection.
 */
import type { CustomerRow, DirectAcceptanceRow, McaStateRow } from '../db/rows';
import type { McaStatus } from '../domain/mca-status';
import { escapeCell, toCsv } from './csv-cells';

export const STATUS_COLUMNS = [
  'customerTenantId',
  'companyName',
  'domain',
  'mcaStatus',
  'lastContactFirstName',
  'lastContactLastName',
  'lastContactEmail',
  'lastContactPhone',
  'lastDateAgreed',
  'partnerAttestationCompleted',
  'directAcceptance',
  'directAcceptanceCheckedAt',
] as const;

export interface StatusSource {
  rows: readonly CustomerRow[];
  stateOf: (customerId: string) => McaStateRow | undefined;
  directOf?: (customerId: string) => DirectAcceptanceRow | undefined;
  statusOf: (position: number) => McaStatus;
}

/** One line per customer, in the cache's order. */
export function statusRows(source: StatusSource): string[][] {
  return source.rows.map((row, position) => {
    const state = source.stateOf(row.id);
    const contact = state?.lastContact;
    const direct = source.directOf?.(row.id);
    return [
      row.id,
      row.companyName,
      row.domain,
      source.statusOf(position),
      contact?.firstName ?? '',
      contact?.lastName ?? '',
      contact?.email ?? '',
      contact?.phoneNumber ?? '',
      state?.lastDateAgreed ?? '',
      state?.partnerAttestationCompleted ? 'true' : 'false',
      direct ? String(direct.isSigned) : '',
      direct ? new Date(direct.checkedAt).toISOString() : '',
    ].map(escapeCell);
  });
}

export function statusCsv(source: StatusSource): string {
  return toCsv(STATUS_COLUMNS, statusRows(source));
}
