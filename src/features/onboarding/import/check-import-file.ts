import type { ColumnMapping } from './import-columns';
import type { ImportTable } from './import-file';
import { checkImportRow, type CheckedImportRow, type ImportBatchOptions } from './import-row';

/** Most of a frame: the page answers a click between two slices. */
const SLICE_MS = 8;

export interface CheckFileOptions {
  /** Told after each slice how many rows are checked, for a progress line. */
  onProgress?: (checked: number) => void;
  signal?: AbortSignal;
  /** For tests: the clock slices are measured by, and how the page gets its turn. */
  now?: () => number;
  yieldToPage?: () => Promise<void>;
}

/**
 * Every row of the file checked by the form's rules (checkImportRow: ~0.4 ms a row, so 5,000
 * rows would hold the page two seconds at once), a slice of about 8 ms at a time with the page
 * given its turn between slices. Then rows that share a domain prefix are flagged on it: Partner
 * Center would make the first and refuse the others.
 */
export async function checkImportFile(
  table: ImportTable,
  mapping: ColumnMapping,
  batch: ImportBatchOptions,
  context: Parameters<typeof checkImportRow>[3],
  options: CheckFileOptions = {},
): Promise<CheckedImportRow[] | undefined> {
  const now = options.now ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? nextTask;
  const checked: CheckedImportRow[] = [];
  let sliceStart = now();
  for (const cells of table.rows) {
    if (now() - sliceStart >= SLICE_MS) {
      options.onProgress?.(checked.length);
      await yieldToPage();
      if (options.signal?.aborted) return undefined;
      sliceStart = now();
    }
    checked.push(checkImportRow(cells, mapping, batch, context));
  }
  const duplicates = duplicateDomains(
    checked.map((row, at) => ({
      line: table.lines[at] ?? 0,
      domain: row.values.companyProfile.domain,
    })),
  );
  const rowAt = new Map(table.lines.map((line, at) => [line, at]));
  for (const [line, others] of duplicates) {
    const row = checked[rowAt.get(line) ?? -1];
    if (!row) continue;
    const lines = others.length === 1 ? `line ${others[0]}` : `lines ${others.join(', ')}`;
    row.issues.push({
      field: 'companyProfile.domain',
      message: `The file gives this domain prefix on ${lines} too: only one customer can have it.`,
    });
    row.output = undefined;
  }
  options.onProgress?.(checked.length);
  return checked;
}

/** A new task: after the page's pending input and rendering, not just after this microtask. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The rows whose domain prefix another row of the file has too, each with the lines of the
 * others: Partner Center would make the first and refuse the rest, so all of them are shown
 * before anything is sent. Prefixes compare as Partner Center does, without case.
 */
export function duplicateDomains(rows: readonly { line: number; domain: string }[]) {
  const byDomain = new Map<string, number[]>();
  for (const { line, domain } of rows) {
    const key = domain
      .trim()
      .toLowerCase()
      .replace(/\.onmicrosoft\.com$/, '');
    if (!key) continue;
    byDomain.set(key, [...(byDomain.get(key) ?? []), line]);
  }
  const others = new Map<number, number[]>();
  for (const lines of byDomain.values()) {
    if (lines.length < 2) continue;
    for (const line of lines)
      others.set(
        line,
        lines.filter((other) => other !== line),
      );
  }
  return others;
}
