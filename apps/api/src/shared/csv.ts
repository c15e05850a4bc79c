/*
 * CSV as a French spreadsheet opens it on a double click: RFC 4180 (CRLF, fields quoted when they
 * hold the separator, a quote or a line break, quotes doubled), UTF-8 with a byte order mark, `;`
 * as separator and decimal commas. Used by the open-data export and by the staff's project export.
 */

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

/** A number as a French spreadsheet reads it: decimal comma. */
export const decimal = (n: number): string => String(n).replace('.', ',');

/** One CSV field: numbers with a decimal comma; text guarded against spreadsheet formulas, quoted when needed. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return decimal(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection): a leading apostrophe keeps it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: a header line, then one line per row. */
export function csvDocument<T>(columns: ReadonlyArray<readonly [string, (row: T) => string | number | null]>, rows: readonly T[]): string {
  const lines = [columns.map(([name]) => csvField(name)).join(CSV_SEPARATOR)];
  for (const row of rows) lines.push(columns.map(([, get]) => csvField(get(row))).join(CSV_SEPARATOR));
  return BOM + lines.join('\r\n') + '\r\n';
}
