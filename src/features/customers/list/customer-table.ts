import { z } from 'zod';
import { relationshipLabel } from '@/features/customers/relationship-label';
import type { CustomerColumnId } from './customer-columns';
import type { CustomerRow } from './customer-row';

/**
 * Rows read by position: a plain array of rows is one, and so are the customer table and a
 * query's result over it, which make a row object only for a row that is asked for.
 */
export interface CustomerRows {
  readonly length: number;
  at(position: number): CustomerRow | undefined;
}

export function* rowsOf(rows: CustomerRows): Generator<CustomerRow> {
  for (let position = 0; position < rows.length; position += 1) {
    const row = rows.at(position);
    if (row) yield row;
  }
}

/** What search looks through, fields apart by newlines (as the index folds it). */
export function searchableTextOf(
  row: Pick<CustomerRow, 'companyName' | 'domain' | 'id' | 'associatedPartnerId'> & {
    tags: readonly string[];
  },
): string {
  return [row.companyName, row.domain, row.id, ...row.tags, row.associatedPartnerId ?? ''].join(
    '\n',
  );
}

/** The first `count` rows, as objects. */
export function firstRows(rows: CustomerRows, count: number): CustomerRow[] {
  const first: CustomerRow[] = [];
  for (let position = 0; position < Math.min(count, rows.length); position += 1) {
    const row = rows.at(position);
    if (row) first.push(row);
  }
  return first;
}

/**
 * Values end to end in one string, with where each one ends. `ends` may be longer than the
 * column (room to grow); only the first `length` entries are this column's.
 */
interface TextColumn {
  text: string;
  ends: Uint32Array<ArrayBuffer>;
}

/** Few distinct values (relationships, resellers): a code per row and each value once. */
interface CodedColumn {
  values: string[];
  codes: Uint32Array<ArrayBuffer>;
  /** Each value's code, made on first append. */
  lookup?: Map<string, number>;
}

/**
 * The tags of the rows that have any: those rows' positions (ascending), where each one's tags
 * start among `tags`, and every tag end to end. Columns rather than a list per row: a saved
 * list with 70,000 tagged customers read back as 140,000 little arrays took IndexedDB longer
 * than all the rest of the list.
 */
interface TagColumn {
  positions: Uint32Array<ArrayBuffer>;
  /** One more entry than rows: row `k`'s tags are `firsts[k]` up to `firsts[k + 1]`. */
  firsts: Uint32Array<ArrayBuffer>;
  tags: TextColumn;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const toUtf8 = new TextEncoder();

/**
 * A long text as IndexedDB keeps it: UTF-8 bytes. Chromium reads bytes back evenly (the saved
 * list's bytes in ~40 ms and ~25 ms to decode them, at 100,000 customers), where the same
 * strings took anywhere from 25 to 340 ms. A text that is not well formed (a lone surrogate,
 * which UTF-8 cannot carry) is kept as it is.
 */
export const storedText = z.codec(z.union([z.string(), z.instanceof(Uint8Array)]), z.string(), {
  decode: (stored, payload) => {
    if (typeof stored === 'string') return stored;
    try {
      return utf8.decode(stored);
    } catch {
      payload.issues.push({ code: 'custom', message: 'Not UTF-8.', input: stored });
      return '';
    }
  },
  encode: (text) => (text.isWellFormed() ? utf8Bytes(text) : text),
});

/** Characters encoded at a time; see utf8Bytes. */
const ENCODE_CHUNK = 1 << 16;

/**
 * `text` as UTF-8, a slice at a time. Handed a long string whole, Blink takes it out of the JS
 * heap ("externalises" it) to share it: the list's 25 MB of text then left the heap each time
 * the list was saved, which made the heap look a third of its size. A slice is copied instead.
 */
function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + ENCODE_CHUNK);
    // A pair split in two would be two lone halves; the text is well formed, so its low half follows.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
    const part = toUtf8.encode(text.slice(start, end));
    parts.push(part);
    size += part.length;
    start = end;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

const storedTextColumn = z.object({ text: storedText, ends: z.instanceof(Uint32Array) });

