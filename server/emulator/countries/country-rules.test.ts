import { allLocales } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import {
  countryName,
  countryNames,
  countryValidationRules,
  validationRuleCountries,
} from './country-rules.ts';
import { registrationNumberCountries, registrationNumberPattern } from './registration-numbers.ts';
import { seedCountries } from './seed-countries.ts';

const required = [
  ...registrationNumberCountries,
  ...'US CA GB IE DE AT CH FR BE NL LU DK SE NO FI ES PT IT GR CZ RO JP KR CN SG AU NZ MX AR CL IL EG NG KE'.split(
    ' ',
  ),
];

describe('seedCountries', () => {
  it('covers the required countries once each, 45 or more', () => {
    const codes = seedCountries.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(45);
    for (const code of required) expect(codes).toContain(code);
  });

  it('weights every country, the big markets heavily', () => {
    const heavy = new Set('US GB DE FR IN BR CA AU NL'.split(' '));
    const weight = (code: string) => seedCountries.find((country) => country.code === code)!.weight;
    for (const country of seedCountries) expect(country.weight).toBeGreaterThan(0);
    const light = Math.max(
      ...seedCountries
        .filter((country) => !heavy.has(country.code))
        .map((country) => country.weight),
    );
    for (const code of heavy) {
      expect(weight(code)).toBeGreaterThan(light);
    }
  });

  it.each(seedCountries.map((country) => [country.code, country] as const))(
    '%s: faker locale, culture and language are ones the rules know',
    (_code, country) => {
      expect(Object.keys(allLocales)).toContain(country.fakerLocale);
      const rules = countryValidationRules(country.code)!;
      expect(rules.supportedCulturesList).toContain(country.culture);
      expect(rules.supportedLanguagesList).toContain(country.language);
      expect(country.culture.split('-')[0]).toBe(country.language);
    },
  );

  it.each(seedCountries.map((country) => [country.code, country] as const))(
    '%s: four or more places, each satisfying its country’s rules',
    (code, country) => {
      const rules = countryValidationRules(code)!;
      expect(country.places.length).toBeGreaterThanOrEqual(4);
      const postal = rules.postalCodeRegex ? new RegExp(rules.postalCodeRegex) : undefined;
      for (const place of country.places) {
        expect(place.city.trim(), code).toBe(place.city);
        expect(place.city.length).toBeGreaterThan(1);
        expect(place.addressLine1).toMatch(/\d/);
        expect(place.addressLine1.length).toBeLessThanOrEqual(200);
        if (rules.isPostalCodeRequired) expect(place.postalCode, place.city).toBeDefined();
        if (place.postalCode) {
          expect(postal, `${code} has no postal codes`).toBeDefined();
          expect(place.postalCode).toMatch(postal!);
        }
        if (rules.isStateRequired) expect(rules.supportedStatesList).toContain(place.state);
        else expect(place.state, `${code} has no state list`).toBeUndefined();
      }
    },
  );
});

