/**
 * "Import CSV" on Partner Center as it is today: one signer row per customer, each queued as an
 * enhanced attestation (Microsoft makes the signer's acceptance link). The columns, the template,
 * and the check of every row before anything is queued. A row is parsed once, at this boundary, with
 * the schema the single form, the IPC payload and the request use (`enhancedAttestationFieldsSchema`),
 * and saved under the same save rules as the form (`checkSave`: role, duplicate of the latest
 * confirmation). Company, country and language the file leaves empty come from the customer, as the
 * form pre-fills them, and the report says so. Pure: the store feeds rows in as they are parsed.
 */
import type { z } from 'zod';
import { enhancedAttestationFieldsSchema } from '../../../shared/api/enhanced-attestation';
import type { AgreementRecord } from '../../../shared/domain/agreement';
import type { OutboxItem } from '../outbox/item';
import type { NewEnhancedAttestation } from '../outbox/commands';
import { requestPartsOf } from '../attest/enhanced-form';
import { checkSave } from '../outbox/save-rules';
import { CUSTOMER_COLUMN_NAMES } from './attestation-csv';
import { escapeCell, unescapeCell } from './csv-cells';
import { mapHeader, type ColumnMapping, type ColumnsOf } from './csv-columns';
import { parseLinkValidity } from './link-validity';
import type { CustomerMatch, RowProblem } from './row-problem';

export const SIGNER_COLUMNS = [
  'customer',
  'signerFirstName',
  'signerLastName',
  'signerEmail',
  'signerPhone',
  'companyName',
  'country',
  'language',
  'linkValidFor',
] as const;
export type SignerColumn = (typeof SIGNER_COLUMNS)[number];

/** The template's header row: the column keys themselves. */
export const SIGNER_TEMPLATE_HEADER: readonly string[] = SIGNER_COLUMNS;

/**
 * The template's example row (a made-up customer, so importing the template unchanged queues
 * nothing: its customer is unknown). Escaped as every exported cell is (the phone starts with "+").
 */
export const SIGNER_TEMPLATE_EXAMPLE: readonly string[] = [
  'example-customer.onmicrosoft.com',
  'Anna',
  'de Vries',
  'anna.devries@example.com',
  '+31 20 555 0100',
  'Example Customer B.V.',
  'NL',
  'nl-NL',
  '7d',
].map(escapeCell);

const ALIASES: Record<SignerColumn, readonly string[]> = {
  customer: CUSTOMER_COLUMN_NAMES,
  signerFirstName: ['signerfirstname', 'signatoryfirstname', 'firstname', 'contactfirstname'],
  signerLastName: ['signerlastname', 'signatorylastname', 'lastname', 'contactlastname'],
  signerEmail: ['signeremail', 'signatoryemail', 'email', 'emailaddress', 'contactemail'],
  signerPhone: ['signerphone', 'signatoryphone', 'signatoryphonenumber', 'signerphonenumber', 'phone', 'phonenumber', 'contactphone'],
  companyName: ['companyname', 'company', 'customername'],
  country: ['country', 'countrycode'],
  language: ['language', 'agreementlanguage', 'languagecode'],
  linkValidFor: ['linkvalidfor', 'validfor', 'linkvalidity', 'linkexpiry', 'linkexpiryminutes', 'expiresafter'],
};
/** Company, country and language may be left out: the customer's own fill them in. */
const REQUIRED: readonly SignerColumn[] = ['customer', 'signerFirstName', 'signerLastName', 'signerEmail'];

export type SignerColumnMap = ColumnsOf<SignerColumn>;

export function mapSignerColumns(header: readonly string[]): ColumnMapping<SignerColumn> {
  return mapHeader(header, SIGNER_COLUMNS, ALIASES, REQUIRED);
}

/** What the customer's cached details offer for the columns a row may leave empty. */
export interface CustomerDefaults {
  companyName?: string;
  country?: string;
  language?: string;
}

type Fillable = keyof CustomerDefaults;
const FILLABLE: readonly Fillable[] = ['companyName', 'country', 'language'];

/** A value of a ready row that came from the customer, not from the file (shown in the report). */
export interface FilledValue {
  row: number;
  field: Fillable;
  value: string;
}

export interface SignerImportLookup {
  /** The cached customer with this tenant id or domain. */
  customer(key: string): CustomerMatch | undefined;
  /** The customer's company, country and language as cached, or undefined when its details are not on this computer. */
  defaults(customerId: string): CustomerDefaults | undefined;
  /** What the save rules look at: the backend's confirmations and the outbox's queued, sending and confirmed items. */
  history(customerId: string): { records: readonly AgreementRecord[]; items: readonly OutboxItem[] };
  /** The session's role and partner-type verdict (the same one the form's save checks). */
  mayAttest: boolean;
}

/** The schema's field names, to the file's columns (for the report). */
const COLUMN_OF_FIELD: Record<string, SignerColumn> = {
  signatoryFirstName: 'signerFirstName',
  signatoryLastName: 'signerLastName',
  signatoryEmail: 'signerEmail',
  signatoryPhoneNumber: 'signerPhone',
  companyName: 'companyName',
  country: 'country',
  language: 'language',
  linkExpiryMinutes: 'linkValidFor',
};

/** A column's place in the template; 'row' (the row as a whole) last. */
const columnRank = (field: string) => {
  const at = (SIGNER_COLUMNS as readonly string[]).indexOf(field);
  return at < 0 ? SIGNER_COLUMNS.length : at;
};

const isWaiting = (item: OutboxItem) => item.state === 'queued' || item.state === 'sending';

/**
 * Checks signer rows in file order. One link per customer at a time: a row is refused when the
 * customer already has an attestation waiting in the outbox (so re-importing a file queues nothing
 * twice) or an earlier row of the same file was ready for it.
 */
