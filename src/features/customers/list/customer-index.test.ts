import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerColumnIds } from './customer-columns';
import { CustomerIndex, queryBoth, sortKey, type CustomerQuery } from './customer-index';
import type { CustomerRow } from './customer-row';
import { CustomerTable, rowsOf, type CustomerRows } from './customer-table';
import { foldText } from './fold-text';

const reseller = 'c7d4a1e8-2b5f-4e9c-8a3d-6f1b0e2c4d97';

function row(id: string, companyName: string, extra: Partial<CustomerRow> = {}): CustomerRow {
  return {
    id,
    companyName,
    domain: `${id}.onmicrosoft.com`,
    relationship: 'reseller',
    tags: [],
    ...extra,
  };
}

const rows = [
  row('c1', 'Müller Straße GmbH', { tags: ['Key account'] }),
  row('c2', 'Contoso Café', { relationship: 'advisor', associatedPartnerId: reseller }),
  row('c3', 'ＦＵＬＬ Width Ltd'),
  row('c4', '', { domain: 'nameless.onmicrosoft.com' }),
  row('c5', 'contoso Labs', { relationship: 'none' }),
];

const everything: CustomerQuery = {
  search: '',
  relationships: [],
  reseller: 'any',
  sort: undefined,
};
const ids = (found: CustomerRows) => [...rowsOf(found)].map((customer) => customer.id);
const indexOf = (rows: readonly CustomerRow[]) => new CustomerIndex(CustomerTable.of(rows));

describe('searching the loaded customers', () => {
  const index = indexOf(rows);

  it('matches substrings regardless of case, accents and full-width letters', () => {
    expect(ids(index.query({ ...everything, search: 'MULLER' }))).toEqual(['c1']);
    expect(ids(index.query({ ...everything, search: 'strasse' }))).toEqual(['c1']);
    expect(ids(index.query({ ...everything, search: 'cafe' }))).toEqual(['c2']);
    expect(ids(index.query({ ...everything, search: 'full width' }))).toEqual(['c3']);
    expect(ids(index.query({ ...everything, search: 'ntos' }))).toEqual(['c2', 'c5']);
  });

  it('searches domains, tenant ids and tags, and needs every word', () => {
    expect(ids(index.query({ ...everything, search: 'nameless' }))).toEqual(['c4']);
    expect(ids(index.query({ ...everything, search: 'c3' }))).toEqual(['c3']);
    expect(ids(index.query({ ...everything, search: 'key account' }))).toEqual(['c1']);
    expect(ids(index.query({ ...everything, search: 'contoso labs' }))).toEqual(['c5']);
    expect(ids(index.query({ ...everything, search: 'contoso gmbh' }))).toEqual([]);
  });

  it('filters by relationship and by indirect reseller', () => {
    expect(ids(index.query({ ...everything, relationships: ['advisor', 'none'] }))).toEqual([
      'c2',
      'c5',
    ]);
    expect(ids(index.query({ ...everything, reseller: 'indirect' }))).toEqual(['c2']);
    expect(ids(index.query({ ...everything, reseller: reseller.toUpperCase() }))).toEqual(['c2']);
    expect(ids(index.query({ ...everything, reseller: 'direct' }))).toHaveLength(4);
  });

  it('sorts both ways with empty values last, and keeps Partner Center’s order on ties', () => {
    const sorted = (desc: boolean) =>
      ids(index.query({ ...everything, sort: { column: 'companyName', desc } }));
    expect(sorted(false)).toEqual(['c2', 'c5', 'c3', 'c1', 'c4']);
    expect(sorted(true)).toEqual(['c1', 'c3', 'c5', 'c2', 'c4']);
    const byAssociated = ids(
      index.query({ ...everything, sort: { column: 'associatedPartnerId', desc: true } }),
    );
    expect(byAssociated).toEqual(['c2', 'c1', 'c3', 'c4', 'c5']);
  });

  it('merges the rows Partner Center’s search found into the sorted result', () => {
    const found = indexOf([row('f1', 'Contoso Beta'), row('f2', 'Zeta')]);
    const query = {
      ...everything,
      search: 'contoso',
      sort: { column: 'companyName' as const, desc: false },
    };
    expect(ids(queryBoth(index, found, query))).toEqual(['f1', 'c2', 'c5']);
  });
});

const arbitraryRow = fc.record({
  id: fc.uuid(),
  companyName: fc.oneof(fc.string(), fc.constantFrom('Ä', 'a', 'É', 'e', '', ' ')),
  domain: fc.string(),
  relationship: fc.constantFrom('reseller', 'advisor', 'none'),
  tags: fc.array(fc.constantFrom('SMB', 'Trial', 'Key account'), { maxLength: 2 }),
});