/** The columns as saved in IndexedDB: the same shapes, cut to the table's length. */
export const storedColumnsSchema = z.object({
  count: z.number().int().nonnegative(),
  ids: storedTextColumn,
  companyNames: storedTextColumn,
  domains: storedTextColumn,
  commerceIds: storedTextColumn,
  relationships: z.object({ values: z.array(z.string()), codes: z.instanceof(Uint32Array) }),
  /** '' (direct) is a value like any other. */
  associatedPartnerIds: z.object({
    values: z.array(z.string()),
    codes: z.instanceof(Uint32Array),
  }),
  tags: z.object({
    positions: z.instanceof(Uint32Array),
    firsts: z.instanceof(Uint32Array),
    tags: storedTextColumn,
  }),
});
export type StoredColumns = z.infer<typeof storedColumnsSchema>;

const textColumns = ['ids', 'companyNames', 'domains', 'commerceIds'] as const;
const codedColumns = ['relationships', 'associatedPartnerIds'] as const;

/** Whether stored columns are whole: every column as long as the table, every code a value. */
export function storedColumnsFit(stored: StoredColumns): boolean {
  const { count } = stored;
  const textFits = textColumns.every((name) => {
    const { text, ends } = stored[name];
    return ends.length === count && ascending(ends, 0, text.length);
  });
  const codesFit = codedColumns.every((name) => {
    const { values, codes } = stored[name];
    return codes.length === count && allBelow(codes, values.length);
  });
  return textFits && codesFit && tagsFit(stored.tags, count);
}

/*
 * The checks below run once per reload over every row, before the page's code has warmed up:
 * indexed loops, because `every` with a callback and `for…of` run 100,000 calls (or iterator
 * steps) in the interpreter, ~25 ms of the reload at 100,000 customers against ~2 ms.
 */

/** Whether every one of `values` is below `limit`. */
export function allBelow(values: Uint32Array, limit: number): boolean {
  for (let at = 0; at < values.length; at += 1) if ((values[at] ?? 0) >= limit) return false;
  return true;
}

/** Whether `values` never go down, from at least `first`, and end at `last` (or are empty at it). */
function ascending(values: Uint32Array, first: number, last: number): boolean {
  let previous = first;
  for (let at = 0; at < values.length; at += 1) {
    const value = values[at] ?? 0;
    if (value < previous) return false;
    previous = value;
  }
  return previous === last;
}

/** Whether `values` only go up. */
function increasing(values: Uint32Array): boolean {
  for (let at = 1; at < values.length; at += 1)
    if ((values[at] ?? 0) <= (values[at - 1] ?? 0)) return false;
  return true;
}

function tagsFit({ positions, firsts, tags }: StoredColumns['tags'], count: number): boolean {
  return (
    increasing(positions) &&
    (positions.length === 0 || (positions[positions.length - 1] ?? 0) < count) &&
    firsts.length === positions.length + 1 &&
    firsts[0] === 0 &&
    ascending(firsts, 0, tags.ends.length) &&
    ascending(tags.ends, 0, tags.text.length)
  );
}

const emptyTags: readonly string[] = Object.freeze([]);
/** Row objects made for one table, kept so that the same row is the same object (memo). */
const ROW_CACHE_LIMIT = 4096;

/**
 * The customer list by column, not as 100,000 objects: a saved list is read back without
 * making an object or a string per customer (the garbage collector's work on reload was most
 * of its cost), and the heap holds a few long strings instead of 600,000 short ones.
 *
 * A table is a snapshot: `append` returns a new table and leaves this one as it was. Appending
 * to the newest table writes into the room its arrays already have, so a crawl of 200 pages
 * does not copy the list 200 times.
 */
export class CustomerTable implements CustomerRows {
  readonly length: number;
  readonly #ids: TextColumn;
  readonly #companyNames: TextColumn;
  readonly #domains: TextColumn;
  readonly #commerceIds: TextColumn;
  readonly #relationships: CodedColumn;
  readonly #resellers: CodedColumn;
  readonly #tags: TagColumn;
  /** How many of the tag column's rows are this table's. */
  readonly #taggedRows: number;
  /** The table whose arrays may still grow in place: the last one appended to them. */
  readonly #growth: { newest: CustomerTable | undefined };
  #rowCache = new Map<number, CustomerRow>();
  #positions: Map<string, number> | undefined;

