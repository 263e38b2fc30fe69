/**
 * Sorts one column of the customer list off the main thread: folding and sorting 100,000
 * values takes over a hundred milliseconds, which a sort click should not wait for.
 */
import { foldText } from './fold-text';
import { sortOrderOf } from './sort-order';
import { sortJobValues, type SortJob, type SortJobResult } from './sort-job';

self.onmessage = (event: MessageEvent<SortJob>) => {
  const values = sortJobValues(event.data);
  const result: SortJobResult = {
    id: event.data.id,
    order: values ? sortOrderOf(values.map((value) => foldText(value.trim()))) : undefined,
  };
  const transfer = result.order ? [result.order.positions.buffer] : [];
  (self as unknown as Worker).postMessage(result, transfer);
};
