import Papa from 'papaparse';
import { importColumns } from './import-columns';

/**
 * The template to fill in: every column the import reads, with one example row. With a byte
 * order mark and CRLF line ends, so Excel opens it as UTF-8 and in columns, whatever its locale.
 */
export function importTemplateCsv(): string {
  const csv = Papa.unparse(
    {
      fields: importColumns.map((column) => column.header),
      data: [importColumns.map((column) => column.example)],
    },
    { newline: '\r\n' },
  );
  return `\uFEFF${csv}\r\n`;
}