describe('countryValidationRules', () => {
  it('knows every seed country and every one of the 24, case-insensitively', () => {
    for (const code of [...seedCountries.map((country) => country.code), ...required]) {
      expect(countryValidationRules(code)?.iso2Code, code).toBe(code);
      expect(countryValidationRules(` ${code.toLowerCase()} `)?.iso2Code).toBe(code);
      expect(validationRuleCountries).toContain(code);
    }
    expect(countryValidationRules('XX')).toBeUndefined();
    expect(countryValidationRules('')).toBeUndefined();
  });

  it.each([...validationRuleCountries])('%s: a consistent, compilable rule set', (code) => {
    const rules = countryValidationRules(code)!;
    expect(rules.supportedCulturesList[0]).toBe(rules.defaultCulture);
    expect(rules.supportedLanguagesList).toEqual([
      ...new Set(rules.supportedCulturesList.map((culture) => culture.split('-')[0])),
    ]);
    expect(rules.supportedCulturesList).toContain('en-US');
    expect(() => new RegExp(rules.postalCodeRegex)).not.toThrow();
    expect(() => new RegExp(rules.phoneNumberRegex)).not.toThrow();
    expect(() => new RegExp(rules.registrationNumberRegex)).not.toThrow();
    expect(rules.isStateRequired).toBe(rules.supportedStatesList.length > 0);
    expect(new Set(rules.supportedStatesList).size).toBe(rules.supportedStatesList.length);
    if (rules.isPostalCodeRequired) expect(rules.postalCodeRegex).not.toBe('');
    const inThe24 = registrationNumberCountries.includes(code);
    expect(rules.isRegistrationNumberRequired).toBe(inThe24);
    expect(rules.isPhoneNumberRequired).toBe(inThe24);
    expect(rules.registrationNumberRegex).toBe(registrationNumberPattern(code)?.source ?? '');
  });

  it('uses the cultures of COUNTRY-RULES.md §8 for the 24', () => {
    expect(countryValidationRules('MD')?.supportedCulturesList).toEqual(['ro-RO', 'en-US']);
    expect(countryValidationRules('AZ')?.supportedCulturesList).toEqual(['az-Latn-AZ', 'en-US']);
    expect(countryValidationRules('AZ')?.supportedLanguagesList).toEqual(['az', 'en']);
    expect(countryValidationRules('IN')?.supportedCulturesList).toEqual([
      'en-IN',
      'hi-IN',
      'en-US',
    ]);
    expect(countryValidationRules('MM')?.supportedCulturesList).toEqual(['en-US']);
    expect(countryValidationRules('SS')?.defaultCulture).toBe('en-US');
  });

  it('matches Partner Center’s published PT and US samples', () => {
    const pt = countryValidationRules('PT')!;
    expect(pt).toMatchObject({
      defaultCulture: 'pt-PT',
      postalCodeRegex: '^\\d{4}(-\\d{3})?$',
      isStateRequired: false,
      isCityRequired: true,
    });
    const us = countryValidationRules('US')!;
    expect(us.phoneNumberRegex).toBe(
      '^(1[\\-\\/\\.]?)?(\\((\\d{3})\\)|(\\d{3}))[\\-\\/\\.]?(\\d{3})[\\-\\/\\.]?(\\d{4})$',
    );
    expect('4255550101').toMatch(new RegExp(us.phoneNumberRegex));
    expect('+14255550101').not.toMatch(new RegExp(us.phoneNumberRegex));
  });

  it('carries full state lists where the state is required', () => {
    const states = (code: string) => countryValidationRules(code)!.supportedStatesList;
    expect(states('US')).toHaveLength(51);
    expect(states('US')).toEqual(expect.arrayContaining(['WA', 'DC', 'NY', 'AK', 'HI']));
    for (const state of states('US')) expect(state).toMatch(/^[A-Z]{2}$/);
    expect(states('CA')).toHaveLength(13);
    expect(states('BR')).toHaveLength(27);
    expect(states('IN')).toHaveLength(36);
    expect(states('MX')).toHaveLength(32);
    expect(states('CN')).toHaveLength(31);
    expect(states('AU')).toHaveLength(8);
    expect(states('JP')).toHaveLength(47);
    expect(states('AE')).toHaveLength(7);
    expect(states('IQ')).toHaveLength(18);
    expect(states('VE')).toHaveLength(25);
    for (const code of ['US', 'CA', 'MX', 'CN', 'BR', 'IN']) {
      expect(countryValidationRules(code)?.isStateRequired, code).toBe(true);
    }
    expect(countryValidationRules('DE')?.isStateRequired).toBe(false);
  });

  it('has no postal codes for AE and SS', () => {
    for (const code of ['AE', 'SS']) {
      expect(countryValidationRules(code)).toMatchObject({
        postalCodeRegex: '',
        isPostalCodeRequired: false,
      });
    }
  });
});

describe('country names', () => {
  it('names every country with rules in English', () => {
    expect(countryNames.US).toBe('United States');
    expect(countryNames.TR).toBe('Türkiye');
    for (const code of validationRuleCountries) {
      expect(countryNames[code], code).toBeDefined();
      expect(countryNames[code]).not.toBe(code);
    }
  });

  it('falls back to the code, and knows Partner Center’s own codes', () => {
    expect(countryName('de')).toBe('Germany');
    expect(countryName('XJ')).toBe('Jan Mayen');
    expect(countryName('AN')).toBe('Netherlands Antilles');
    expect(countryName('ZZ')).toBe('ZZ');
    expect(countryName('not a code')).toBe('not a code');
  });
});
