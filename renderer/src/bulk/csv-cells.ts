/**
 * CSV cells that are safe to open in a spreadsheet. A cell starting with = + - @ (or a tab or carriage
 * return) is run as a formula by Excel, LibreOffice and Google Sheets ("CSV injection", OWASP): on
 * export such a cell gets a leading apostrophe, which spreadsheets show as text. On import the same
 * apostrophe is taken off again, so an exported file round-trips.
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'[=+\-@\t\r]/;

export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
}

/** The byte-order mark that makes Excel read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** A CSV file as spreadsheets open it: a UTF-8 BOM, CRLF lines, the header first (cells escaped by the caller). */
export function toCsv(header: readonly string[], rows: readonly string[][]): string {
  return UTF8_BOM + Papa.unparse({ fields: [...header], data: rows as string[][] }, { newline: '\r\n', quotes: false });
}
