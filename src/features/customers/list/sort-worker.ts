/**
 * Sorts one column of the customer list off the main thread: folding and sorting 100,000
 * values takes over a hundred milliseconds, which a sort click should not wait for.
 */
import { foldText } from './fold-text';
import { sortOrderOf } from './sort-order';
import type { SortJob, SortJobResult } from './sort-job';

self.onmessage = (event: MessageEvent<SortJob>) => {
  const { id, values, count } = event.data;
  const list = typeof values === 'string' ? (count === 0 ? [] : values.split('\0')) : values;
  const result: SortJobResult =
    list.length === count
      ? { id, order: sortOrderOf(list.map((value) => foldText(value.trim()))) }
      : { id, order: undefined };
  const transfer = result.order ? [result.order.positions.buffer] : [];
  (self as unknown as Worker).postMessage(result, transfer);
};
