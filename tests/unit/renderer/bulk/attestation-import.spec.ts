import { describe, expect, it } from 'vitest';
import { ImportValidator, mapColumns, type ImportLookup } from '../../../../renderer/src/bulk/attestation-csv';
import { parseCsv } from '../../../../renderer/src/bulk/parse-csv';
import type { AgreementRecord } from '../../../../shared/domain/agreement';
import type { OutboxItem } from '../../../../renderer/src/db/rows';
import { CUSTOMER_A, CUSTOMER_B, CUSTOMER_C } from '../helpers/database';

const NOW = new Date('2026-11-20T10:00:00Z');
const tania = { firstName: 'Tania', lastName: 'Carr', email: 'tania@fourthcoffee.example', phoneNumber: '+1 425 555 0100' };

function lookup(overrides: Partial<{ records: AgreementRecord[]; items: OutboxItem[] }> = {}): ImportLookup {
  const customers: Record<string, { id: string; name: string }> = {
    [CUSTOMER_A]: { id: CUSTOMER_A, name: 'Fourth Coffee' },
    'fourthcoffee.onmicrosoft.com': { id: CUSTOMER_A, name: 'Fourth Coffee' },
    [CUSTOMER_B]: { id: CUSTOMER_B, name: 'Adatum' },
    'graphic.onmicrosoft.com': { id: CUSTOMER_C, name: 'Graphic Design Institute' },
  };
  const latest: AgreementRecord = {
    customerId: CUSTOMER_C,
    primaryContact: tania,
    templateId: 't',
    dateAgreed: '2019-08-26T00:00:00',
    type: 'MicrosoftCustomerAgreement',
  };
  return {
    customer: (key) => customers[key.toLowerCase()],
    history: (id) => ({
      records: id === CUSTOMER_C ? [latest, ...(overrides.records ?? [])] : (overrides.records ?? []),
      items: (overrides.items ?? []).filter((item) => item.customerId === id),
    }),
    dateContext: { now: NOW, timeZone: 'Europe/Amsterdam', floor: '2019-03-01' },
  };
}

function validate(lines: string[][], context = lookup()) {
  const mapped = mapColumns(lines[0]!);
  if (!mapped.ok) throw new Error(`missing ${mapped.missing.join()}`);
  const validator = new ImportValidator(mapped.columns, context);
  lines.slice(1).forEach((cells, index) => validator.check(cells, index + 2));
  return validator;
}

describe('Import CSV: columns', () => {
  it('finds the template’s columns and the export’s names for them, in any order and case', () => {
    expect(mapColumns(['customer', 'firstName', 'lastName', 'email', 'phone', 'date'])).toEqual({
      ok: true,
      columns: { customer: 0, firstName: 1, lastName: 2, email: 3, phone: 4, date: 5 },
    });
    const exported = mapColumns([
      '\uFEFFcustomerTenantId',
      'companyName',
      'domain',
      'mcaStatus',
      'lastContactFirstName',
      'lastContactLastName',
      'lastContactEmail',
      'lastContactPhone',
      'lastDateAgreed',
    ]);
    expect(exported).toMatchObject({ ok: true, columns: { customer: 0, firstName: 4, lastName: 5, email: 6, phone: 7, date: 8 } });
    expect(mapColumns(['Customer', 'First Name', 'LAST_NAME', 'E-mail', 'Date'])).toMatchObject({
      ok: true,
      columns: { phone: undefined },
    });
  });

  it('names the required columns that are missing', () => {
    expect(mapColumns(['customer', 'first', 'email'])).toEqual({ ok: false, missing: ['firstName', 'lastName', 'date'] });
  });
});

