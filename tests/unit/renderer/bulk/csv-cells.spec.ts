import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { escapeCell, unescapeCell } from '../../../../renderer/src/bulk/csv-cells';
import { STATUS_COLUMNS, statusCsv } from '../../../../renderer/src/bulk/status-csv';
import type { CustomerRow, McaStateRow } from '../../../../renderer/src/db/rows';
import { CUSTOMER_A, CUSTOMER_B } from '../helpers/database';

describe('formula-injection escaping', () => {
  it.each(['=HYPERLINK("http://evil.example","click")', '+1 425 555 0100', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'])(
    'writes %j as text',
    (value) => {
      expect(escapeCell(value)).toBe(`'${value}`);
      expect(unescapeCell(escapeCell(value))).toBe(value);
    },
  );

  it('leaves ordinary cells alone, including a leading apostrophe before ordinary text', () => {
    for (const value of ['Fourth Coffee', 'o’neil@example.com', "'quoted", '', '1+1']) {
      expect(escapeCell(value)).toBe(value);
      expect(unescapeCell(value)).toBe(value);
    }
  });

  it('escapes every exported cell: no line of the export starts a cell with a formula character', () => {
    const rows: CustomerRow[] = [
      { id: CUSTOMER_A, companyName: '=cmd|’/C calc’!A0', domain: 'evil.onmicrosoft.com', nameKey: 'x', seenRun: 'r' },
      { id: CUSTOMER_B, companyName: 'Fourth Coffee', domain: 'fourthcoffee.onmicrosoft.com', nameKey: 'y', seenRun: 'r' },
    ];
    const states = new Map<string, McaStateRow>([
      [
        CUSTOMER_A,
        {
          customerId: CUSTOMER_A,
          partnerAttestationCompleted: true,
          lastContact: { firstName: '@Tania', lastName: '-Carr', email: 'tania@example.com', phoneNumber: '+31 20 555 0101' },
          lastDateAgreed: '2024-05-01T00:00:00',
          updatedAt: 1,
        },
      ],
    ]);
    const csv = statusCsv({
      rows,
      stateOf: (id) => states.get(id),
      directOf: (id) =>
        id === CUSTOMER_B ? { customerId: CUSTOMER_B, isSigned: true, checkedAt: Date.UTC(2026, 11, 1, 9, 30) } : undefined,
      statusOf: (position) => (position === 0 ? 'confirmed-by-partner' : 'not-accepted'),
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([...STATUS_COLUMNS]);
    expect(parsed[1]).toEqual([
      CUSTOMER_A,
      "'=cmd|’/C calc’!A0",
      'evil.onmicrosoft.com',
      'confirmed-by-partner',
      "'@Tania",
      "'-Carr",
      'tania@example.com',
      "'+31 20 555 0101",
      '2024-05-01T00:00:00',
      'true',
      '',
      '',
    ]);
    expect(parsed[2]).toEqual([
      CUSTOMER_B,
      'Fourth Coffee',
      'fourthcoffee.onmicrosoft.com',
      'not-accepted',
      '',
      '',
      '',
      '',
      '',
      'false',
      'true',
      '2026-12-01T09:30:00.000Z',
    ]);
    for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
