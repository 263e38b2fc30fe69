import fc from 'fast-check';
import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js';
import { isValidPhoneNumber as isValidStrictly } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { countryValidationRules } from './country-rules.ts';
import { checkPhoneNumber, generatePhoneNumber, phoneNumberRequired } from './phones.ts';
import { registrationNumberCountries } from './registration-numbers.ts';
import { seedCountries } from './seed-countries.ts';
import { rngOf, type RngRecipe } from './test-rng.ts';

const recipes: fc.Arbitrary<RngRecipe> = fc.oneof(
  fc.integer().map((seed) => ({ seed })),
  fc
    .array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
      minLength: 1,
      maxLength: 10,
    })
    .map((values) => ({ values })),
);

describe('generatePhoneNumber', () => {
  it.each(seedCountries.map((country) => country.code))(
    'gives %s numbers libphonenumber-js calls valid, as national digits',
    (code) => {
      const country = code as CountryCode;
      const rules = countryValidationRules(code)!;
      fc.assert(
        fc.property(recipes, (recipe) => {
          const phone = generatePhoneNumber(code, rngOf(recipe));
          expect(phone).toMatch(/^\d{4,15}$/);
          expect(isValidPhoneNumber(phone, country), phone).toBe(true);
          expect(isValidStrictly(phone, country), phone).toBe(true);
          expect(checkPhoneNumber(code, phone)).toEqual({ ok: true });
          expect(phone).toMatch(new RegExp(rules.phoneNumberRegex));
        }),
        { numRuns: 200 },
      );
    },
  );

  it('varies the numbers', () => {
    const numbers = new Set(
      Array.from({ length: 50 }, (_, seed) => generatePhoneNumber('DE', rngOf({ seed }))),
    );
    expect(numbers.size).toBeGreaterThan(40);
  });

  it('refuses a code that names no country', () => {
    expect(() => generatePhoneNumber('XX', Math.random)).toThrow();
  });
});

describe('checkPhoneNumber', () => {
  it('requires the number in the 24 registration-number countries only', () => {
    for (const country of registrationNumberCountries) {
      expect(phoneNumberRequired(country)).toBe(true);
      expect(phoneNumberRequired(country.toLowerCase())).toBe(true);
      expect(checkPhoneNumber(country, undefined)).toMatchObject({ ok: false, code: 600051 });
      expect(checkPhoneNumber(country, '  ')).toMatchObject({ ok: false, code: 600051 });
    }
    expect(checkPhoneNumber('TR', undefined)).toEqual({
      ok: false,
      code: 600051,
      description: 'The customer phone number is required for companies in Türkiye.',
    });
    expect(phoneNumberRequired('US')).toBe(false);
    expect(checkPhoneNumber('US', undefined)).toEqual({ ok: true });
    expect(checkPhoneNumber('US', '')).toEqual({ ok: true });
  });

  it.each(['4255550101', '+1 (425) 555-0101', '+7 912 345-67-89', '030.1234.5678', '1234'])(
    'accepts %j',
    (phone) => {
      expect(checkPhoneNumber('RU', phone)).toEqual({ ok: true });
    },
  );

  it.each(['123', '+1 425 555 0101 ext. 12', 'call me', '123456789012345678901', '+-()'])(
    'refuses %j',
    (phone) => {
      expect(checkPhoneNumber('US', phone)).toMatchObject({ ok: false, code: 600051 });
    },
  );
});
