/**
 * One CSV cell, quoted when needed. A text starting with =, +, -, @, a tab or a carriage return is
 * prefixed with an apostrophe so spreadsheets never run it as a formula; numbers (-12.5) stay numbers.
 */
export function csvCell(value: unknown): string {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV file spreadsheets open as UTF-8 (byte order mark) with CRLF lines, from rows of cells. */
export function csvDocument(rows: readonly (readonly unknown[])[]): string {
  return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
