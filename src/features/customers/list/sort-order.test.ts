import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSortKeys, sortOrderOf } from './sort-order';

/** The order by definition: every pair compared with compareSortKeys. */
function comparedOrder(keys: readonly string[]) {
  const positions = keys.map((_, position) => position);
  positions.sort((a, b) => compareSortKeys(keys[a] ?? '', keys[b] ?? '', a, b));
  return { positions, filled: keys.filter(Boolean).length };
}

const order = (keys: readonly string[], compareBelow?: number) => {
  const { positions, filled } = sortOrderOf(keys, compareBelow);
  return { positions: [...positions], filled };
};

// Few characters and shared prefixes, so that buckets are deep and keys often equal; long
// lists, so that ranges are spread by character rather than only compared.
const key = fc.oneof(
  fc.constantFrom(
    '',
    'a',
    'ab',
    'abc',
    'b',
    'ab\0',
    '\0',
    'é',
    '\uffff',
    '\ud83d\ude00',
    'contoso',
  ),
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', '\0', 'é', '\uffff', '\ud83d'), maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

describe('a column’s sort order', () => {
  it('is the order compareSortKeys gives: code units, empty keys last, ties by position', () => {
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 400 }),
        fc.constantFrom(2, 3, undefined),
        (keys, below) => {
          expect(order(keys, below)).toEqual(comparedOrder(keys));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps equal keys in their positions’ order, however many share a long prefix', () => {
    const keys = Array.from(
      { length: 5_000 },
      (_, at) => `shared prefix ${at % 7 === 0 ? '' : at % 13}`,
    );
    expect(order(keys)).toEqual(comparedOrder(keys));
    expect(order(keys, 2)).toEqual(comparedOrder(keys));
  });
});
