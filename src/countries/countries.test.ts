import { describe, expect, it } from 'vitest';
import {
  countryCodeOf,
  countryName,
  countryOptions,
  isPartnerCenterCountry,
  partnerCenterCountryCodes,
  toCountryCode,
} from '@/countries/countries';
import { partnerCenterCountries } from '@/countries/partner-center-countries';

describe('partnerCenterCountryCodes', () => {
  it('has every row of the docs table, once, in code order', () => {
    expect(partnerCenterCountryCodes).toHaveLength(248);
    expect(new Set(partnerCenterCountryCodes).size).toBe(248);
    expect(partnerCenterCountryCodes).toEqual([...partnerCenterCountryCodes].sort());
  });

  it('keeps the data file itself in code order, so a diff against the docs stays readable', () => {
    const keys = Object.keys(partnerCenterCountries);
    expect(keys).toEqual([...keys].sort());
  });

  it('holds only two upper-case letters', () => {
    for (const code of partnerCenterCountryCodes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it("includes Partner Center's codes outside ISO 3166", () => {
    expect(partnerCenterCountryCodes).toEqual(
      expect.arrayContaining(['XJ', 'XS', 'XE', 'AN', 'XK']),
    );
  });

  it('leaves out the ISO countries the table omits', () => {
    for (const code of ['CU', 'IR', 'KP', 'SD', 'SY', 'EH']) {
      expect(partnerCenterCountryCodes).not.toContain(code);
      expect(isPartnerCenterCountry(code)).toBe(false);
    }
  });
});

describe('toCountryCode', () => {
  it('upper-cases and trims', () => {
    expect(toCountryCode(' de ')).toBe('DE');
    expect(toCountryCode('Us')).toBe('US');
  });

  it('gives an empty string for anything but two letters', () => {
    for (const garbage of ['', '   ', 'USA', 'D', '12', 'D3', 'é', 'ÄB', 'U S']) {
      expect(toCountryCode(garbage)).toBe('');
    }
  });
});

describe('isPartnerCenterCountry', () => {
  it('accepts any case and padding', () => {
    expect(isPartnerCenterCountry('hu')).toBe(true);
    expect(isPartnerCenterCountry(' XJ ')).toBe(true);
  });

  it('refuses garbage and codes Partner Center does not list', () => {
    for (const code of ['', 'ZZ', 'UK', 'USA', '--'])
      expect(isPartnerCenterCountry(code)).toBe(false);
  });
});

describe('countryName', () => {
  it('names countries from Intl in English by default', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('us')).toBe('United States');
    expect(countryName('AX')).toBe('Åland Islands');
  });

  it("names countries in the user's language", () => {
    expect(countryName('DE', 'de')).toBe('Deutschland');
    expect(countryName('AT', 'de')).toBe('Österreich');
    expect(countryName('FR', 'fr-FR')).toBe('France');
    expect(countryName('JP', 'ja')).toBe('日本');
  });

  it('follows current CLDR names rather than the docs table', () => {
    expect(countryName('TR')).toBe('Türkiye');
    expect(countryName('CZ')).toBe('Czechia');
    expect(countryName('MK')).toBe('North Macedonia');
  });

  it("names Partner Center's own codes, which CLDR does not", () => {
    expect(countryName('XJ')).toBe('Jan Mayen');
    expect(countryName('XS')).toBe('Saba');
    expect(countryName('XE')).toBe('Sint Eustatius');
    expect(countryName('XK')).toBe('Kosovo');
    expect(countryName('xj', 'de')).toBe('Jan Mayen');
  });

  it('keeps the Netherlands Antilles apart from Curaçao, which CLDR maps AN to', () => {
    expect(countryName('AN')).toBe('Netherlands Antilles');
    expect(countryName('AN', 'nl')).toBe('Netherlands Antilles');
    expect(countryName('AN')).not.toBe(countryName('CW'));
    expect(countryName('CW')).toBe('Curaçao');
  });

  it('hands garbage back trimmed rather than inventing a name', () => {
    expect(countryName('')).toBe('');
    expect(countryName('  ')).toBe('');
    expect(countryName(' Atlantis ')).toBe('Atlantis');
    expect(countryName('12')).toBe('12');
    expect(countryName('QM')).toBe('QM');
  });

  it('falls back to English for a malformed or unknown locale', () => {
    expect(countryName('DE', 'not a locale')).toBe('Germany');
    expect(countryName('DE', '')).toBe('Germany');
    expect(countryName('DE', 'x-unknown')).toBe('Germany');
  });
});

describe('countryOptions', () => {
  function names(locale?: string): string[] {
    return countryOptions(locale).map((option) => option.name);
  }

  it('offers every Partner Center country once, with its name', () => {
    const options = countryOptions();
    expect(options).toHaveLength(partnerCenterCountryCodes.length);
    expect(new Set(options.map((option) => option.code))).toEqual(
      new Set(partnerCenterCountryCodes),
    );
    expect(options).toContainEqual({ code: 'DE', name: 'Germany' });
    expect(options).toContainEqual({ code: 'AN', name: 'Netherlands Antilles' });
  });

  it("sorts by the locale's collation, accents with their base letter in English", () => {
    const english = names('en');
    expect(english.slice(0, 3)).toEqual(['Afghanistan', 'Åland Islands', 'Albania']);
    expect(english.at(-1)).toBe('Zimbabwe');
    // Côte d'Ivoire sorts as Cote, not after Z as a code-point sort would put it.
    expect(english.indexOf('Côte d’Ivoire')).toBeGreaterThan(english.indexOf('Costa Rica'));
    expect(english.indexOf('Côte d’Ivoire')).toBeLessThan(english.indexOf('Croatia'));
  });

  it('sorts German names by German collation: Österreich with the Os', () => {
    const german = names('de');
    const austria = german.indexOf('Österreich');
    expect(german[austria - 1]).toBe('Oman');
    expect(german[austria + 1]).toBe('Pakistan');
    expect(german[0]).toBe('Afghanistan');
  });

  it('sorts Swedish names by Swedish collation, where Ö comes after Z', () => {
    const swedish = names('sv');
    expect(swedish.indexOf('Österrike')).toBeGreaterThan(swedish.indexOf('Zimbabwe'));
  });

  it('does not throw for a malformed locale, and gives English', () => {
    expect(() => countryOptions('not a locale')).not.toThrow();
    expect(() => countryOptions('')).not.toThrow();
    expect(names('not a locale')).toEqual(names('en'));
  });
});

describe('countryCodeOf', () => {
  it('reads a country by its code, in any case, or its English name', () => {
    expect(['pl', 'PL ', 'Poland', 'united states'].map(countryCodeOf)).toEqual([
      'PL',
      'PL',
      'PL',
      'US',
    ]);
    expect(countryCodeOf('Polska')).toBe(undefined);
    expect(countryCodeOf('ZZ')).toBe(undefined);
  });
});
