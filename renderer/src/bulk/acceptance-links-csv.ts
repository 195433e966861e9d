/**
 * "Export acceptance links": one line per acceptance link this computer holds (ready, sent, waiting
 * or expired), for a mail merge outside MCA Desk. Every cell is escaped against formula injection.
 */
import type { OutboxItem } from '../outbox/item';
import { enhancedPhaseOf } from '../outbox/enhanced-state';
import { isExpiredLink } from '../domain/mca-status';
import { escapeCell } from './csv-cells';
import { toCsv } from './status-csv';

export const ACCEPTANCE_LINK_COLUMNS = ['customerTenantId', 'companyName', 'signerFirstName', 'signerLastName', 'signerEmail', 'acceptanceUrl', 'expiresAt', 'state'] as const;

/** The items with a link, oldest first; an item still waiting for its link has nothing to merge yet. */
export function acceptanceLinkRows(items: readonly OutboxItem[]): string[][] {
  return items
    .filter((item) => item.enhanced?.attestation && (item.state === 'queued' || item.state === 'sending' || isExpiredLink(item)))
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((item) => {
      const state = item.enhanced!;
      const link = state.attestation!;
      return [
        item.customerId,
        state.companyName,
        item.primaryContact.firstName,
        item.primaryContact.lastName,
        item.primaryContact.email,
        link.acceptanceUrl,
        link.expiresAt,
        enhancedPhaseOf(state, isExpiredLink(item)),
      ].map(escapeCell);
    });
}

export function acceptanceLinksCsv(items: readonly OutboxItem[]): string {
  return toCsv(ACCEPTANCE_LINK_COLUMNS, acceptanceLinkRows(items));
}
