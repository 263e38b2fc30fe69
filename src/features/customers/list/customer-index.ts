import { customerColumn, type CustomerColumnId } from './customer-columns';
import type { CustomerRow } from './customer-row';
import { rowsOf, searchableTextOf, type CustomerRows, type CustomerTable } from './customer-table';
import { foldText, searchTerms, sortKeyOfText, toOneByte } from './fold-text';
import { extendSortOrder, sortOrderOf, type SortOrder } from './sort-order';

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

/**
 * The folded searchable text of every row, one string in one byte per character (toOneByte): row `i` is `text.slice(starts[i],
 * starts[i + 1] - 1)`, each row followed by a newline. One string rather than 100,000: a search
 * is then a few `indexOf` runs over it, and the heap holds no 100,000 string headers.
 */
export interface SearchText {
  text: string;
  starts: Uint32Array<ArrayBuffer>;
  /** Per row, two words of bits: which of a–z and 0–9 its text holds (see letterMasks). */
  letters: Uint32Array<ArrayBuffer>;
}

/** What an index is made of besides its rows, so a saved list need not be indexed again. */
export interface IndexParts {
  search: SearchText;
  orders: ReadonlyMap<CustomerColumnId, SortOrder>;
}

/** The rows the last search matched, kept so that typing one more letter searches only them. */
interface LastMatch {
  terms: string[];
  rows: Uint32Array;
}

/** About two pages of Partner Center's: a few milliseconds to fold. */
const FOLD_WHEN_SEARCHED_UP_TO = 1_000;

/**
 * The loaded customers with what makes every keystroke cheap: the searchable text of every row,
 * folded once into one string, and one sort order per column (row positions, computed once, or
 * in a worker, or read back with the saved list). A query finds the matching rows with
 * `indexOf`, narrowing from the last search when the new one only adds letters, then walks the
 * sort order once.
 *
 * Sorting compares folded text with `<` instead of `Intl.Collator`: a collator costs about a
 * second on 100,000 names, and folded text already puts "Émile" beside "Emile".
 */
