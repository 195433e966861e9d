/**
 * "Export acceptance links": one line per acceptance link this computer holds (ready, sent, waiting
 * or expired), for a mail merge outside MCA Desk. Every cell is escaped against formula injection.
 */
import type { OutboxItem } from '../outbox/item';
import { enhancedPhaseOf } from '../outbox/enhanced-state';
import { isExpiredLink } from '../domain/mca-status';
import { escapeCell } from './csv-cells';
import { toCsv } from './csv-cells';

export const ACCEPTANCE_LINK_COLUMNS = [
  'customerTenantId',
  'companyName',
  'signerFirstName',
  'signerLastName',
  'signerEmail',
  'acceptanceUrl',
  'expiresAt',
  'state',
] as const;

/** Whether an item holds a link to merge: made (an item still waiting for its link has none), and still in play or expired. */
export function hasAcceptanceLink(item: OutboxItem): boolean {
  return item.enhanced?.attestation !== undefined && (item.state === 'queued' || item.state === 'sending' || isExpiredLink(item));
}

/** The items with a link, oldest first. */
export function acceptanceLinkRows(items: readonly OutboxItem[]): string[][] {
  return items
    .filter(hasAcceptanceLink)
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
