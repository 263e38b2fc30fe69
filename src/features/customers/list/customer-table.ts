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

/** The columns as saved in IndexedDB: the same shapes, cut to the table's length. */
export const storedColumnsSchema = z.object({
  count: z.number().int().nonnegative(),
  ids: z.object({ text: z.string(), ends: z.instanceof(Uint32Array) }),
  companyNames: z.object({ text: z.string(), ends: z.instanceof(Uint32Array) }),
  domains: z.object({ text: z.string(), ends: z.instanceof(Uint32Array) }),
  commerceIds: z.object({ text: z.string(), ends: z.instanceof(Uint32Array) }),
  relationships: z.object({ values: z.array(z.string()), codes: z.instanceof(Uint32Array) }),
  /** '' (direct) is a value like any other. */
  associatedPartnerIds: z.object({
    values: z.array(z.string()),
    codes: z.instanceof(Uint32Array),
  }),
  tags: z.array(z.tuple([z.number().int().nonnegative(), z.array(z.string())])),
});
export type StoredColumns = z.infer<typeof storedColumnsSchema>;

const textColumns = ['ids', 'companyNames', 'domains', 'commerceIds'] as const;
const codedColumns = ['relationships', 'associatedPartnerIds'] as const;

/** Whether stored columns are whole: every column as long as the table, every code a value. */
export function storedColumnsFit(stored: StoredColumns): boolean {
  const { count } = stored;
  const textFits = textColumns.every((name) => {
    const { text, ends } = stored[name];
    if (ends.length !== count) return false;
    let previous = 0;
    for (const end of ends) {
      if (end < previous) return false;
      previous = end;
    }
    return previous === text.length;
  });
  const codesFit = codedColumns.every((name) => {
    const { values, codes } = stored[name];
    return codes.length === count && codes.every((code) => code < values.length);
  });
  return textFits && codesFit && stored.tags.every(([position]) => position < count);
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
  readonly #tags: ReadonlyMap<number, readonly string[]>;
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
      tags: ReadonlyMap<number, readonly string[]>;
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
        tags: new Map(),
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
        tags: new Map(stored.tags),
      },
      { newest: undefined },
    );
  }

  toStored(): StoredColumns {
    const text = (column: TextColumn) => ({
      text: column.text.slice(0, this.#end(column, this.length - 1)),
      ends: column.ends.slice(0, this.length),
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
      tags: [...this.#tags].filter(([position]) => position < this.length) as [number, string[]][],
    };
  }

  /** This table with `rows` after its own. */
  append(rows: readonly CustomerRow[]): CustomerTable {
    if (rows.length === 0) return this;
    const length = this.length + rows.length;
    // Arrays another table has already grown past this one's rows are copied, not written.
    const inPlace = this.#growth.newest === this;
    const growth = inPlace ? this.#growth : { newest: undefined };
    // A copy keeps only this table's own tags: a newer table may have added some past them.
    const tags = inPlace
      ? (this.#tags as Map<number, readonly string[]>)
      : new Map([...this.#tags].filter(([position]) => position < this.length));
    rows.forEach((row, offset) => {
      if (!Array.isArray(row.tags)) throw new TypeError('A customer row has no tag list.');
      if (row.tags.length) tags.set(this.length + offset, row.tags);
    });
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
      tags: (this.#tags.get(position) ?? emptyTags) as string[],
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
        return (this.#tags.get(position) ?? emptyTags).join(', ');
      case 'associatedPartnerId':
        return this.associatedPartnerId(position);
      case 'commerceId':
        return this.#value(this.#commerceIds, position);
    }
  }

  /** What search looks through, fields apart by newlines (as the index folds it). */
  searchableText(position: number): string {
    const tags = this.#tags.get(position);
    return [
      this.#value(this.#companyNames, position),
      this.#value(this.#domains, position),
      this.id(position),
      ...(tags ?? emptyTags),
      this.associatedPartnerId(position),
    ].join('\n');
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

  #end(column: TextColumn, position: number): number {
    return position < 0 ? 0 : (column.ends[position] ?? 0);
  }

  #value(column: TextColumn, position: number): string {
    return column.text.slice(this.#end(column, position - 1), this.#end(column, position));
  }

  #appendText(
    column: TextColumn,
    rows: readonly CustomerRow[],
    valueOf: (row: CustomerRow) => string,
    inPlace: boolean,
  ): TextColumn {
    const ends = room(column.ends, this.length, this.length + rows.length, inPlace);
    let end = this.#end(column, this.length - 1);
    const values = rows.map((row, offset) => {
      const value = valueOf(row);
      if (typeof value !== 'string') throw new TypeError('A customer row holds a non-string.');
      end += value.length;
      ends[this.length + offset] = end;
      return value;
    });
    const kept = column.text.length === this.#end(column, this.length - 1);
    const before = kept ? column.text : column.text.slice(0, this.#end(column, this.length - 1));
    return { text: before + values.join(''), ends };
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