export class CustomerIndex {
  readonly table: CustomerTable;
  #searchText: SearchText | undefined;
  /** See the constructor: a small first index folds its rows when it is first searched. */
  get #search(): SearchText {
    return (this.#searchText ??= searchTextOf(this.table, 0));
  }
  set #search(search: SearchText) {
    this.#searchText = search;
  }
  readonly #orders = new Map<CustomerColumnId, SortOrder>();
  /**
   * The folded key of every row, by position, for the columns this index sorted or extended
   * while the list grew: extending an order compares each new row with old ones by binary
   * search, and folding the old rows' keys again at every step cost more than the rest of the
   * crawl's indexing. Orders read back or from the worker have none (nothing grows them).
   */
  readonly #keys = new Map<CustomerColumnId, string[]>();
  #complete = false;
  #last: LastMatch | undefined;

  /**
   * With `previous` an index of the same rows before more arrived (the crawl appends pages),
   * only the new rows are folded, and inserted into its sort orders: the list is re-indexed
   * every few hundred milliseconds while it loads, and re-sorting 100,000 rows each time would
   * starve the crawl of the main thread. With `parts`, the index a saved list was saved with.
   */
  constructor(
    table: CustomerTable,
    previous?: CustomerIndex,
    parts?: IndexParts,
    /**
     * The rows `table` has past `previous`'s, as the crawl fetched them: read instead of the
     * table, whose columns grow by concatenation, and reading one of them right after a page
     * was appended would copy the whole column into one string again, page after page.
     */
    added?: readonly CustomerRow[],
  ) {
    this.table = table;
    if (parts && parts.search.starts.length === table.length + 1) {
      this.#search = parts.search;
      for (const [column, order] of parts.orders) {
        if (order.positions.length === table.length) this.#orders.set(column, order);
      }
      return;
    }
    const base = previous && table.extends(previous.table) ? previous : undefined;
    if (!base) {
      // A crawl's first page is folded when it is first searched or extended (a few
      // milliseconds), not before its rows paint: the user is waiting for them. A bigger table
      // is folded now, so that its first search is as quick as every other.
      if (table.length > FOLD_WHEN_SEARCHED_UP_TO) this.#search = searchTextOf(table, 0);
      return;
    }
    const start = base.table.length;
    const rows = added?.length === table.length - start ? added : undefined;
    this.#search = appendSearchText(base.#search, searchTextOf(table, start, rows));
    for (const [column, order] of base.#orders) {
      // Moved, not copied (100,000 entries, page after page): the base extends no further, and
      // were it extended again, it would fold its keys afresh.
      const keys = base.#keys.get(column) ?? [];
      base.#keys.delete(column);
      const extended = extendOrder(order, table, start, column, keys, rows);
      this.#orders.set(column, extended);
      if (keys.length === table.length) this.#keys.set(column, keys);
    }
  }

  /**
   * No more pages will extend this index (a row or two at most, whose binary search can fold
   * its way): the kept keys go, ~5 MiB per sorted column at 100,000 rows.
   */
  complete(): void {
    this.#complete = true;
    this.#keys.clear();
    // The room to grow goes too: up to as much again as the starts and masks themselves.
    const { text, starts, letters } = this.#search;
    this.#search = { text, starts: compact(starts), letters: compact(letters) };
  }

  /** What to save with the rows, so a reload needs no folding nor sorting. */
  get parts(): IndexParts {
    const { text, starts, letters } = this.#search;
    // Compacted: a view saved or posted carries its whole buffer, room included.
    return {
      search: { text, starts: compact(starts), letters: compact(letters) },
      orders: this.#orders,
    };
  }

  has(customerId: string): boolean {
    return this.table.has(customerId);
  }

  /** Whether the column's order is ready, so sorting by it costs one pass. */
  hasOrder(column: CustomerColumnId): boolean {
    return this.#orders.has(column);
  }

  /** An order computed elsewhere (the sort worker) for exactly these rows. */
  adoptOrder(column: CustomerColumnId, order: SortOrder): void {
    if (order.positions.length === this.table.length && !this.#orders.has(column))
      this.#orders.set(column, order);
  }

  /** The rows that match the query, in display order. */
  query(query: CustomerQuery): QueryResult {
    const terms = searchTerms(query.search);
    const kept = this.#filter(query, terms.length ? this.#match(terms) : undefined);
    const count = this.table.length;
    const positions = new Uint32Array(count);
    let size = 0;
    const keep = (position: number) => {
      if (!kept || kept[position] === 1) positions[size++] = position;
    };
    if (!query.sort) {
      for (let position = 0; position < count; position += 1) keep(position);
      return new QueryResult(this.table, positions.subarray(0, size));
    }
    const order = this.#order(query.sort.column);
    const { filled } = order;
    const sorted = order.positions;
    if (query.sort.desc) {
      for (let at = filled - 1; at >= 0; at -= 1) keep(sorted[at] ?? 0);
    } else {
      for (let at = 0; at < filled; at += 1) keep(sorted[at] ?? 0);
    }
    // Empty values stay last in both directions: they are never what a sort is looking for.
    for (let at = filled; at < sorted.length; at += 1) keep(sorted[at] ?? 0);
    return new QueryResult(this.table, positions.subarray(0, size));
  }

  /** The search's flags narrowed by the filters, or undefined when every row is kept. */
  #filter(query: CustomerQuery, matched: Uint8Array | undefined): Uint8Array | undefined {
    const relationships = query.relationships.length ? new Set(query.relationships) : undefined;
    if (!relationships && query.reseller === 'any') return matched;
    const kept = matched ?? new Uint8Array(this.table.length).fill(1);
    const { table } = this;
    for (let position = 0; position < table.length; position += 1) {
      if (kept[position] === 0) continue;
      if (
        (relationships && !relationships.has(table.relationship(position))) ||
        !resellerMatches(table.associatedPartnerId(position), query.reseller)
      )
        kept[position] = 0;
    }
    return kept;
  }

  /** One flag per row: whether its text holds every term. */
  #match(terms: string[]): Uint8Array {
    const { text, starts } = this.#search;
    const count = this.table.length;
    const flags = new Uint8Array(count);
    const found = new Uint32Array(count);
    let size = 0;
    const holds = (row: number, term: string) =>
      text.slice(starts[row] ?? 0, (starts[row + 1] ?? 1) - 1).includes(term);
    const last = this.#last;
    const [first = '', ...others] = [...terms].sort((a, b) => b.length - a.length);
    if (last && refines(terms, last.terms) && last.rows.length * NARROW_BELOW <= count) {
      // Every row the new search matches matched the last one: only those are looked at.
      for (const row of last.rows) {
        if (terms.every((term) => holds(row, term))) {
          flags[row] = 1;
          found[size++] = row;
        }
      }
    } else if (others.length === 0 && first.length === 1 && letterBit(first) !== undefined) {
      // One letter or digit: the rows' letter masks answer without reading their text.
      const { letters } = this.#search;
      const [word, bit] = letterBit(first) ?? [0, 0];
      for (let row = 0; row < count; row += 1) {
        if (((letters[row * 2 + word] ?? 0) & bit) !== 0) {
          flags[row] = 1;
          found[size++] = row;
        }
      }
    } else {
      // The longest term first: it matches the fewest rows, which the others then check.
      let row = 0;
      for (let at = text.indexOf(first); at >= 0;) {
        row = rowAt(starts, at, row);
        if (others.every((term) => holds(row, term))) {
          flags[row] = 1;
          found[size++] = row;
        }
        // One match is enough for a row: the next search starts at the next row.
        at = text.indexOf(first, starts[row + 1] ?? text.length);
      }
    }
    this.#last = { terms, rows: found.subarray(0, size) };
    return flags;
  }

  #order(column: CustomerColumnId): SortOrder {
    let order = this.#orders.get(column);
    if (!order) {
      const { table } = this;
      const keys = Array.from({ length: table.length }, (_, at) => keyAt(table, at, column));
      order = sortOrderOf(keys);
      this.#orders.set(column, order);
      if (!this.#complete) this.#keys.set(column, keys);
    }
    return order;
  }
}

