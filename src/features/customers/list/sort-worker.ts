/**
 * Sorts the customer list's columns off the main thread: folding and sorting 100,000 values
 * takes over a hundred milliseconds, which a sort click should not wait for. One column of a
 * complete list at a time (a job), or every column of a list still loading (a feed).
 */
import { sortKeyOfText } from './fold-text';
import { takeFeedMessage, type SortFeed, type SortFeedMessage } from './sort-feed';
import { sortJobValues, type SortJob, type SortJobResult } from './sort-job';
import { sortOrderOf } from './sort-order';

const feeds = new Map<number, SortFeed>();
const worker = self as unknown as Worker;

function onFeed(message: SortFeedMessage) {
  const result = takeFeedMessage(feeds, message);
  if (!result) return;
  const transfer = (result.orders ?? []).map(([, order]) => order.positions.buffer);
  worker.postMessage(result, transfer);
}

self.onmessage = (event: MessageEvent<SortJob | SortFeedMessage>) => {
  if ('feed' in event.data) return void onFeed(event.data);
  const values = sortJobValues(event.data);
  const result: SortJobResult = {
    id: event.data.id,
    order: values ? sortOrderOf(values.map(sortKeyOfText)) : undefined,
  };
  const transfer = result.order ? [result.order.positions.buffer] : [];
  worker.postMessage(result, transfer);
};
