import { customerColumn, customerColumnIds, type CustomerColumnId } from './customer-columns';
import type { CustomerRow } from './customer-row';
import type { SortFeedMessage, SortFeedResult } from './sort-feed';
import { sortJobPart, type SortJob, type SortJobResult } from './sort-job';
import type { SortOrder } from './sort-order';

let worker: Worker | undefined;
let nextId = 0;
const pendingJobs = new Map<number, (result: SortJobResult) => void>();
const pendingFeeds = new Map<number, (result: SortFeedResult) => void>();
/** Each column's cell text, in the order the feed's parts come in. */
const columnTexts = customerColumnIds.map((id) => customerColumn(id).text);

/** The one sort worker of the page, or none where workers do not exist (tests in Node). */
function sortWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  if (!worker) {
    worker = new Worker(new URL('./sort-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SortJobResult | SortFeedResult>) => {
      const { data } = event;
      if ('feed' in data) {
        pendingFeeds.get(data.feed)?.(data);
        pendingFeeds.delete(data.feed);
      } else {
        pendingJobs.get(data.id)?.(data);
        pendingJobs.delete(data.id);
      }
    };
  }
  return worker;
}

export function canSortInWorker(): boolean {
  return sortWorker() !== undefined;
}

/** One column's order of a complete list, sorted in the worker. */
export function sortInWorker(job: Omit<SortJob, 'id'>): Promise<SortJobResult> {
  const target = sortWorker();
  const id = (nextId += 1);
  if (!target) return Promise.resolve({ id, order: undefined });
  return new Promise((resolve) => {
    pendingJobs.set(id, resolve);
    target.postMessage({ ...job, id } satisfies SortJob);
  });
}

/** A crawl's side of a sort feed (see SortFeed): rows as they are fetched, then the orders. */
export interface SortFeedHandle {
  /** A row fetched at a new position, the next one after those appended before. */
  append(position: number, row: CustomerRow): void;
  /** A row fetched again, or changed, at a position it already has. */
  replace(position: number, row: CustomerRow): void;
  /** Sends the rows appended since the last time: once per page, so a page is one message. */
  flush(): void;
  /** Every column's order once the list's `count` rows are in; undefined if they could not be. */
  finish(count: number): Promise<Map<CustomerColumnId, SortOrder> | undefined>;
  drop(): void;
}

/**
 * A feed for one crawl, or undefined where there is no worker. The worker is made when the
 * feed's first rows are sent, not now: making it holds the main thread ~7 ms, and a feed opens
 * on the crawl's first page, whose rows the user is waiting to see.
 */
export function openSortFeed(): SortFeedHandle | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const feed = (nextId += 1);
  return sortFeedHandle(feed, {
    post: (message) => sortWorker()?.postMessage(message),
    answered: (resolve) => pendingFeeds.set(feed, resolve),
    forget: () => pendingFeeds.delete(feed),
  });
}

/**
 * The crawl's side of feed `feed`, over a channel to where the feed's orders are made: rows
 * gathered until a page is complete, then sent as one message.
 */
export function sortFeedHandle(
  feed: number,
  channel: {
    post: (message: SortFeedMessage) => void;
    /** Registers what takes the answer to `finish`. */
    answered: (resolve: (result: SortFeedResult) => void) => void;
    forget: () => void;
  },
): SortFeedHandle {
  const { post } = channel;
  let start = 0;
  let rows: CustomerRow[] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const parts = columnTexts.map((text) => sortJobPart(rows.map(text)));
    post({ feed, add: { start, count: rows.length, parts } });
    rows = [];
  };
  return {
    append(position, row) {
      // A position out of turn is sent as such, and the feed finds the gap.
      if (position !== start + rows.length) flush();
      if (rows.length === 0) start = position;
      rows.push(row);
    },
    replace(position, row) {
      if (position >= start && position < start + rows.length) {
        rows[position - start] = row;
        return;
      }
      flush();
      post({ feed, replace: { position, values: columnTexts.map((text) => text(row)) } });
    },
    flush,
    finish(count) {
      flush();
      return new Promise((resolve) => {
        channel.answered((result) => resolve(result.orders ? new Map(result.orders) : undefined));
        post({ feed, finish: { count } });
      });
    },
    drop() {
      rows = [];
      channel.forget();
      post({ feed, drop: true });
    },
  };
}
