import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCompanyName } from '@/countries/company-name-rules';
import { legalForms } from '@/countries/legal-forms';

/** Every UTF-16 unit, lone surrogates included: what a paste can bring. */
const anyUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 60,
});

// The forms Partner Center names, written here rather than taken from the list under test.
const namedForms = ['llc', 'inc', 'ltd', 'gmbh', 'pty ltd', 'sdn bhd', 'ooo', 'kft', 'zrt'];
const moreForms = ['sarl', 'lda', 'wll', 'plc', 'ag', 'sa', 'srl', 'bv', 'nv', 'ab', 'oy'];
const forms = [...new Set([...namedForms, ...moreForms, ...legalForms])];

const separator = fc.constantFrom('', '', '.', '. ', ' ', ',', ', ', '\t');

/** A form as someone may type it: any case, dots, commas and spaces anywhere. */
const typedForm = fc.constantFrom(...forms).chain((form) => {
  const characters = [...form.replace(/[.,\s]/g, '')];
  const choice = fc.tuple(fc.boolean(), separator);
  return fc
    .array(choice, { minLength: characters.length, maxLength: characters.length })
    .map((choices) =>
      characters
        .map((character, index) => {
          const [upper, after] = choices[index] ?? [false, ''];
          return `${upper ? character.toUpperCase() : character.toLowerCase()}${after}`;
        })
        .join(''),
    );
});

const companyWord = fc.constantFrom('Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Woodgrove');

describe('checkCompanyName (properties)', () => {
  it('never throws and always answers with a refusal or warnings', () => {
    fc.assert(
      fc.property(fc.oneof(anyUnits, fc.string({ unit: 'grapheme' })), (name) => {
        const check = checkCompanyName(name);
        expect(Array.isArray(check.warnings)).toBe(true);
        if (check.refusal !== undefined) {
          expect(check.refusal.length).toBeGreaterThan(0);
          expect(check.warnings).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses every bare legal form, in any case, with any dots, commas and spaces', () => {
    fc.assert(
      fc.property(typedForm, fc.constantFrom('', ' ', '  \t'), (typed, padding) => {
        expect(checkCompanyName(`${padding}${typed}${padding}`).refusal).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts a name followed by any legal form', () => {
    fc.assert(
      fc.property(companyWord, fc.constantFrom(...legalForms), (word, form) => {
        expect(checkCompanyName(`${word} ${form}`).refusal).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
