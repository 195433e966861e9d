/**
 * The signer-row check of "Import CSV" on Partner Center as it is today: the columns and their
 * other names, each kind of bad row with its reason, values taken from the customer, the link's
 * lifetime, and the refusals that keep a re-import from queuing a second link.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  mapSignerColumns,
  SignerImportValidator,
  SIGNER_TEMPLATE_EXAMPLE,
  SIGNER_TEMPLATE_HEADER,
  type SignerImportLookup,
} from '../../../../renderer/src/bulk/signer-csv';
import { parseLinkValidity } from '../../../../renderer/src/bulk/link-validity';
import { toCsv } from '../../../../renderer/src/bulk/csv-cells';
import type { AgreementRecord } from '../../../../shared/domain/agreement';
import type { OutboxItem } from '../../../../renderer/src/db/rows';
import { CUSTOMER_A, CUSTOMER_B, CUSTOMER_C } from '../helpers/database';

const tania = { firstName: 'Tania', lastName: 'Carr', email: 'tania@graphic.example', phoneNumber: undefined };
const header = [
  'customer',
  'signerFirstName',
  'signerLastName',
  'signerEmail',
  'signerPhone',
  'companyName',
  'country',
  'language',
  'linkValidFor',
];

function lookup(options: { items?: OutboxItem[]; records?: AgreementRecord[]; mayAttest?: boolean } = {}): SignerImportLookup {
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
    dateAgreed: '2024-08-26T00:00:00',
    type: 'MicrosoftCustomerAgreement',
  };
  return {
    customer: (key) => customers[key.toLowerCase()],
    // Fourth Coffee was opened on this computer; Adatum was not; Graphic's details are known.
    defaults: (id) =>
      id === CUSTOMER_A
        ? { companyName: 'Fourth Coffee Inc.', country: 'US', language: 'en-US' }
        : id === CUSTOMER_C
          ? { companyName: 'Graphic Design Institute', country: 'NL', language: 'nl-NL' }
          : undefined,
    history: (id) => ({
      records: id === CUSTOMER_C ? [latest, ...(options.records ?? [])] : (options.records ?? []),
      items: (options.items ?? []).filter((item) => item.customerId === id),
    }),
    mayAttest: options.mayAttest ?? true,
  };
}

function validate(lines: string[][], context = lookup()) {
  const mapped = mapSignerColumns(lines[0]!);
  if (!mapped.ok) throw new Error(`missing ${mapped.missing.join()}`);
  const validator = new SignerImportValidator(mapped.columns, context);
  lines.slice(1).forEach((cells, index) => validator.check(cells, index + 2));
  return validator;
}

function waiting(customerId: string, enhanced: boolean, state: OutboxItem['state'] = 'queued'): OutboxItem {
  return {
    id: `item-${customerId}`,
    customerId,
    customerName: 'x',
    primaryContact: { firstName: 'Old', lastName: 'Signer', email: 'old@example.com' },
    ...(enhanced
      ? {
          kind: 'enhanced' as const,
          enhanced: {
            step: 'create' as const,
            companyName: 'x',
            country: 'NL',
            language: 'nl',
            linkExpiryMinutes: 10_080,
            finaliseRequestId: 'f',
            checks: 0,
          },
        }
      : { dateAgreed: '2026-11-01' }),
    state,
    attempts: 0,
    createdAt: 1,
    updatedAt: 1,
    createdBy: 'x',
    nextAttemptAt: 0,
  };
}

describe('Import CSV (signer rows): columns', () => {
  it('finds the template’s columns, and other names for them, in any order and case', () => {
    expect(mapSignerColumns(header)).toEqual({
      ok: true,
      columns: {
        customer: 0,
        signerFirstName: 1,
        signerLastName: 2,
        signerEmail: 3,
        signerPhone: 4,
        companyName: 5,
        country: 6,
        language: 7,
        linkValidFor: 8,
      },
    });
    // The legacy import's customer column names, the API's field names, a spreadsheet's spelling.
    expect(
      mapSignerColumns([
        'Link valid for',
        'Signatory Email',
        '\uFEFFcustomerTenantId',
        'signatory_first_name',
        'Signatory-Last-Name',
        'Country Code',
        'Agreement Language',
      ]),
    ).toEqual({
      ok: true,
      columns: {
        customer: 2,
        signerFirstName: 3,
        signerLastName: 4,
        signerEmail: 1,
        signerPhone: undefined,
        companyName: undefined,
        country: 5,
        language: 6,
        linkValidFor: 0,
      },
    });
    expect(mapSignerColumns(['Domain', 'First name', 'Last name', 'E-mail'])).toMatchObject({
      ok: true,
      columns: { customer: 0, signerFirstName: 1, signerLastName: 2, signerEmail: 3 },
    });
  });

  it('names the required columns that are missing (company, country, language and lifetime may be left out)', () => {
    expect(mapSignerColumns(['customer', 'signerFirstName', 'country'])).toEqual({ ok: false, missing: ['signerLastName', 'signerEmail'] });
    // The legacy file's date column is no signer column: its header alone is not enough.
    expect(mapSignerColumns(['date', 'country'])).toEqual({
      ok: false,
      missing: ['customer', 'signerFirstName', 'signerLastName', 'signerEmail'],
    });
  });

  it('downloads a template whose header and example row import as a signer row', () => {
    const csv = toCsv(SIGNER_TEMPLATE_HEADER, [[...SIGNER_TEMPLATE_EXAMPLE]]);
    const [head, example] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(head).toEqual(header);
    // As it stands, the made-up customer is unknown: importing the template unchanged queues nothing.
    expect(validate([head!, example!]).problems).toEqual([
      { row: 2, field: 'customer', code: 'unknown-customer', params: { value: 'example-customer.onmicrosoft.com' } },
    ]);
    // With a real customer, the example row is ready (its escaped "+" phone read back as typed).
    const result = validate([head!, [CUSTOMER_B, ...example!.slice(1)]]);
    expect(result.problems).toEqual([]);
    expect(result.valid[0]).toMatchObject({
      signer: { phoneNumber: '+31 20 555 0100' },
      fields: { country: 'NL', language: 'nl-NL', linkExpiryMinutes: 10_080 },
    });
  });
});

describe('Import CSV (signer rows): the per-row report', () => {
  it('keeps good rows as enhanced attestation requests, exactly as the single form would save them', () => {
    const result = validate([
      header,
      [
        'fourthcoffee.onmicrosoft.com',
        'Mila',
        'Jansen',
        'mila@FourthCoffee.Example',
        '+1 425 555 0199',
        'Fourth Coffee B.V.',
        'NL',
        'nl-NL',
        '1d',
      ],
      [CUSTOMER_B, ' Noor ', 'Visser', 'noor@adatum.example', '', 'Adatum', 'BE', 'nl', ''],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.valid).toEqual([
      {
        customerId: CUSTOMER_A,
        customerName: 'Fourth Coffee',
        signer: { firstName: 'Mila', lastName: 'Jansen', email: 'mila@fourthcoffee.example', phoneNumber: '+1 425 555 0199' },
        fields: { companyName: 'Fourth Coffee B.V.', country: 'NL', language: 'nl-NL', linkExpiryMinutes: 1440 },
      },
      {
        customerId: CUSTOMER_B,
        customerName: 'Adatum',
        signer: { firstName: 'Noor', lastName: 'Visser', email: 'noor@adatum.example', phoneNumber: undefined },
        fields: { companyName: 'Adatum', country: 'BE', language: 'nl', linkExpiryMinutes: 10_080 },
      },
    ]);
    expect(result.filled).toEqual([]);
  });

  it('reports every bad row with its row number, field and the shared schema’s reason, in column order', () => {
    const result = validate([
      header,
      ['nosuch.onmicrosoft.com', 'Piet', 'Pol', 'piet@nosuch.example', '', 'Nosuch', 'NL', 'nl', ''],
      ['', 'Bo', 'Ek', 'bo@example.com', '', 'Bo', 'SE', 'sv', ''],
      [CUSTOMER_B, '', 'Visser', 'not-an-email', '12ab', 'Adatum', 'NL', 'nl', ''],
      [CUSTOMER_B, 'Noor', 'Visser', 'noor@adatum.example', '', 'Adatum', 'nl', 'nl', ''],
      [CUSTOMER_B, 'Noor', 'Visser', 'noor@adatum.example', '', 'Adatum', 'NLD', 'xx', ''],
      [CUSTOMER_B, 'Noor', 'Visser', 'noor@adatum.example', '', 'A'.repeat(257), 'NL', 'nl', '90'],
      [CUSTOMER_B, 'Noor', 'Visser', 'noor@adatum.example, ann@adatum.example', '', 'Adatum', 'NL', 'nl', 'soon'],
      ['', '', '', '', '', '', '', '', ''],
    ]);
    expect(result.valid).toEqual([]);
    expect(result.problems).toEqual([
      { row: 2, field: 'customer', code: 'unknown-customer', params: { value: 'nosuch.onmicrosoft.com' } },
      { row: 3, field: 'customer', code: 'required' },
      { row: 4, field: 'signerFirstName', code: 'required' },
      { row: 4, field: 'signerEmail', code: 'invalid-email' },
      { row: 4, field: 'signerPhone', code: 'invalid-phone-characters' },
      { row: 5, field: 'country', code: 'country-not-upper-case' },
      { row: 6, field: 'country', code: 'invalid-country' },
      { row: 6, field: 'language', code: 'unknown-language' },
      { row: 7, field: 'companyName', code: 'too-long', params: { max: 256 } },
      { row: 7, field: 'linkValidFor', code: 'invalid-link-validity', params: { value: '90' } },
      { row: 8, field: 'signerEmail', code: 'invalid-email' },
      { row: 8, field: 'linkValidFor', code: 'invalid-link-validity', params: { value: 'soon' } },
    ]);
  });

  it('fills an empty company, country and language from the customer and says which ones', () => {
    const result = validate([
      ['customer', 'signerFirstName', 'signerLastName', 'signerEmail', 'companyName', 'country', 'language'],
      [CUSTOMER_A, 'Mila', 'Jansen', 'mila@fourthcoffee.example', '', '', ''],
      ['graphic.onmicrosoft.com', 'Ann', 'Bos', 'ann@graphic.example', 'Graphic B.V.', '', 'en-GB'],
      // Adatum's details are not on this computer: its company is the list's name; country and language cannot be guessed.
      [CUSTOMER_B, 'Noor', 'Visser', 'noor@adatum.example', '', '', ''],
    ]);
    expect(result.valid.map((request) => [request.customerName, request.fields])).toEqual([
      ['Fourth Coffee', { companyName: 'Fourth Coffee Inc.', country: 'US', language: 'en-US', linkExpiryMinutes: 10_080 }],
      ['Graphic Design Institute', { companyName: 'Graphic B.V.', country: 'NL', language: 'en-GB', linkExpiryMinutes: 10_080 }],
    ]);
    expect(result.filled).toEqual([
      { row: 2, field: 'companyName', value: 'Fourth Coffee Inc.' },
      { row: 2, field: 'country', value: 'US' },
      { row: 2, field: 'language', value: 'en-US' },
      { row: 3, field: 'country', value: 'NL' },
    ]);
    expect(result.problems).toEqual([
      { row: 4, field: 'country', code: 'required-not-known-for-customer' },
      { row: 4, field: 'language', code: 'required-not-known-for-customer' },
    ]);
  });

  it('answers which customers’ details a chunk needs fetched: a known customer, unknown details, country or language empty', () => {
    const mapped = mapSignerColumns(header);
    if (!mapped.ok) throw new Error('columns');
    const validator = new SignerImportValidator(mapped.columns, lookup());
    expect(validator.customerNeedingDefaults([CUSTOMER_B, 'N', 'V', 'n@a.example', '', '', 'NL', '', ''])).toBe(CUSTOMER_B);
    expect(validator.customerNeedingDefaults([CUSTOMER_B, 'N', 'V', 'n@a.example', '', '', 'NL', 'nl', ''])).toBeUndefined();
    expect(validator.customerNeedingDefaults([CUSTOMER_A, 'N', 'V', 'n@a.example', '', '', '', '', ''])).toBeUndefined();
    expect(validator.customerNeedingDefaults(['nosuch.onmicrosoft.com', 'N', 'V', 'n@a.example', '', '', '', '', ''])).toBeUndefined();
  });
});

describe('Import CSV (signer rows): nothing twice', () => {
  const row = (customer: string, email: string) => [customer, 'Mila', 'Jansen', email, '', 'Company', 'NL', 'nl', ''];

  it('refuses the signer that is the customer’s latest confirmed contact (the form’s duplicate rule)', () => {
    const result = validate([header, ['graphic.onmicrosoft.com', 'Tania', 'Carr', 'TANIA@Graphic.example', '', '', '', '', '']]);
    expect(result.problems).toEqual([
      { row: 2, field: 'row', code: 'duplicate-of-latest', params: { customer: 'Graphic Design Institute' } },
    ]);
  });

  it('refuses a customer that already has a link requested or waiting, or a confirmation queued, in the outbox (a re-imported file queues nothing)', () => {
    const result = validate(
      [
        header,
        row(CUSTOMER_A, 'a@fourthcoffee.example'),
        row(CUSTOMER_B, 'b@adatum.example'),
        row('graphic.onmicrosoft.com', 'c@graphic.example'),
      ],
      lookup({ items: [waiting(CUSTOMER_A, true), waiting(CUSTOMER_B, false, 'sending'), waiting(CUSTOMER_C, true, 'failed')] }),
    );
    expect(result.problems).toEqual([
      { row: 2, field: 'customer', code: 'link-already-pending', params: { customer: 'Fourth Coffee' } },
      { row: 3, field: 'customer', code: 'attestation-already-queued', params: { customer: 'Adatum' } },
    ]);
    // A parked (failed) item does not wait: a new link may be requested.
    expect(result.valid.map((request) => request.customerId)).toEqual([CUSTOMER_C]);
  });

  it('takes one signer per customer from a file: a later row for the same customer names the first', () => {
    const result = validate([
      header,
      row(CUSTOMER_B, 'b@adatum.example'),
      row(CUSTOMER_A, 'a@fourthcoffee.example'),
      row(CUSTOMER_B, 'other@adatum.example'),
    ]);
    expect(result.valid.map((request) => request.signer.email)).toEqual(['b@adatum.example', 'a@fourthcoffee.example']);
    expect(result.problems).toEqual([
      { row: 4, field: 'customer', code: 'customer-twice-in-file', params: { customer: 'Adatum', row: 2 } },
    ]);
  });

  it('refuses every row when the role or partner type may not attest (the form’s save rule)', () => {
    const result = validate([header, row(CUSTOMER_B, 'b@adatum.example')], lookup({ mayAttest: false }));
    expect(result.valid).toEqual([]);
    expect(result.problems).toEqual([{ row: 2, field: 'row', code: 'not-allowed' }]);
  });
});

describe('Import CSV (signer rows): link valid for', () => {
  it.each([
    ['', undefined],
    ['60', 60],
    ['1440', 1440],
    ['10080', 10_080],
    ['1h', 60],
    ['1 hour', 60],
    ['60 min', 60],
    ['1 uur', 60],
    ['24h', 1440],
    ['1d', 1440],
    ['1 Day', 1440],
    ['1 dag', 1440],
    ['7d', 10_080],
    ['7 days', 10_080],
    ['7 dagen', 10_080],
    ['1w', 10_080],
  ])('“%s” is %s minutes', (cell, minutes) => {
    expect(parseLinkValidity(cell)).toEqual({ ok: true, minutes });
  });

  it.each(['90', '2h', '8d', '0', '5', '1.5h', '-60', 'week', '1 fortnight', '7 d 1h'])(
    'refuses “%s” (not one of the form’s choices)',
    (cell) => {
      expect(parseLinkValidity(cell)).toEqual({ ok: false });
    },
  );
});