  private constructor(
    length: number,
    columns: {
      ids: TextColumn;
      companyNames: TextColumn;
      domains: TextColumn;
      commerceIds: TextColumn;
      relationships: CodedColumn;
      resellers: CodedColumn;
      tags: TagColumn;
      taggedRows: number;
    },
    growth: { newest: CustomerTable | undefined },
  ) {
    this.length = length;
    this.#ids = columns.ids;
    this.#companyNames = columns.companyNames;
    this.#domains = columns.domains;
    this.#commerceIds = columns.commerceIds;
    this.#relationships = columns.relationships;
    this.#resellers = columns.resellers;
    this.#tags = columns.tags;
    this.#taggedRows = columns.taggedRows;
    this.#growth = growth;
    growth.newest = this;
  }

  static empty(): CustomerTable {
    const text = (): TextColumn => ({ text: '', ends: new Uint32Array(0) });
    const coded = (): CodedColumn => ({ values: [], codes: new Uint32Array(0) });
    return new CustomerTable(
      0,
      {
        ids: text(),
        companyNames: text(),
        domains: text(),
        commerceIds: text(),
        relationships: coded(),
        resellers: coded(),
        tags: {
          positions: new Uint32Array(0),
          firsts: new Uint32Array(1),
          tags: text(),
        },
        taggedRows: 0,
      },
      { newest: undefined },
    );
  }

  static of(rows: readonly CustomerRow[]): CustomerTable {
    return CustomerTable.empty().append(rows);
  }

  /** A table over saved columns, as they are: nothing is copied. Check them with storedColumnsFit. */
  static fromStored(stored: StoredColumns): CustomerTable {
    return new CustomerTable(
      stored.count,
      {
        ids: stored.ids,
        companyNames: stored.companyNames,
        domains: stored.domains,
        commerceIds: stored.commerceIds,
        relationships: {
          values: [...stored.relationships.values],
          codes: stored.relationships.codes,
        },
        resellers: {
          values: [...stored.associatedPartnerIds.values],
          codes: stored.associatedPartnerIds.codes,
        },
        tags: stored.tags,
        taggedRows: stored.tags.positions.length,
      },
      { newest: undefined },
    );
  }