describe('Import CSV: the per-row report', () => {
  const header = ['customer', 'firstName', 'lastName', 'email', 'phone', 'date'];

  it('reports each bad row with its row number, field and reason, and keeps only valid rows', () => {
    const result = validate([
      header,
      ['fourthcoffee.onmicrosoft.com', 'Mila', 'Jansen', 'mila@fourthcoffee.example', '+31 20 555 0199', '2026-11-19'],
      [CUSTOMER_B, 'Noor', 'Visser', 'NOOR@Adatum.Example', '', '2026-11-20'],
      ['nosuch.onmicrosoft.com', 'Piet', 'Pol', 'piet@nosuch.example', '', '2026-11-01'],
      [CUSTOMER_B, 'Kees', '', 'not-an-email', '12ab', '2026-11-01'],
      [CUSTOMER_B, 'Anna', 'Smit', 'anna@adatum.example', '', '2026-11-21'],
      [CUSTOMER_B, 'Anna', 'Smit', 'anna@adatum.example', '', '2018-01-01'],
      [CUSTOMER_B, 'Anna', 'Smit', 'anna@adatum.example', '', '20-11-2026'],
      ['', '', '', '', '', ''],
      ['', 'Bo', 'Ek', 'bo@example.com', '', ''],
    ]);
    expect(result.valid).toEqual([
      {
        customerId: CUSTOMER_A,
        customerName: 'Fourth Coffee',
        primaryContact: { firstName: 'Mila', lastName: 'Jansen', email: 'mila@fourthcoffee.example', phoneNumber: '+31 20 555 0199' },
        dateAgreed: '2026-11-19',
      },
      {
        customerId: CUSTOMER_B,
        customerName: 'Adatum',
        primaryContact: { firstName: 'Noor', lastName: 'Visser', email: 'NOOR@adatum.example', phoneNumber: undefined },
        dateAgreed: '2026-11-20',
      },
    ]);
    expect(result.problems).toEqual([
      { row: 4, field: 'customer', code: 'unknown-customer', params: { value: 'nosuch.onmicrosoft.com' } },
      { row: 5, field: 'lastName', code: 'required' },
      { row: 5, field: 'email', code: 'invalid-email' },
      { row: 5, field: 'phone', code: 'invalid-phone-characters' },
      { row: 6, field: 'date', code: 'in-future', params: { latest: '2026-11-20' } },
      { row: 7, field: 'date', code: 'before-floor', params: { floor: '2019-03-01' } },
      { row: 8, field: 'date', code: 'invalid-date' },
      { row: 10, field: 'customer', code: 'required' },
      { row: 10, field: 'date', code: 'required' },
    ]);
  });

  it('refuses a duplicate of the latest confirmation, at the backend, in the outbox or earlier in the same file', () => {
    const queued: OutboxItem = {
      id: 'q1',
      customerId: CUSTOMER_A,
      customerName: 'Fourth Coffee',
      primaryContact: { ...tania, email: 'queued@fourthcoffee.example' },
      dateAgreed: '2026-11-01',
      state: 'queued',
      attempts: 0,
      createdAt: 1,
      updatedAt: 1,
      createdBy: 'x',
      nextAttemptAt: 0,
    };
    const result = validate(
      [
        header,
        ['graphic.onmicrosoft.com', 'Tania', 'Carr', 'TANIA@fourthcoffee.example', '+1 425 555 0100', '2026-11-19'],
        [CUSTOMER_A, 'Tania', 'Carr', 'queued@fourthcoffee.example', '+1 425 555 0100', '2026-11-19'],
        [CUSTOMER_B, 'Noor', 'Visser', 'noor@adatum.example', '', '2026-11-19'],
        [CUSTOMER_B, 'Noor', 'Visser', 'noor@adatum.example', '', '2026-11-18'],
        [CUSTOMER_B, 'Noor', 'Visser', 'noor.visser@adatum.example', '', '2026-11-18'],
      ],
      lookup({ items: [queued] }),
    );
    expect(result.problems.map((problem) => [problem.row, problem.code])).toEqual([
      [2, 'duplicate-of-latest'],
      [3, 'duplicate-of-latest'],
      [5, 'duplicate-of-latest'],
    ]);
    expect(result.valid.map((attestation) => attestation.primaryContact.email)).toEqual([
      'noor@adatum.example',
      'noor.visser@adatum.example',
    ]);
  });

  it('takes an exported (apostrophe-escaped) phone and an API instant as the date', () => {
    const result = validate([header, [CUSTOMER_B, 'Noor', 'Visser', 'noor@adatum.example', "'+31 20 555 0101", '2026-11-19T00:00:00']]);
    expect(result.problems).toEqual([]);
    expect(result.valid[0]).toMatchObject({ primaryContact: { phoneNumber: '+31 20 555 0101' }, dateAgreed: '2026-11-19' });
  });
});

describe('Import CSV: reading a large file', () => {
  it('parses in chunks with progress and the spreadsheet row number of each chunk', async () => {
    const lines = ['customer,firstName,lastName,email,phone,date'];
    for (let n = 0; n < 5000; n++) lines.push(`${CUSTOMER_B},Name${n},Last,n${n}@adatum.example,,2026-11-19`);
    const file = new Blob([lines.join('\n')], { type: 'text/csv' });
    const firstRows: number[] = [];
    const seen: string[][] = [];
    const progress: number[] = [];
    const outcome = await parseCsv(
      file,
      { rows: (rows, first) => (firstRows.push(first), seen.push(...rows)), progress: (share) => progress.push(share) },
      undefined,
      16 * 1024,
    );
    expect(outcome.rows).toBe(5001);
    expect(seen).toHaveLength(5001);
    expect(seen[0]).toEqual(['customer', 'firstName', 'lastName', 'email', 'phone', 'date']);
    expect(seen[5000]![1]).toBe('Name4999');
    expect(firstRows.length).toBeGreaterThan(5);
    expect(firstRows[0]).toBe(1);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});
