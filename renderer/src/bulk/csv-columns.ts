/**
 * Finding an import's columns in a file's header row: names are compared without case, spaces,
 * dashes, underscores or brackets (and without Excel's byte-order mark), in any order, so a
 * spreadsheet's "First Name" finds `firstName`. Shared by the attestation and the signer import.
 */
export const normaliseHeader = (name: string) =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-()]/g, '');

export type ColumnsOf<Column extends string> = Record<Column, number | undefined>;

export type ColumnMapping<Column extends string> = { ok: true; columns: ColumnsOf<Column> } | { ok: false; missing: Column[] };

/** Each column's position (the first header that is one of its names), or the required ones missing. */
export function mapHeader<Column extends string>(
  header: readonly string[],
  columns: readonly Column[],
  aliases: Record<Column, readonly string[]>,
  required: readonly Column[],
): ColumnMapping<Column> {
  const names = header.map(normaliseHeader);
  const found = Object.fromEntries(
    columns.map((column) => {
      const at = names.findIndex((name) => aliases[column].includes(name));
      return [column, at < 0 ? undefined : at];
    }),
  ) as ColumnsOf<Column>;
  const missing = required.filter((column) => found[column] === undefined);
  return missing.length ? { ok: false, missing } : { ok: true, columns: found };
}
