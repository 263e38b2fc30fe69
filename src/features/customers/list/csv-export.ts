import { csvText } from '@/files/csv';
import type { CustomerColumn } from './customer-columns';
import { rowsOf, type CustomerRows } from './customer-table';

/** The rows as CSV for Excel, every cell neutralised against formula injection (csvText). */
export function customersCsv(rows: CustomerRows, columns: readonly CustomerColumn[]) {
  return csvText(
    (function* () {
      yield columns.map((column) => column.label);
      for (const row of rowsOf(rows)) yield columns.map((column) => column.text(row));
    })(),
  );
}

export function csvFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ').replace(':', '-');
  return `customers ${stamp}.csv`;
}
