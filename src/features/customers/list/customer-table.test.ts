import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { customerColumns } from './customer-columns';
import type { CustomerRow } from './customer-row';
import {
  CustomerTable,
  firstRows,
  rowsOf,
  storedColumnsFit,
  storedColumnsSchema,
  storedText,
} from './customer-table';

const reseller = fc.constantFrom(
  undefined,
  'c7d4a1e8-2b5f-4e9c-8a3d-6f1b0e2c4d97',
  '5a0f3b2c-9d8e-4f71-a6b5-3c2d1e0f9a8b',
);
const arbitraryRow: fc.Arbitrary<CustomerRow> = fc
  .record({
    id: fc.uuid(),
    companyName: fc.oneof(fc.string(), fc.constantFrom('🚀 Café ☕', 'Müller', '', ' ')),
    domain: fc.string(),
    relationship: fc.constantFrom('reseller', 'advisor', 'none'),
    tags: fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }),
    associatedPartnerId: reseller,
    commerceId: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }),
  })
  .map((row) => {
    // Absent rather than undefined, as the list's rows are made.
    const { associatedPartnerId, commerceId, ...rest } = row;
    return {
      ...rest,
      ...(associatedPartnerId ? { associatedPartnerId } : {}),
      ...(commerceId ? { commerceId } : {}),
    };
  });
const arbitraryRows = fc.uniqueArray(arbitraryRow, { selector: (row) => row.id, maxLength: 40 });

describe('the customer table', () => {
  it('gives back every row as it was given, cell by cell as the columns show it', () => {
    fc.assert(
      fc.property(arbitraryRows, (rows) => {
        const table = CustomerTable.of(rows);
        expect(table.length).toBe(rows.length);
        expect([...rowsOf(table)]).toEqual(rows);
        rows.forEach((row, position) => {
          for (const column of customerColumns)
            expect(table.cellText(column.id, position)).toBe(column.text(row));
          expect(table.positionOf(row.id)).toBe(position);
        });
        expect(table.at(rows.length)).toBe(undefined);
        expect(table.at(-1)).toBe(undefined);
      }),
    );
  });

  it('grown page by page, holds what one table of all the rows holds; older tables stay as they were', () => {
    fc.assert(
      fc.property(arbitraryRows, fc.array(fc.nat(40), { maxLength: 5 }), (rows, cuts) => {
        const tables = [CustomerTable.empty()];
        for (const cut of [...cuts, rows.length].sort((a, b) => a - b)) {
          const last = tables.at(-1) ?? CustomerTable.empty();
          tables.push(last.append(rows.slice(last.length, Math.max(last.length, cut))));
        }
        const grown = tables.at(-1) ?? CustomerTable.empty();
        expect([...rowsOf(grown)]).toEqual(rows);
        for (const table of tables) {
          expect([...rowsOf(table)]).toEqual(rows.slice(0, table.length));
          if (table.length > 0) expect(grown.extends(table)).toBe(true);
        }
      }),
    );
  });

  it('appending to an older table leaves the newer one alone', () => {
    const a: CustomerRow = {
      id: 'a',
      companyName: 'A',
      domain: 'a',
      relationship: 'reseller',
      tags: [],
    };
    const b: CustomerRow = {
      id: 'b',
      companyName: 'B',
      domain: 'b',
      relationship: 'none',
      tags: ['x'],
    };
    const c: CustomerRow = {
      id: 'c',
      companyName: 'C',
      domain: 'c',
      relationship: 'advisor',
      tags: ['y', 'z'],
    };
    const first = CustomerTable.of([a]);
    const second = first.append([b]);
    const branch = first.append([c]);
    expect([...rowsOf(second)]).toEqual([a, b]);
    expect([...rowsOf(branch)]).toEqual([a, c]);
    expect(branch.extends(second)).toBe(false);
    expect(second.withRow(1, { companyName: 'Renamed' }).at(1)?.companyName).toBe('Renamed');
    expect(second.at(1)?.companyName).toBe('B');
  });

  it('survives being stored and read back, and knows its filters’ values', () => {
    fc.assert(
      fc.property(arbitraryRows, (rows) => {
        const stored = CustomerTable.of(rows).toStored();
        const parsed = storedColumnsSchema.parse(structuredClone(stored));
        expect(storedColumnsFit(parsed)).toBe(true);
        const read = CustomerTable.fromStored(parsed);
        expect([...rowsOf(read)]).toEqual(rows);
        expect(new Set(read.relationshipValues())).toEqual(
          new Set(rows.map((row) => row.relationship)),
        );
        expect(new Set(read.resellerValues())).toEqual(
          new Set(rows.flatMap((row) => row.associatedPartnerId ?? [])),
        );
        expect(firstRows(read, 3)).toEqual(rows.slice(0, 3));
      }),
    );
  });

  it('gives the same object for the same row, so a memoised grid row keeps still', () => {
    const table = CustomerTable.of([
      { id: 'a', companyName: 'A', domain: 'a', relationship: 'reseller', tags: [] },
    ]);
    expect(table.at(0)).toBe(table.at(0));
  });
});

describe('storedText', () => {
  it('encodes long texts as the UTF-8 of the whole, pairs split across slices included', () => {
    const texts = [
      // A pair straddling the first slice's end, then one straddling the second's.
      `${'a'.repeat(65_535)}😀${'é'.repeat(65_533)}🚀 tail`,
      '🌟'.repeat(70_000),
      '',
      'short Café ☕',
    ];
    for (const text of texts) {
      const bytes = z.encode(storedText, text);
      expect(bytes).toStrictEqual(new TextEncoder().encode(text));
      expect(z.decode(storedText, bytes)).toBe(text);
    }
  });

  it('keeps a text with a lone surrogate as a string, and reads one back', () => {
    expect(z.encode(storedText, 'half \uD83D')).toBe('half \uD83D');
    expect(z.decode(storedText, 'half \uD83D')).toBe('half \uD83D');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(storedText.safeParse(Uint8Array.of(0x63, 0xff)).success).toBe(false);
  });
});
