import { customerColumn, type CustomerColumnId } from './customer-columns';
import type { CustomerRow } from './customer-row';
import { foldText, searchTerms } from './fold-text';

export interface CustomerSort {
  column: CustomerColumnId;
  desc: boolean;
}

/** Which indirect reseller: any, only direct customers, or one reseller's tenant id. */
export type ResellerFilter = 'any' | 'direct' | 'indirect' | (string & {});

export interface CustomerQuery {
  search: string;
  relationships: readonly string[];
  reseller: ResellerFilter;
  sort: CustomerSort | undefined;
}

interface SortOrder {
  /** Each row's folded sort key, by position. */
  keys: string[];
  /** Row positions, ascending; rows with an empty value come last. */
  positions: Uint32Array;
  /** How many positions hold a value; the rest are empty. */
  filled: number;
}

/**
 * The loaded customers with what makes every keystroke cheap: the searchable text of each row,
 * folded once, and one sort order per column, computed on first use. A query walks one order
 * and keeps the rows that match, so typing never re-sorts 100,000 rows.
 *
 * Sorting compares folded text with `<` instead of `Intl.Collator`: a collator costs about a
 * second on 100,000 names, and folded text already puts "Émile" beside "Emile".
 */
export class CustomerIndex {
  readonly rows: readonly CustomerRow[];
  readonly #searchText: string[];
  readonly #orders = new Map<CustomerColumnId, SortOrder>();
  #ids: Set<string> | undefined;

  /**
   * With `previous` an index of the same rows before more arrived (the crawl appends pages),
   * only the new rows are folded and merged into its sort orders: the list is re-indexed every
   * few hundred milliseconds while it loads, and re-sorting 100,000 rows each time would starve
   * the crawl of the main thread.
   */
  constructor(rows: readonly CustomerRow[], previous?: CustomerIndex) {
    this.rows = rows;
    const base = previous && startsWith(rows, previous.rows) ? previous : undefined;
    if (!base) {
      this.#searchText = rows.map(searchTextOf);
      return;
    }
    const added = rows.slice(base.rows.length);
    this.#searchText = base.#searchText.concat(added.map(searchTextOf));
    for (const [column, order] of base.#orders) {
      this.#orders.set(column, extendOrder(order, added, column));
    }
  }

  has(customerId: string): boolean {
    // Built on first use: only Partner Center's search asks, and only while the list loads.
    this.#ids ??= new Set(this.rows.map((row) => row.id));
    return this.#ids.has(customerId);
  }

  /** The rows that match the query, in display order. */
  query(query: CustomerQuery): CustomerRow[] {
    const terms = searchTerms(query.search);
    const relationships = query.relationships.length ? new Set(query.relationships) : undefined;
    const result: CustomerRow[] = [];
    for (const position of this.#walk(query.sort)) {
      const row = this.rows[position];
      if (!row) continue;
      if (relationships && !relationships.has(row.relationship)) continue;
      if (!matchesReseller(row, query.reseller)) continue;
      if (terms.length > 0) {
        const text = this.#searchText[position] ?? '';
        if (!terms.every((term) => text.includes(term))) continue;
      }
      result.push(row);
    }
    return result;
  }

  *#walk(sort: CustomerSort | undefined): Generator<number> {
    if (!sort) {
      for (let position = 0; position < this.rows.length; position += 1) yield position;
      return;
    }
    const { positions, filled } = this.#order(sort.column);
    const withValue = positions.slice(0, filled);
    yield* sort.desc ? withValue.reverse() : withValue;
    // Empty values stay last in both directions: they are never what a sort is looking for.
    yield* positions.subarray(filled);
  }

  #order(column: CustomerColumnId): SortOrder {
    let order = this.#orders.get(column);
    if (!order) {
      order = sortOrder(this.rows, column);
      this.#orders.set(column, order);
    }
    return order;
  }
}

/**
 * An indexer that remembers its last index, so a list that only grew is indexed by extending
 * it (see the constructor) rather than from scratch.
 */
export function growingIndex(): (rows: readonly CustomerRow[]) => CustomerIndex {
  let last: CustomerIndex | undefined;
  return (rows) => {
    if (last?.rows !== rows) last = new CustomerIndex(rows, last);
    return last;
  };
}

