import type { CustomerColumn } from './customer-columns';
import { rowsOf, type CustomerRows } from './customer-table';

/** Cells a spreadsheet would run as a formula (OWASP's list: = + - @ tab and carriage return). */
const formulaStart = /^[=+\-@\t\r]/;

/** Makes a cell inert: a leading apostrophe shows the text as typed and runs nothing. */
export function neutralizeFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rows as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads accents and
 * Cyrillic as Windows-1252), CRLF line ends, every cell neutralised against formula injection.
 */
export function customersCsv(rows: CustomerRows, columns: readonly CustomerColumn[]) {
  const lines = [columns.map((column) => csvCell(column.label)).join(',')];
  for (const row of rowsOf(rows))
    lines.push(columns.map((column) => csvCell(column.text(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ').replace(':', '-');
  return `customers ${stamp}.csv`;
}

export function downloadCsv(fileName: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has taken the blob once click() returns; a later revoke frees the memory.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