/** A query's rows: positions in the table, made into row objects only when read. */
export class QueryResult implements CustomerRows {
  readonly #table: CustomerTable;
  readonly #positions: Uint32Array;

  constructor(table: CustomerTable, positions: Uint32Array) {
    this.#table = table;
    this.#positions = positions;
  }

  get length(): number {
    return this.#positions.length;
  }

  at(index: number): CustomerRow | undefined {
    const position = this.#positions[index];
    return position === undefined ? undefined : this.#table.at(position);
  }
}

function keyAt(table: CustomerTable, position: number, column: CustomerColumnId): string {
  return sortKeyOfText(table.cellText(column, position));
}

/**
 * Narrowing reads each remaining row's text; past an eighth of the list, one `indexOf` run over
 * the whole text is faster.
 */
const NARROW_BELOW = 8;

/** The word and bit of a letter mask that stand for one character, if it has one. */
function letterBit(character: string): [number, number] | undefined {
  const code = character.charCodeAt(0);
  if (code >= 97 && code <= 122) return [0, 1 << (code - 97)];
  if (code >= 48 && code <= 57) return [1, 1 << (code - 48)];
  return undefined;
}

function letterMasks(text: string, starts: Uint32Array): Uint32Array<ArrayBuffer> {
  const rows = starts.length - 1;
  const masks = new Uint32Array(rows * 2);
  for (let row = 0; row < rows; row += 1) {
    let letters = 0;
    let digits = 0;
    const end = (starts[row + 1] ?? 0) - 1;
    for (let at = starts[row] ?? 0; at < end; at += 1) {
      const code = text.charCodeAt(at);
      if (code >= 97 && code <= 122) letters |= 1 << (code - 97);
      else if (code >= 48 && code <= 57) digits |= 1 << (code - 48);
    }
    masks[row * 2] = letters;
    masks[row * 2 + 1] = digits;
  }
  return masks;
}

/** Whether every row matching `terms` also matches `before`: each old term is inside a new one. */
function refines(terms: string[], before: string[]): boolean {
  return before.every((old) => terms.some((term) => term.includes(old)));
}

