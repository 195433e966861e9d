/**
 * The signer file of an MCA refresh on a backend that retired it: one row per selected customer in the
 * columns Import CSV reads for acceptance links, the company, country and language filled where this
 * computer knows them, and the signer left for the agent to enter. Partner Center records a new agreement
 * only for a signer who differs from the latest confirmation's contact (600061), so that contact is shown
 * beside the row for reference, not copied into it.
 */
import { personName } from '../../../shared/domain/contact';
import type { CustomerDetailRow, McaStateRow } from '../db/rows';
import { escapeCell } from '../bulk/csv-cells';
import { toCsv } from '../bulk/csv-cells';
import { SIGNER_TEMPLATE_HEADER } from '../bulk/signer-csv';

/** Import CSV's signer columns (its template's header, in its order), then two columns the import ignores. */
export const SIGNER_FILE_COLUMNS: readonly string[] = [...SIGNER_TEMPLATE_HEADER, 'latestContact', 'latestDate'];

export interface SignerFileInput {
  customerIds: readonly string[];
  nameOf: (customerId: string) => string;
  states: ReadonlyMap<string, McaStateRow>;
  details: ReadonlyMap<string, CustomerDetailRow>;
}

export function signerFileRows(input: SignerFileInput): string[][] {
  return input.customerIds.map((customerId) => {
    const details = input.details.get(customerId);
    const latest = input.states.get(customerId);
    const contact = latest?.lastContact;
    // In SIGNER_COLUMNS' order: customer, the signer (left to enter), company, country, language, link validity.
    return [
      customerId,
      '',
      '',
      '',
      '',
      details?.companyName ?? input.nameOf(customerId),
      details?.country?.toUpperCase() ?? '',
      details?.language ?? '',
      '7d',
      contact ? `${personName(contact)} <${contact.email}>` : '',
      latest?.lastDateAgreed?.slice(0, 10) ?? '',
    ].map(escapeCell);
  });
}

export function signerFileCsv(input: SignerFileInput): string {
  return toCsv(SIGNER_FILE_COLUMNS, signerFileRows(input));
}