describe('properties of a query', () => {
  it('returns exactly the matching rows, each once, in the order of the sort key', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryRow, { selector: (customer) => customer.id, maxLength: 60 }),
        fc.string({ maxLength: 3 }),
        fc.constantFrom(...customerColumnIds),
        fc.boolean(),
        (all, text, column, desc) => {
          const index = indexOf(all);
          const found = index.query({ ...everything, search: text, sort: { column, desc } });
          const terms = foldText(text).split(/\s+/).filter(Boolean);
          const expected = all.filter((customer) => {
            const haystack = foldText(
              [customer.companyName, customer.domain, customer.id, ...customer.tags, ''].join('\n'),
            );
            return terms.every((term) => haystack.includes(term));
          });
          expect(new Set(ids(found))).toEqual(new Set(ids(expected)));
          expect(found).toHaveLength(expected.length);
          const keys = [...rowsOf(found)].map((customer) => sortKey(customer, column));
          const filled = keys.filter(Boolean);
          expect(keys.slice(filled.length).every((key) => key === '')).toBe(true);
          for (let at = 1; at < filled.length; at += 1) {
            const [before, after] = [filled[at - 1] ?? '', filled[at] ?? ''];
            expect(desc ? before >= after : before <= after).toBe(true);
          }
        },
      ),
    );
  });

  it('gives the same answers when built page by page as when built at once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryRow, { selector: (customer) => customer.id, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(60), fc.boolean()), { maxLength: 4 }),
        fc.constantFrom(...customerColumnIds),
        fc.boolean(),
        fc.string({ maxLength: 2 }),
        fc.boolean(),
        (all, cuts, column, desc, text, fromRows) => {
          const query = { ...everything, search: text, sort: { column, desc } };
          let index: CustomerIndex | undefined;
          let table = CustomerTable.empty();
          const earlier: CustomerIndex[] = [];
          for (const [cut, reread] of [...cuts].sort(([a], [b]) => a - b)) {
            const added = all.slice(table.length, cut);
            table = table.append(added);
            // The crawl hands over the rows it appended, to be read instead of the table.
            index = new CustomerIndex(table, index, undefined, fromRows ? added : undefined);
            // Sorting builds the order that the next, longer index extends.
            index.query(query);
            // An index read back with a saved list, or a completed one, has its orders without
            // their folded keys.
            if (reread && cut % 2 === 0) index = new CustomerIndex(table, undefined, index.parts);
            else if (reread) index.complete();
            earlier.push(index);
          }
          const grown = new CustomerIndex(table.append(all.slice(table.length)), index);
          // An index on screen while the list grows past it still answers for its own rows.
          for (const shown of earlier) {
            const fresh = indexOf([...rowsOf(shown.table)]);
            expect(ids(shown.query(query))).toEqual(ids(fresh.query(query)));
          }
          expect(ids(grown.query(query))).toEqual(ids(indexOf(all).query(query)));
          expect(ids(grown.query({ ...query, sort: { column, desc: !desc } }))).toEqual(
            ids(indexOf(all).query({ ...query, sort: { column, desc: !desc } })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('an index extended twice from the same one', () => {
  it('keeps each extension to its own rows', () => {
    // An extension itself, so that its arrays have room to grow in place.
    const first = indexOf(rows.slice(0, 1));
    const base = new CustomerIndex(first.table.append([rows[1]!]), first);
    const left = new CustomerIndex(base.table.append(rows.slice(2, 4)), base);
    const right = new CustomerIndex(base.table.append([rows[4]!]), base);
    const found = (index: CustomerIndex, search: string) =>
      ids(index.query({ ...everything, search }));
    expect(found(left, 'width')).toEqual(['c3']);
    expect(found(left, 'labs')).toEqual([]);
    expect(found(right, 'labs')).toEqual(['c5']);
    expect(found(right, 'width')).toEqual([]);
    // One letter or digit is answered by the rows' letter masks.
    expect(found(left, '4')).toEqual(['c2', 'c4']);
    expect(found(right, '5')).toEqual(['c2', 'c5']);
    expect(found(left, '5')).toEqual(['c2']);
    expect(found(base, 'contoso')).toEqual(['c2']);
  });
});

describe('a sequence of searches', () => {
  it('answers each as a fresh index would, narrowing or not', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryRow, { selector: (customer) => customer.id, maxLength: 60 }),
        fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (all, searches) => {
          const index = indexOf(all);
          for (const search of searches) {
            // Typing on: each search extends the one before, then a fresh one.
            for (let end = 0; end <= search.length; end += 1) {
              const query = { ...everything, search: search.slice(0, end) };
              expect(ids(index.query(query))).toEqual(ids(indexOf(all).query(query)));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
