import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { ACCEPTANCE_LINK_COLUMNS, acceptanceLinksCsv } from '../../../../renderer/src/bulk/acceptance-links-csv';
import type { OutboxItem } from '../../../../renderer/src/outbox/item';

function link(id: string, state: OutboxItem['state'], overrides: Partial<OutboxItem> = {}, withLink = true): OutboxItem {
  return {
    id,
    customerId: `${id}-tenant`,
    customerName: `Customer ${id}`,
    primaryContact: { firstName: 'Tania', lastName: 'Carr', email: `${id}@example.com` },
    kind: 'enhanced',
    enhanced: {
      step: withLink ? 'watch' : 'create',
      companyName: `Company ${id}`,
      country: 'NL',
      language: 'nl-NL',
      linkExpiryMinutes: 60,
      finaliseRequestId: 'f',
      checks: 0,
      ...(withLink
        ? {
            attestation: {
              id: `att-${id}`,
              acceptanceUrl: `http://127.0.0.1:1/customer-acceptance/${id}`,
              expiresAt: '2026-12-10T10:00:00.000Z',
              status: 'pending' as const,
            },
          }
        : {}),
    },
    state,
    attempts: 0,
    createdAt: Number(id.replace(/\D/g, '')) || 1,
    updatedAt: 1,
    createdBy: 'admin',
    nextAttemptAt: 1,
    ...overrides,
  };
}

describe('Export acceptance links', () => {
  it('writes one line per link that exists (waiting or expired), oldest first, with its state; not links still requested, finished or refused', () => {
    const items = [
      link('i3', 'queued', { enhanced: { ...link('x', 'queued').enhanced!, linkSentAt: 5 } }),
      link('i1', 'queued'),
      link('i2', 'failed', { lastError: { kind: 'link-expired', reason: 'expired', at: 1 } }),
      link('i4', 'queued', {}, false),
      link('i5', 'confirmed'),
      link('i6', 'failed', { lastError: { kind: 'failed', reason: 'refused', at: 1 } }),
    ];
    const parsed = Papa.parse<string[]>(acceptanceLinksCsv(items).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([...ACCEPTANCE_LINK_COLUMNS]);
    expect(parsed.slice(1).map((row) => [row[0], row[7]])).toEqual([
      ['i1-tenant', 'link-not-sent'],
      ['i2-tenant', 'link-expired'],
      ['i3-tenant', 'waiting'],
    ]);
    expect(parsed[1]!.slice(1, 7)).toEqual([
      'Company i1',
      'Tania',
      'Carr',
      'i1@example.com',
      'http://127.0.0.1:1/customer-acceptance/i1',
      '2026-12-10T10:00:00.000Z',
    ]);
  });

  it('escapes a cell a spreadsheet would run as a formula', () => {
    const hostile = link('i1', 'queued', {
      primaryContact: { firstName: '=HYPERLINK("http://evil")', lastName: 'Carr', email: 'a@b.example' },
    });
    const parsed = Papa.parse<string[]>(acceptanceLinksCsv([hostile]).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[1]![2]!.startsWith("'=")).toBe(true);
  });
});
