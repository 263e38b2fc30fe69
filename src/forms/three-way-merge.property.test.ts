import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparable, mergeThreeWay, sameValue } from './three-way-merge';

const fields = ['firstName', 'email', 'city', 'state', 'postalCode'] as const;
type Field = (typeof fields)[number];

// Few distinct values, so that both sides often change a field, and to the same value.
const value = fc.constantFrom('', 'Acme', 'acme', 'ACME GmbH', ' Acme ', 'Zürich', '00-950');
const values = fc.record(
  Object.fromEntries(fields.map((field) => [field, value])) as {
    [Key in Field]: typeof value;
  },
);
const triple = fc.tuple(values, values, values);

describe('mergeThreeWay', () => {
  it('never loses a change: each field is mine where I changed it, theirs where only they did', () => {
    fc.assert(
      fc.property(triple, ([base, mine, theirs]) => {
        const { merged, takenFromTheirs, conflicts } = mergeThreeWay(base, mine, theirs);
        for (const field of fields) {
          const iChanged = !sameValue(mine[field], base[field]);
          const theyChanged = !sameValue(theirs[field], base[field]);
          const conflict = conflicts.find((item) => item.field === field);
          if (iChanged) expect(merged[field]).toBe(mine[field]);
          else if (theyChanged) expect(merged[field]).toBe(theirs[field]);
          else expect(sameValue(merged[field], base[field])).toBe(true);
          expect(takenFromTheirs.includes(field)).toBe(!iChanged && theyChanged);
          expect(Boolean(conflict)).toBe(
            iChanged && theyChanged && !sameValue(mine[field], theirs[field]),
          );
        }
      }),
    );
  });

  it('asks nothing when the two sides changed different fields', () => {
    fc.assert(
      fc.property(triple, fc.subarray([...fields]), ([base, mine, theirs], mineOnly) => {
        // Mine changes only `mineOnly`, theirs only the other fields: disjoint by construction.
        const disjointMine = { ...base };
        const disjointTheirs = { ...base };
        for (const field of fields) {
          if (mineOnly.includes(field)) disjointMine[field] = mine[field];
          else disjointTheirs[field] = theirs[field];
        }
        expect(mergeThreeWay(base, disjointMine, disjointTheirs).conflicts).toEqual([]);
      }),
    );
  });

  it('is idempotent: merging the merged values again changes nothing', () => {
    fc.assert(
      fc.property(triple, ([base, mine, theirs]) => {
        const once = mergeThreeWay(base, mine, theirs);
        const twice = mergeThreeWay(base, once.merged, theirs);
        expect(twice.merged).toEqual(once.merged);
        expect(twice.conflicts).toEqual(once.conflicts);
      }),
    );
  });

  it('keeps a value the user chose on a conflict once theirs becomes the base', () => {
    fc.assert(
      fc.property(triple, fc.boolean(), ([base, mine, theirs], keepMine) => {
        const first = mergeThreeWay(base, mine, theirs);
        const settled = { ...first.merged };
        for (const conflict of first.conflicts) {
          settled[conflict.field] = keepMine ? conflict.mine : conflict.theirs;
        }
        // After the merge the current profile is the new base: nothing is left to ask.
        const next = mergeThreeWay(theirs, settled, theirs);
        expect(next.conflicts).toEqual([]);
        expect(next.merged).toEqual(settled);
      }),
    );
  });

  it('takes whitespace around a value as no change, and a change of case as one', () => {
    const base = { companyName: 'acme gmbh', city: 'Berlin' };
    const result = mergeThreeWay(
      base,
      { companyName: 'ACME GmbH', city: ' Berlin ' },
      { companyName: 'acme gmbh', city: 'Potsdam' },
    );
    expect(result.merged).toEqual({ companyName: 'ACME GmbH', city: 'Potsdam' });
    expect(result.takenFromTheirs).toEqual(['city']);
    expect(result.conflicts).toEqual([]);
    expect(comparable(undefined)).toBe('');
  });
});