function searchTextOf(row: CustomerRow): string {
  // A newline between fields: search terms never contain whitespace, so none spans two fields.
  return foldText(
    [row.companyName, row.domain, row.id, ...row.tags, row.associatedPartnerId ?? ''].join('\n'),
  );
}

export function matchesReseller(row: CustomerRow, reseller: ResellerFilter): boolean {
  switch (reseller) {
    case 'any':
      return true;
    case 'direct':
      return !row.associatedPartnerId;
    case 'indirect':
      return Boolean(row.associatedPartnerId);
    default:
      return row.associatedPartnerId?.toLowerCase() === reseller.toLowerCase();
  }
}

/** The key a column sorts by; exported so rows from elsewhere can be merged in order. */
export function sortKey(row: CustomerRow, column: CustomerColumnId): string {
  return foldText(customerColumn(column).text(row).trim());
}

function compareKeys(keys: readonly string[]) {
  // Ties keep Partner Center's order, so the same view always lists rows the same way.
  return (a: number, b: number): number => {
    const left = keys[a] ?? '';
    const right = keys[b] ?? '';
    if (left === right) return a - b;
    if (!left) return 1;
    if (!right) return -1;
    return left < right ? -1 : 1;
  };
}

function sortOrder(rows: readonly CustomerRow[], column: CustomerColumnId): SortOrder {
  const keys = rows.map((row) => sortKey(row, column));
  const positions = Array.from(rows.keys()).sort(compareKeys(keys));
  const filled = positions.findIndex((position) => !keys[position]);
  return {
    keys,
    positions: Uint32Array.from(positions),
    filled: filled < 0 ? rows.length : filled,
  };
}

/** An order over more rows: the added ones sorted alone, then merged in one linear pass. */
function extendOrder(
  order: SortOrder,
  added: readonly CustomerRow[],
  column: CustomerColumnId,
): SortOrder {
  const start = order.keys.length;
  const keys = order.keys.concat(added.map((row) => sortKey(row, column)));
  const compare = compareKeys(keys);
  const fresh = Array.from(added.keys(), (offset) => start + offset).sort(compare);
  const positions = new Uint32Array(keys.length);
  let i = 0;
  let j = 0;
  let out = 0;
  while (i < order.positions.length && j < fresh.length) {
    const old = order.positions[i] ?? 0;
    const next = fresh[j] ?? 0;
    if (compare(old, next) <= 0) {
      positions[out++] = old;
      i += 1;
    } else {
      positions[out++] = next;
      j += 1;
    }
  }
  while (i < order.positions.length) positions[out++] = order.positions[i++] ?? 0;
  while (j < fresh.length) positions[out++] = fresh[j++] ?? 0;
  const filledAdded = fresh.filter((position) => keys[position]).length;
  return { keys, positions, filled: order.filled + filledAdded };
}

/** Whether `rows` are `before` with more rows after them (the same objects, in order). */
function startsWith(rows: readonly CustomerRow[], before: readonly CustomerRow[]): boolean {
  if (before.length === 0 || rows.length < before.length) return false;
  for (let index = 0; index < before.length; index += 1) {
    if (rows[index] !== before[index]) return false;
  }
  return true;
}

/**
 * The rows of two indexes that match the query, in the query's order: the loaded list and the
 * customers Partner Center's own search found beyond it. Neither holds a row of the other.
 */
export function queryBoth(
  loaded: CustomerIndex,
  found: CustomerIndex,
  query: CustomerQuery,
): CustomerRow[] {
  const left = loaded.query(query);
  if (found.rows.length === 0) return left;
  const right = found.query(query);
  if (!query.sort) return [...right, ...left];
  const { column, desc } = query.sort;
  const before = (a: CustomerRow, b: CustomerRow): boolean => {
    const x = sortKey(a, column);
    const y = sortKey(b, column);
    if (!x || !y) return Boolean(x);
    return desc ? x > y : x < y;
  };
  const merged: CustomerRow[] = [];
  let i = 0;
  let j = 0;
  for (;;) {
    const a = left[i];
    const b = right[j];
    if (!a || !b) break;
    if (before(b, a)) {
      merged.push(b);
      j += 1;
    } else {
      merged.push(a);
      i += 1;
    }
  }
  return merged.concat(left.slice(i), right.slice(j));
}
