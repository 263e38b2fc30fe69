import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialDomainSchema } from '@/countries/customer-profile-schemas';
import {
  domainPrefixProblem,
  initialDomainOf,
  suggestDomainPrefix,
  toDomainPrefix,
} from '@/countries/domain-prefix';
import { legalForms } from '@/countries/legal-forms';

/** Every UTF-16 unit, lone surrogates included: what a paste can bring. */
const anyUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
});

/** Words as company names have them: accented Latin, other scripts, digits, punctuation. */
const nameWord = fc.oneof(
  fc.stringMatching(/^[A-Za-zÀ-ÿĀ-žßæøłđ0-9]{1,15}$/),
  fc.constantFrom('&', '-', '(Pty)', 'S.A.', 'L.L.C.', '株式会社', 'Ромашка', '«', '»', '.com'),
  fc.constantFrom(...legalForms),
);
const companyName = fc
  .array(nameWord, { minLength: 1, maxLength: 8 })
  .map((words) => words.join(' '));

/** Any prefix-like text: mostly what the rule allows, near misses on both sides. */
const prefixLike = fc.oneof(
  fc.stringMatching(/^[a-z0-9]{0,30}$/),
  fc.stringMatching(/^[a-zA-Z0-9 ._\-éß]{0,30}(\.onmicrosoft\.com)?$/),
  anyUnits,
);

describe('suggestDomainPrefix (properties)', () => {
  it('returns a prefix domainPrefixProblem accepts, or nothing, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(companyName, anyUnits, fc.string({ unit: 'grapheme' })), (name) => {
        const prefix = suggestDomainPrefix(name);
        if (prefix !== '') expect(domainPrefixProblem(prefix)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('suggests something for every name with a Latin word that is not a legal form', () => {
    fc.assert(
      fc.property(companyName, fc.stringMatching(/^[a-z]{8,12}$/), (name, word) => {
        expect(suggestDomainPrefix(`${word} ${name}`)).not.toBe('');
      }),
    );
  });
});

describe('domainPrefixProblem (properties)', () => {
  it('accepts exactly 1 to 27 lowercase letters and digits', () => {
    fc.assert(
      fc.property(prefixLike, (prefix) => {
        const valid = /^[a-z0-9]{1,27}$/.test(prefix);
        expect(domainPrefixProblem(prefix) === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with initialDomainSchema, whose prefixes it can check', () => {
    fc.assert(
      fc.property(prefixLike, (value) => {
        const parsed = initialDomainSchema.safeParse(value);
        expect(parsed.success).toBe(domainPrefixProblem(toDomainPrefix(value)) === undefined);
        if (parsed.success) expect(parsed.data).toBe(initialDomainOf(value));
      }),
      { numRuns: 2000 },
    );
  });
});