  toStored(): StoredColumns {
    const text = (column: TextColumn, length = this.length) => ({
      text: column.text.slice(0, endOf(column, length - 1)),
      ends: column.ends.slice(0, length),
    });
    const coded = (column: CodedColumn) => ({
      values: [...column.values],
      codes: column.codes.slice(0, this.length),
    });
    return {
      count: this.length,
      ids: text(this.#ids),
      companyNames: text(this.#companyNames),
      domains: text(this.#domains),
      commerceIds: text(this.#commerceIds),
      relationships: coded(this.#relationships),
      associatedPartnerIds: coded(this.#resellers),
      tags: {
        positions: this.#tags.positions.slice(0, this.#taggedRows),
        firsts: this.#tags.firsts.slice(0, this.#taggedRows + 1),
        tags: text(this.#tags.tags, this.#tagCount()),
      },
    };
  }

  /** This table with `rows` after its own. */
  append(rows: readonly CustomerRow[]): CustomerTable {
    if (rows.length === 0) return this;
    const length = this.length + rows.length;
    // Arrays another table has already grown past this one's rows are copied, not written.
    const inPlace = this.#growth.newest === this;
    const growth = inPlace ? this.#growth : { newest: undefined };
    const { tags, taggedRows } = this.#appendTags(rows, inPlace);
    return new CustomerTable(
      length,
      {
        ids: this.#appendText(this.#ids, rows, (row) => row.id, inPlace),
        companyNames: this.#appendText(this.#companyNames, rows, (row) => row.companyName, inPlace),
        domains: this.#appendText(this.#domains, rows, (row) => row.domain, inPlace),
        commerceIds: this.#appendText(
          this.#commerceIds,
          rows,
          (row) => row.commerceId ?? '',
          inPlace,
        ),
        relationships: this.#appendCoded(
          this.#relationships,
          rows,
          (row) => row.relationship,
          inPlace,
        ),
        resellers: this.#appendCoded(
          this.#resellers,
          rows,
          (row) => row.associatedPartnerId ?? '',
          inPlace,
        ),
        tags,
        taggedRows,
      },
      growth,
    );
  }

  /** This table with one row changed; the others stay where they are. */
  withRow(position: number, change: Partial<Pick<CustomerRow, 'companyName' | 'relationship'>>) {
    const rows = [...rowsOf(this)];
    const row = rows[position];
    if (!row) return this;
    rows[position] = { ...row, ...change };
    return CustomerTable.of(rows);
  }

  at(position: number): CustomerRow | undefined {
    if (!Number.isInteger(position) || position < 0 || position >= this.length) return undefined;
    let row = this.#rowCache.get(position);
    if (row) return row;
    row = {
      id: this.id(position),
      companyName: this.#value(this.#companyNames, position),
      domain: this.#value(this.#domains, position),
      relationship: this.relationship(position),
      tags: this.#tagsOf(position) as string[],
    };
    // Absent rather than undefined, as toCustomerRow makes them.
    const reseller = this.associatedPartnerId(position);
    if (reseller) row.associatedPartnerId = reseller;
    const commerceId = this.#value(this.#commerceIds, position);
    if (commerceId) row.commerceId = commerceId;
    if (this.#rowCache.size >= ROW_CACHE_LIMIT) this.#rowCache = new Map();
    this.#rowCache.set(position, row);
    return row;
  }

  id(position: number): string {
    return this.#value(this.#ids, position);
  }

  relationship(position: number): string {
    return this.#relationships.values[this.#relationships.codes[position] ?? 0] ?? '';
  }

  /** The indirect reseller's tenant id; '' for a direct customer. */
  associatedPartnerId(position: number): string {
    return this.#resellers.values[this.#resellers.codes[position] ?? 0] ?? '';
  }

  /** A cell as text, as CustomerColumn.text gives it, without making the row. */
  cellText(column: CustomerColumnId, position: number): string {
    switch (column) {
      case 'companyName':
        return this.#value(this.#companyNames, position);
      case 'domain':
        return this.#value(this.#domains, position);
      case 'id':
        return this.id(position);
      case 'relationship':
        return relationshipLabel(this.relationship(position));
      case 'tags':
        return this.#tagsOf(position).join(', ');
      case 'associatedPartnerId':
        return this.associatedPartnerId(position);
      case 'commerceId':
        return this.#value(this.#commerceIds, position);
    }
  }

  /** What search looks through: searchableTextOf the row, without making the row. */
  searchableText(position: number): string {
    return searchableTextOf({
      companyName: this.#value(this.#companyNames, position),
      domain: this.#value(this.#domains, position),
      id: this.id(position),
      tags: this.#tagsOf(position),
      associatedPartnerId: this.associatedPartnerId(position),
    });
  }

  /** The distinct relationships and resellers of the rows, for the filters' choices. */
  relationshipValues(): string[] {
    return this.#usedValues(this.#relationships);
  }

  resellerValues(): string[] {
    return this.#usedValues(this.#resellers).filter(Boolean);
  }

  positionOf(customerId: string): number {
    if (!this.#positions) {
      this.#positions = new Map();
      for (let position = 0; position < this.length; position += 1)
        this.#positions.set(this.id(position), position);
    }
    return this.#positions.get(customerId) ?? -1;
  }

  /** Whether this table is `other` with rows appended (or `other` itself). */
  extends(other: CustomerTable): boolean {
    return other.length > 0 && this.#growth === other.#growth && this.length >= other.length;
  }

  has(customerId: string): boolean {
    return this.positionOf(customerId) >= 0;
  }

  #usedValues(column: CodedColumn): string[] {
    const used = new Set<number>();
    for (let position = 0; position < this.length; position += 1)
      used.add(column.codes[position] ?? 0);
    return [...used].map((code) => column.values[code] ?? '');
  }

  /** The row's tags: found by bisection among the rows that have any. */
  #tagsOf(position: number): readonly string[] {
    const { positions, firsts, tags } = this.#tags;
    let low = 0;
    let high = this.#taggedRows - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = positions[middle] ?? 0;
      if (at < position) low = middle + 1;
      else if (at > position) high = middle - 1;
      else {
        const values: string[] = [];
        for (let tag = firsts[middle] ?? 0; tag < (firsts[middle + 1] ?? 0); tag += 1)
          values.push(this.#value(tags, tag));
        return values;
      }
    }
    return emptyTags;
  }

  #tagCount(): number {
    return this.#tags.firsts[this.#taggedRows] ?? 0;
  }

  #appendTags(
    rows: readonly CustomerRow[],
    inPlace: boolean,
  ): { tags: TagColumn; taggedRows: number } {
    const tagged: number[] = [];
    const values: string[] = [];
    rows.forEach((row, offset) => {
      if (!Array.isArray(row.tags)) throw new TypeError('A customer row has no tag list.');
      if (row.tags.length === 0) return;
      tagged.push(offset);
      for (const tag of row.tags) {
        if (typeof tag !== 'string') throw new TypeError('A customer row holds a non-string.');
        values.push(tag);
      }
    });
    const column = this.#tags;
    const taggedRows = this.#taggedRows + tagged.length;
    if (tagged.length === 0 && inPlace) return { tags: column, taggedRows };
    const count = this.#tagCount();
    // Arrays another table has grown past this one's rows are copied, as in the text columns.
    const positions = room(column.positions, this.#taggedRows, taggedRows, inPlace);
    const firsts = room(column.firsts, this.#taggedRows + 1, taggedRows + 1, inPlace);
    let first = count;
    tagged.forEach((offset, k) => {
      positions[this.#taggedRows + k] = this.length + offset;
      first += rows[offset]?.tags.length ?? 0;
      firsts[this.#taggedRows + k + 1] = first;
    });
    return {
      tags: { positions, firsts, tags: appendValues(column.tags, count, values, inPlace) },
      taggedRows,
    };
  }

  #value(column: TextColumn, position: number): string {
    return column.text.slice(endOf(column, position - 1), endOf(column, position));
  }

  #appendText(
    column: TextColumn,
    rows: readonly CustomerRow[],
    valueOf: (row: CustomerRow) => string,
    inPlace: boolean,
  ): TextColumn {
    const values = rows.map((row) => {
      const value = valueOf(row);
      if (typeof value !== 'string') throw new TypeError('A customer row holds a non-string.');
      return value;
    });
    return appendValues(column, this.length, values, inPlace);
  }

  #appendCoded(
    column: CodedColumn,
    rows: readonly CustomerRow[],
    valueOf: (row: CustomerRow) => string,
    inPlace: boolean,
  ): CodedColumn {
    // Values are only ever added, so older tables sharing the list still read theirs right.
    const values = column.values;
    const lookup = (column.lookup ??= new Map(values.map((value, code) => [value, code])));
    const codes = room(column.codes, this.length, this.length + rows.length, inPlace);
    rows.forEach((row, offset) => {
      const value = valueOf(row);
      if (typeof value !== 'string') throw new TypeError('A customer row holds a non-string.');
      let code = lookup.get(value);
      if (code === undefined) {
        code = values.push(value) - 1;
        lookup.set(value, code);
      }
      codes[this.length + offset] = code;
    });
    return { values, codes, lookup };
  }
}

function endOf(column: TextColumn, position: number): number {
  return position < 0 ? 0 : (column.ends[position] ?? 0);
}

/** The first `used` values of a text column with `values` after them. */
function appendValues(
  column: TextColumn,
  used: number,
  values: readonly string[],
  inPlace: boolean,
): TextColumn {
  const ends = room(column.ends, used, used + values.length, inPlace);
  let end = endOf(column, used - 1);
  values.forEach((value, offset) => {
    end += value.length;
    ends[used + offset] = end;
  });
  const before = endOf(column, used - 1);
  const kept = column.text.length === before ? column.text : column.text.slice(0, before);
  return { text: kept + values.join(''), ends };
}

/** An array with room for `needed` entries holding the first `used` of `array`. */
function room(
  array: Uint32Array<ArrayBuffer>,
  used: number,
  needed: number,
  inPlace: boolean,
): Uint32Array<ArrayBuffer> {
  if (inPlace && array.length >= needed) return array;
  const grown = new Uint32Array(Math.max(needed, Math.ceil(array.length * 1.5), 64));
  grown.set(array.subarray(0, used));
  return grown;
}
