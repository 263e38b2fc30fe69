import { customerColumnIds, type CustomerColumnId } from './customer-columns';
import { sortKeyOfText } from './fold-text';
import { extendSortOrder, sortOrderOf, type SortOrder } from './sort-order';

/**
 * What the page tells the sort worker while a crawl loads the list: each page's cell texts as
 * they arrive (one part per column, in `customerColumnIds` order, as sort jobs carry them), a
 * row fetched again with other values, and, once the list is complete, its length, answered
 * with every column's order. A crawl's feed is dropped when the crawl is.
 */
export type SortFeedMessage =
  | { feed: number; add: { start: number; count: number; parts: (string | string[])[] } }
  | { feed: number; replace: { position: number; values: string[] } }
  | { feed: number; finish: { count: number } }
  | { feed: number; drop: true };

export interface SortFeedResult {
  feed: number;
  /** Undefined when the feed missed rows (then the orders are made the usual way). */
  orders: [CustomerColumnId, SortOrder][] | undefined;
}

/** Rows the worker gathers before placing them in the orders: a few binary searches each. */
const PLACE_EVERY = 8192;

/**
 * Every column's sort order of a list still loading, kept up to date off the main thread, so
 * that the first click on any column header after "All loaded" sorts in one pass: made after
 * the crawl, the orders took the worker ~0.5 s at 100,000 customers, and a click before then
 * sorted on the main thread (~110 ms).
 */
export class SortFeed {
  readonly #keys: string[][] = customerColumnIds.map(() => []);
  #orders: SortOrder[] = customerColumnIds.map(emptyOrder);
  /** Rows already in the orders: the first `placed` positions. */
  #placed = 0;
  /** A row changed after it was placed: the orders are made again from the keys at the end. */
  #changed = false;
  /** Rows arrived out of order or malformed: the feed can no longer vouch for its orders. */
  #broken = false;
  readonly #placeEvery: number;

  /** Tests place rows in smaller batches, so that a few rows are placed more than once. */
  constructor(placeEvery = PLACE_EVERY) {
    this.#placeEvery = placeEvery;
  }

  /** Rows `start` to `start + count`, one part of cell texts per column. */
  add(start: number, count: number, parts: readonly (string | string[])[]): void {
    const values = parts.map((part) => partValues(part));
    if (
      start !== this.#keys[0]?.length ||
      values.length !== customerColumnIds.length ||
      values.some((column) => column.length !== count)
    ) {
      this.#broken = true;
      return;
    }
    values.forEach((column, at) => {
      const keys = this.#keys[at] ?? [];
      for (const value of column) keys.push(sortKeyOfText(value));
    });
    if ((this.#keys[0]?.length ?? 0) - this.#placed >= this.#placeEvery) this.#place();
  }

  /** A row fetched again: its cell texts, one per column. */
  replace(position: number, values: readonly string[]): void {
    if (position >= (this.#keys[0]?.length ?? 0) || values.length !== customerColumnIds.length) {
      this.#broken = true;
      return;
    }
    values.forEach((value, at) => {
      const keys = this.#keys[at];
      if (keys) keys[position] = sortKeyOfText(value);
    });
    if (position < this.#placed) this.#changed = true;
  }

  /** Every column's order of the list's `count` rows; undefined unless the feed had them all. */
  finish(count: number): [CustomerColumnId, SortOrder][] | undefined {
    if (this.#broken || this.#keys[0]?.length !== count) return undefined;
    if (this.#changed) {
      this.#orders = this.#keys.map((keys) => sortOrderOf(keys));
      this.#placed = count;
    } else {
      this.#place();
    }
    return customerColumnIds.map((column, at) => [column, this.#orders[at] ?? emptyOrder()]);
  }

  #place(): void {
    const start = this.#placed;
    this.#orders = this.#orders.map((order, at) => {
      const keys = this.#keys[at] ?? [];
      return extendSortOrder(order, (position) => keys[position] ?? '', keys.slice(start), start);
    });
    this.#placed = this.#keys[0]?.length ?? 0;
  }
}

/**
 * A feed message taken in by the feeds it is for (the worker's); a `finish` is answered with the
 * orders, and ends the feed, as a `drop` does.
 */
export function takeFeedMessage(
  feeds: Map<number, SortFeed>,
  message: SortFeedMessage,
): SortFeedResult | undefined {
  if ('drop' in message) {
    feeds.delete(message.feed);
    return undefined;
  }
  let feed = feeds.get(message.feed);
  if (!feed) feeds.set(message.feed, (feed = new SortFeed()));
  if ('add' in message) feed.add(message.add.start, message.add.count, message.add.parts);
  else if ('replace' in message) feed.replace(message.replace.position, message.replace.values);
  else {
    feeds.delete(message.feed);
    return { feed: message.feed, orders: feed.finish(message.finish.count) };
  }
  return undefined;
}

function partValues(part: string | string[]): string[] {
  if (typeof part !== 'string') return part;
  // One empty value joins to '' as well as none does; `add` is told the count.
  return part.split('\0');
}

function emptyOrder(): SortOrder {
  return { positions: new Uint32Array(0), filled: 0 };
}
