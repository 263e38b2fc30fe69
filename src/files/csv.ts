/**
 * CSV files the portal writes for Excel: UTF-8 with a byte order mark (without it Excel reads
 * accents and Cyrillic as Windows-1252), CRLF line ends, and every cell neutralised against
 * formula injection, since company names and addresses come from customers and files.
 */

/** Cells a spreadsheet would run as a formula (OWASP's list: = + - @ tab and carriage return). */
const formulaStart = /^[=+\-@\t\r]/;

/** Makes a cell inert: a leading apostrophe shows the text as typed and runs nothing. */
export function neutralizeFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells (the first one the header) as a whole file; rows may come one at a time. */
export function csvText(rows: Iterable<readonly string[]>): string {
  const lines: string[] = [];
  for (const cells of rows) lines.push(cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
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
