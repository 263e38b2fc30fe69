import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortJobPart, sortJobValues } from './sort-job';

describe('a sort job', () => {
  it('carries every value across, in order, whatever the values hold (NUL and empty ones too)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string(), fc.constantFrom('', '\0', 'a\0b', '\0\0')), {
            minLength: 1,
            maxLength: 8,
          }),
          { maxLength: 5 },
        ),
        (chunks) => {
          const job = {
            id: 1,
            parts: structuredClone(chunks.map(sortJobPart)),
            count: chunks.flat().length,
          };
          expect(sortJobValues(job)).toEqual(chunks.flat());
        },
      ),
    );
  });

  it('says so when the parts do not add up to the count', () => {
    expect(sortJobValues({ id: 1, parts: ['a\0b'], count: 3 })).toBe(undefined);
  });
});