/** The row whose text holds character `at`, at or after row `from` (matches come in order). */
function rowAt(starts: Uint32Array, at: number, from: number): number {
  // Usually this row or the next; a long run of rows without a match is crossed by bisection.
  if ((starts[from + 1] ?? Infinity) > at) return from;
  if ((starts[from + 2] ?? Infinity) > at) return from + 1;
  let low = from + 2;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * An indexer that remembers its last index, so a list that only grew is indexed by extending
 * it (see the constructor) rather than from scratch.
 */
export function growingIndex(): (
  table: CustomerTable,
  parts?: IndexParts,
  added?: readonly CustomerRow[],
) => CustomerIndex {
  let last: CustomerIndex | undefined;
  return (table, parts, added) => {
    if (last?.table !== table) last = new CustomerIndex(table, last, parts, added);
    return last;
  };
}

/**
 * The search text of the table's rows from `from` on, its starts counted from 0; read from
 * `rows` (the same rows as objects) when given.
 */
function searchTextOf(
  table: CustomerTable,
  from: number,
  rows?: readonly CustomerRow[],
): SearchText {
  const texts: string[] = [];
  const starts = new Uint32Array(table.length - from + 1);
  let length = 0;
  for (let position = from; position < table.length; position += 1) {
    const row = rows?.[position - from];
    // A newline between fields: search terms never contain whitespace, so none spans two.
    const searchable = row ? searchableTextOf(row) : table.searchableText(position);
    const text = toOneByte(foldText(searchable));
    texts.push(text);
    starts[position - from] = length;
    length += text.length + 1;
  }
  starts[table.length - from] = length;
  const text = texts.length ? `${texts.join('\n')}\n` : '';
  return { text, starts, letters: letterMasks(text, starts) };
}

function appendSearchText(before: SearchText, added: SearchText): SearchText {
  const offset = before.text.length;
  const starts = grown(before.starts, added.starts.length - 1);
  for (let at = 1; at < added.starts.length; at += 1) {
    starts[before.starts.length - 1 + at] = offset + (added.starts[at] ?? 0);
  }
  const letters = grown(before.letters, added.letters.length);
  letters.set(added.letters, before.letters.length);
  return { text: before.text + added.text, starts, letters };
}

/** How much of each growing buffer the newest view over it uses. */
const usedOf = new WeakMap<ArrayBuffer, number>();

/**
 * `values` with room for `more` after them, the new entries still to be written: in the same
 * buffer while it has room and `values` is the newest view over it (views before stay as they
 * were), else copied into one twice as large. Copying the list's starts and letter masks whole
 * for every page of a crawl moved ~120 MB and was a tenth of the indexing.
 */
function grown(values: Uint32Array<ArrayBuffer>, more: number): Uint32Array<ArrayBuffer> {
  const length = values.length + more;
  const { buffer } = values;
  const inPlace =
    values.byteOffset === 0 &&
    usedOf.get(buffer) === values.length &&
    buffer.byteLength >= length * Uint32Array.BYTES_PER_ELEMENT;
  const view = inPlace
    ? new Uint32Array(buffer, 0, length)
    : new Uint32Array(new ArrayBuffer(2 * length * Uint32Array.BYTES_PER_ELEMENT), 0, length);
  if (!inPlace) view.set(values);
  usedOf.set(view.buffer, length);
  return view;
}

/** Exactly the view's entries, in a buffer of their own. */
function compact(values: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  return values.byteLength === values.buffer.byteLength ? values : values.slice();
}

/** Whether a customer with this reseller ('' when direct) passes the filter. */
function resellerMatches(associatedPartnerId: string, reseller: ResellerFilter): boolean {
  switch (reseller) {
    case 'any':
      return true;
    case 'direct':
      return !associatedPartnerId;
    case 'indirect':
      return Boolean(associatedPartnerId);
    default:
      return associatedPartnerId.toLowerCase() === reseller.toLowerCase();
  }
}

/** The key a column sorts by; exported so rows from elsewhere can be merged in order. */
export function sortKey(row: CustomerRow, column: CustomerColumnId): string {
  return sortKeyOfText(customerColumn(column).text(row));
}

/**
 * An order over more rows (see extendSortOrder). `keys` holds the old rows' folded keys when
 * they were kept (then the new rows' are appended to it); without them, old keys are folded
 * along the search.
 */
function extendOrder(
  order: SortOrder,
  table: CustomerTable,
  start: number,
  column: CustomerColumnId,
  keys: string[],
  /** The added rows as objects, to read instead of the table (see the constructor). */
  rows?: readonly CustomerRow[],
): SortOrder {
  const kept = keys.length === start;
  const keyOf = kept
    ? (position: number) => keys[position] ?? ''
    : (position: number) => keyAt(table, position, column);
  const added = Array.from({ length: table.length - start }, (_, offset) => {
    const row = rows?.[offset];
    return row ? sortKey(row, column) : keyAt(table, start + offset, column);
  });
  const extended = extendSortOrder(order, keyOf, added, start);
  if (kept) for (const key of added) keys.push(key);
  return extended;
}

/**
 * The rows of two indexes that match the query, in the query's order: the loaded list and the
 * customers Partner Center's own search found beyond it. Neither holds a row of the other.
 */
export function queryBoth(
  loaded: CustomerIndex,
  found: CustomerIndex,
  query: CustomerQuery,
): CustomerRows {
  const left = loaded.query(query);
  if (found.table.length === 0) return left;
  const right = [...rowsOf(found.query(query))];
  const leftRows = [...rowsOf(left)];
  if (!query.sort) return [...right, ...leftRows];
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
    const a = leftRows[i];
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
  return merged.concat(leftRows.slice(i), right.slice(j));
}
