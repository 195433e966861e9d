/**
 * "Import CSV" of attestations: the columns, the template file, and the check of every row before
 * anything is queued, with the same rules as the "Confirm acceptance" form (shared contact schema,
 * date rule, duplicate of the customer's latest confirmation) plus the lookup of the customer in the
 * local cache by tenant id or domain. Pure functions: the page feeds rows in as they are parsed.
 */
import type { z } from 'zod';
import { contactSchema, type Contact } from '../../../shared/domain/contact';
import { apiInstantToCalendarDate, checkAcceptanceDate, isCalendarDate, type DateRuleContext } from '../../../shared/domain/dates';
import type { AgreementRecord } from '../../../shared/domain/agreement';
import type { OutboxItem } from '../db/rows';
import { findDuplicate } from '../outbox/save-rules';
import type { NewAttestation } from '../outbox/commands';
import { unescapeCell } from './csv-cells';
import type { CustomerMatch, RowProblem } from './row-problem';
import { mapHeader, type ColumnMapping, type ColumnsOf } from './csv-columns';

export const IMPORT_COLUMNS = ['customer', 'firstName', 'lastName', 'email', 'phone', 'date'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The header row of the template; the agent fills one line per attestation. */
export const IMPORT_TEMPLATE_HEADER: readonly string[] = IMPORT_COLUMNS;

/** Other names accepted for each column (compared lower-case, without spaces, dashes or underscores). */
/** The names of the column that names the customer (its tenant id or domain), in every import. */
export const CUSTOMER_COLUMN_NAMES: readonly string[] = [
  'customer',
  'customertenantid',
  'tenantid',
  'customerid',
  'microsoftid',
  'domain',
  'customerdomain',
];

const ALIASES: Record<ImportColumn, readonly string[]> = {
  customer: CUSTOMER_COLUMN_NAMES,
  firstName: ['firstname', 'lastcontactfirstname', 'contactfirstname'],
  lastName: ['lastname', 'lastcontactlastname', 'contactlastname'],
  email: ['email', 'emailaddress', 'lastcontactemail', 'contactemail'],
  phone: ['phone', 'phonenumber', 'lastcontactphone', 'contactphone'],
  date: ['date', 'dateagreed', 'dateofacceptance', 'acceptancedate', 'lastdateagreed'],
};
const REQUIRED: readonly ImportColumn[] = ['customer', 'firstName', 'lastName', 'email', 'date'];

export type ColumnMap = ColumnsOf<ImportColumn>;

/** Finds the columns in a header row; answers the missing required ones when there are any. */
export function mapColumns(header: readonly string[]): ColumnMapping<ImportColumn> {
  return mapHeader(header, IMPORT_COLUMNS, ALIASES, REQUIRED);
}

export type ProblemField = ImportColumn | 'row';
export type { CustomerMatch, RowProblem } from './row-problem';

export interface ImportLookup {
  /** The cached customer with this tenant id or domain. */
  customer(key: string): CustomerMatch | undefined;
  /** What the duplicate rule looks at for a customer: backend records and local outbox items. */
  history(customerId: string): { records: readonly AgreementRecord[]; items: readonly OutboxItem[] };
  dateContext: DateRuleContext;
}

const contactFields: Record<string, ImportColumn> = { firstName: 'firstName', lastName: 'lastName', email: 'email', phoneNumber: 'phone' };

/** A date as a calendar day: YYYY-MM-DD, or an instant as the API and the export write it. */
export function importDay(value: string): string | undefined {
  if (isCalendarDate(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return apiInstantToCalendarDate(value);
  return undefined;
}

/**
 * Checks rows in file order. Rows earlier in the same file count for the duplicate rule (two lines
 * with one contact for one customer queue once). `queuedHere` carries that state across chunks.
 */
export class ImportValidator {
  readonly valid: NewAttestation[] = [];
  readonly problems: RowProblem[] = [];
  private readonly queuedHere = new Map<string, OutboxItem[]>();

  constructor(
    private readonly columns: ColumnMap,
    private readonly lookup: ImportLookup,
  ) {}

  /** Checks one data row; `row` is its spreadsheet row number. Blank lines are skipped. */
  check(cells: readonly string[], row: number): void {
    const cell = (column: ImportColumn) => {
      const at = this.columns[column];
      return at === undefined ? '' : unescapeCell(cells[at] ?? '').trim();
    };
    if (cells.every((value) => value.trim() === '')) return;
    const problems: RowProblem[] = [];
    const key = cell('customer');
    const customer = key ? this.lookup.customer(key) : undefined;
    if (!key) problems.push({ row, field: 'customer', code: 'required' });
    else if (!customer) problems.push({ row, field: 'customer', code: 'unknown-customer', params: { value: key } });

    const contact = contactSchema.safeParse({
      firstName: cell('firstName'),
      lastName: cell('lastName'),
      email: cell('email'),
      phoneNumber: cell('phone'),
    });
    if (!contact.success) for (const issue of contact.error.issues) problems.push(issueProblem(issue, row));

    const raw = cell('date');
    const day = importDay(raw);
    if (!raw) problems.push({ row, field: 'date', code: 'required' });
    else if (!day) problems.push({ row, field: 'date', code: 'invalid-date' });
    else {
      const rule = checkAcceptanceDate(day, this.lookup.dateContext);
      if (!rule.ok && rule.reason === 'in-future')
        problems.push({ row, field: 'date', code: 'in-future', params: { latest: rule.latest } });
      else if (!rule.ok && rule.reason === 'before-floor')
        problems.push({ row, field: 'date', code: 'before-floor', params: { floor: rule.floor } });
      else if (!rule.ok) problems.push({ row, field: 'date', code: 'invalid-date' });
    }

    if (problems.length === 0 && customer && contact.success && day) {
      if (this.isDuplicate(customer.id, contact.data))
        problems.push({ row, field: 'row', code: 'duplicate-of-latest', params: { customer: customer.name } });
      else this.accept({ customerId: customer.id, customerName: customer.name, primaryContact: contact.data, dateAgreed: day });
    }
    this.problems.push(...problems);
  }

  private isDuplicate(customerId: string, contact: Contact): boolean {
    const history = this.lookup.history(customerId);
    const items = [...history.items, ...(this.queuedHere.get(customerId) ?? [])];
    return findDuplicate(contact, history.records, items) !== null;
  }

  private accept(attestation: NewAttestation): void {
    this.valid.push(attestation);
    // As the outbox will hold it: a queued item, later than everything before.
    const pending = this.queuedHere.get(attestation.customerId) ?? [];
    pending.push({
      id: `file-${this.valid.length}`,
      ...attestation,
      state: 'queued',
      attempts: 0,
      createdAt: Number.MAX_SAFE_INTEGER - 1_000_000 + this.valid.length,
      updatedAt: 0,
      createdBy: '',
      nextAttemptAt: 0,
    });
    this.queuedHere.set(attestation.customerId, pending);
  }
}

function issueProblem(issue: z.ZodIssue, row: number): RowProblem {
  const field = contactFields[String(issue.path[0])] ?? 'row';
  const params = (issue as { params?: Record<string, string | number> }).params;
  return { row, field, code: issue.message, ...(params ? { params } : {}) };
}
