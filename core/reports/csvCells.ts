/**
 * CSV writing: RFC 4180 (CRLF line ends; a field holding a comma, quote, CR or LF is quoted, quotes doubled)
 * and safe to open in a spreadsheet: a text field starting with = + - @ (or a tab or CR) gets a leading ' so
 * it is never run as a formula. Plain numbers such as -0.5 are left as numbers (they cannot be formulas).
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  if (typeof value !== 'number' && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  if (typeof value === 'number' && !Number.isFinite(value)) s = '';
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvField).join(',');
}

/** Header plus rows, each line ending in CRLF. */
export function csvTable(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => csvRow(r) + '\r\n').join('');
}