export class SignerImportValidator {
  readonly valid: NewEnhancedAttestation[] = [];
  readonly problems: RowProblem[] = [];
  readonly filled: FilledValue[] = [];
  /** Customer id → the row of this file that is ready for it. */
  private readonly readyHere = new Map<string, number>();

  constructor(
    private readonly columns: SignerColumnMap,
    private readonly lookup: SignerImportLookup,
  ) {}

  private cell(cells: readonly string[], column: SignerColumn): string {
    const at = this.columns[column];
    return at === undefined ? '' : unescapeCell(cells[at] ?? '').trim();
  }

  /**
   * The customer whose details this row would take a value from while they are not on this computer
   * (the store fetches those before the check), or undefined.
   */
  customerNeedingDefaults(cells: readonly string[]): string | undefined {
    const key = this.cell(cells, 'customer');
    const customer = key ? this.lookup.customer(key) : undefined;
    if (!customer || this.lookup.defaults(customer.id)) return undefined;
    return FILLABLE.some((field) => field !== 'companyName' && this.cell(cells, field) === '') ? customer.id : undefined;
  }

  /** Checks one data row; `row` is its spreadsheet row number. Blank lines are skipped. */
  check(cells: readonly string[], row: number): void {
    if (cells.every((value) => value.trim() === '')) return;
    const problems: RowProblem[] = [];
    const key = this.cell(cells, 'customer');
    const customer = key ? this.lookup.customer(key) : undefined;
    if (!key) problems.push({ row, field: 'customer', code: 'required' });
    else if (!customer) problems.push({ row, field: 'customer', code: 'unknown-customer', params: { value: key } });

    // Empty company, country or language: the customer's, as the form pre-fills them.
    const defaults: CustomerDefaults = customer ? { companyName: customer.name, ...this.lookup.defaults(customer.id) } : {};
    const filled: FilledValue[] = [];
    const fillable = (field: Fillable): string => {
      const value = this.cell(cells, field);
      if (value !== '' || !defaults[field]) return value;
      filled.push({ row, field, value: defaults[field] });
      return defaults[field];
    };
    const validity = parseLinkValidity(this.cell(cells, 'linkValidFor'));
    if (!validity.ok)
      problems.push({ row, field: 'linkValidFor', code: 'invalid-link-validity', params: { value: this.cell(cells, 'linkValidFor') } });

    const input = {
      signatoryFirstName: this.cell(cells, 'signerFirstName'),
      signatoryLastName: this.cell(cells, 'signerLastName'),
      signatoryEmail: this.cell(cells, 'signerEmail'),
      signatoryPhoneNumber: this.cell(cells, 'signerPhone'),
      companyName: fillable('companyName'),
      country: fillable('country'),
      language: fillable('language'),
      linkExpiryMinutes: validity.ok ? validity.minutes : undefined,
    };
    const parsed = enhancedAttestationFieldsSchema.safeParse(input);
    if (!parsed.success) problems.push(...issueProblems(parsed.error.issues, input, row, customer !== undefined));

    if (problems.length === 0 && customer && parsed.success) {
      const refusal = this.refusal(customer, parsed.data, row);
      if (refusal) problems.push(refusal);
      else {
        const { signer, fields } = requestPartsOf(parsed.data);
        this.valid.push({ customerId: customer.id, customerName: customer.name, signer, fields });
        this.readyHere.set(customer.id, row);
        this.filled.push(...filled);
      }
    }
    // In the template's column order, as the agent reads the row.
    this.problems.push(...problems.sort((a, b) => columnRank(a.field) - columnRank(b.field)));
  }

  /** Why a well-formed row is not queued: one link per customer at a time, then the form's save rules. */
  private refusal(customer: CustomerMatch, values: z.output<typeof enhancedAttestationFieldsSchema>, row: number): RowProblem | null {
    const earlier = this.readyHere.get(customer.id);
    if (earlier !== undefined)
      return { row, field: 'customer', code: 'customer-twice-in-file', params: { customer: customer.name, row: earlier } };
    const { records, items } = this.lookup.history(customer.id);
    const waiting = items.filter(isWaiting);
    if (waiting.some((item) => item.enhanced))
      return { row, field: 'customer', code: 'link-already-pending', params: { customer: customer.name } };
    if (waiting.length) return { row, field: 'customer', code: 'attestation-already-queued', params: { customer: customer.name } };
    const refusal = checkSave(requestPartsOf(values).signer, { mayAttest: this.lookup.mayAttest, records, items });
    if (!refusal) return null;
    if (refusal.reason === 'not-allowed') return { row, field: 'row', code: 'not-allowed' };
    return { row, field: 'row', code: 'duplicate-of-latest', params: { customer: customer.name } };
  }
}

/**
 * The schema's issues as the report's problems. An empty cell is one "required" (the language rule
 * alone would add "not a language code" and "not a known language" to it); when the customer is
 * known, country and language say they were not known for it either.
 */
function issueProblems(issues: readonly z.ZodIssue[], input: Record<string, unknown>, row: number, customerKnown: boolean): RowProblem[] {
  const problems: RowProblem[] = [];
  const empty = new Set<string>();
  for (const issue of issues) {
    const key = String(issue.path[0]);
    const field = COLUMN_OF_FIELD[key] ?? 'row';
    if (input[key] === '') {
      if (empty.has(field)) continue;
      empty.add(field);
      const code = customerKnown && (field === 'country' || field === 'language') ? 'required-not-known-for-customer' : 'required';
      problems.push({ row, field, code });
      continue;
    }
    const params = (issue as { params?: Record<string, string | number> }).params;
    problems.push({ row, field, code: issue.message, ...(params ? { params } : {}) });
  }
  return problems;
}
