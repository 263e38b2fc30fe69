import { useEffect } from 'react';
import { customerColumns } from './customer-columns';
import type { CustomerIndex } from './customer-index';
import { sortJobPart, type SortJob } from './sort-job';
import { canSortInWorker, sortInWorker } from './sort-worker-client';

/** Rows read into a job part per idle moment: a few milliseconds, whatever the list's size. */
const ROWS_PER_PART = 20_000;

/** Resolves in an idle moment, so the work after it never delays a frame or a keystroke. */
function idle(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 50);
  });
}

/**
 * Once the list is complete, every column's sort order is computed in a worker, one column at
 * a time in idle moments, so the first click on any column header sorts in one pass.
 */
export function useBackgroundSortOrders(
  index: CustomerIndex,
  complete: boolean,
  /** Told when orders were added, so the saved copy keeps them for the next visit. */
  saved: { saveIndex: () => void },
): void {
  useEffect(() => {
    const { table } = index;
    if (!complete || table.length < 2) return;
    const controller = new AbortController();
    void (async () => {
      let added = false;
      for (const column of customerColumns) {
        if (index.hasOrder(column.id)) continue;
        if (!canSortInWorker()) return;
        // Read a part at a time: at 500,000 customers one column is a long task on its own.
        const parts: SortJob['parts'] = [];
        for (let from = 0; from < table.length; from += ROWS_PER_PART) {
          await idle(controller.signal);
          if (controller.signal.aborted) return;
          // The crawl's sort feed may have brought it meanwhile.
          if (index.hasOrder(column.id)) break;
          const values: string[] = [];
          const to = Math.min(table.length, from + ROWS_PER_PART);
          for (let at = from; at < to; at += 1) values.push(table.cellText(column.id, at));
          parts.push(sortJobPart(values));
        }
        if (index.hasOrder(column.id)) continue;
        const result = await sortInWorker({ parts, count: table.length });
        if (controller.signal.aborted) return;
        if (result.order) {
          index.adoptOrder(column.id, result.order);
          added = true;
        }
      }
      if (added) saved.saveIndex();
    })();
    return () => controller.abort();
  }, [index, complete, saved]);
}
