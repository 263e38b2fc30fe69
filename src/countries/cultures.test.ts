import { describe, expect, it } from 'vitest';
import type { CountryValidationRules } from '@/api/partner-center/resources';
import { partnerCenterCountryCodes } from '@/countries/countries';
import {
  canonicalCulture,
  cultureLabel,
  cultureOptions,
  cultureProblem,
  defaultCulture,
  languageOfCulture,
  supportedCultures,
} from '@/countries/cultures';

/** COUNTRY-RULES.md §8: the docs table's cultures for the registration-number countries. */
const registrationCountries: Record<string, string[]> = {
  AM: ['hy-AM', 'en-US'],
  AZ: ['az-Latn-AZ', 'en-US'],
  BY: ['be-BY', 'en-US'],
  HU: ['hu-HU', 'en-US'],
  KZ: ['kk-KZ', 'en-US'],
  KG: ['ky-KG', 'en-US'],
  MD: ['ro-RO', 'en-US'],
  TJ: ['tg-Cyrl-TJ', 'en-US'],
  UA: ['uk-UA', 'en-US'],
  IN: ['en-IN', 'hi-IN', 'en-US'],
  BR: ['pt-BR', 'en-US'],
  ZA: ['en-ZA', 'en-US'],
  PL: ['pl-PL', 'en-US'],
  AE: ['ar-AE', 'en-US'],
  RU: ['ru-RU', 'en-US'],
  UZ: ['uz-Latn-UZ', 'en-US'],
  SA: ['ar-SA', 'en-US'],
  TR: ['tr-TR', 'en-US'],
  TH: ['th-TH', 'en-US'],
  VN: ['vi-VN', 'en-US'],
  MM: ['en-US'],
  IQ: ['ar-IQ', 'en-US'],
  SS: ['en-US'],
  VE: ['es-VE', 'en-US'],
};

function rules(overrides: Partial<CountryValidationRules> = {}): CountryValidationRules {
  return {
    iso2Code: 'PT',
    defaultCulture: 'pt-PT',
    isStateRequired: false,
    supportedStatesList: [],
    supportedLanguagesList: ['en', 'pt-PT'],
    supportedCulturesList: ['pt-PT', 'en-US'],
    isPostalCodeRequired: true,
    postalCodeRegex: undefined,
    isCityRequired: true,
    isVatIdSupported: true,
    phoneNumberRegex: undefined,
    isPhoneNumberRequired: false,
    isRegistrationNumberRequired: false,
    registrationNumberRegex: undefined,
    ...overrides,
  };
}

describe('supportedCultures from the docs table', () => {
  it.each(Object.entries(registrationCountries))(
    '%s matches COUNTRY-RULES.md §8',
    (code, cultures) => {
      expect(supportedCultures(code)).toEqual(cultures);
    },
  );

  it('covers all 24 registration-number countries', () => {
    expect(Object.keys(registrationCountries)).toHaveLength(24);
  });

  it('gives Mozambique pt-PT only', () => {
    expect(supportedCultures('MZ')).toEqual(['pt-PT']);
    expect(canonicalCulture('MZ', 'en-US')).toBeUndefined();
  });

  it('supports en-US everywhere but Mozambique and Suriname', () => {
    const without = partnerCenterCountryCodes.filter(
      (code) => !supportedCultures(code).includes('en-US'),
    );
    // Suriname lists nl-NL only in every copy of the table found, though §8 expects en-US.
    expect(without).toEqual(['MZ', 'SR']);
  });

  it('lists en-US last wherever it is not the default', () => {
    for (const code of partnerCenterCountryCodes) {
      const cultures = supportedCultures(code);
      if (!cultures.includes('en-US') || cultures[0] === 'en-US') continue;
      expect(cultures.at(-1), code).toBe('en-US');
    }
    expect(supportedCultures('US')).toEqual(['en-US', 'es-US']);
  });

  it('spells every culture in BCP 47 case', () => {
    for (const code of partnerCenterCountryCodes) {
      for (const culture of supportedCultures(code)) {
        expect(culture).toMatch(/^[a-z]{2,3}(-[A-Z][a-z]{3})?-[A-Z]{2}$/);
      }
    }
  });

  it('looks countries up whatever their case or padding', () => {
    expect(supportedCultures(' hu ')).toEqual(['hu-HU', 'en-US']);
  });

  it('gives en-US for a country it does not know', () => {
    for (const unknown of ['ZZ', 'CU', '', 'Atlantis']) {
      expect(supportedCultures(unknown)).toEqual(['en-US']);
      expect(defaultCulture(unknown)).toBe('en-US');
    }
  });
});

describe("supportedCultures from Partner Center's rules", () => {
  it('prefers the rules to the static table', () => {
    const ruled = rules({ supportedCulturesList: ['en-US', 'pt-PT'], defaultCulture: 'pt-PT' });
    expect(supportedCultures('PT', ruled)).toEqual(['pt-PT', 'en-US']);
    expect(supportedCultures('PT', rules({ supportedCulturesList: ['pt-PT'] }))).toEqual(['pt-PT']);
  });

  it('puts the default culture first even when the list has it later', () => {
    const ruled = rules({
      iso2Code: 'CA',
      defaultCulture: 'en-US',
      supportedCulturesList: ['fr-CA', 'en-US'],
    });
    expect(supportedCultures('CA', ruled)).toEqual(['en-US', 'fr-CA']);
    expect(defaultCulture('CA', ruled)).toBe('en-US');
    expect(defaultCulture('CA')).toBe('fr-CA');
  });

  it('canonicalises casing and drops duplicates', () => {
    const ruled = rules({
      defaultCulture: 'PT-pt',
      supportedCulturesList: ['pt-PT', 'EN-us', 'en-US', ' AZ-latn-az '],
    });
    expect(supportedCultures('PT', ruled)).toEqual(['pt-PT', 'en-US', 'az-Latn-AZ']);
    expect(canonicalCulture('PT', 'en-us', ruled)).toBe('en-US');
  });

  it('keeps the list without a default culture', () => {
    const ruled = rules({ defaultCulture: undefined, supportedCulturesList: ['en-US', 'pt-PT'] });
    expect(supportedCultures('PT', ruled)).toEqual(['en-US', 'pt-PT']);
  });

  it('falls back to the table when the rules list no cultures', () => {
    expect(supportedCultures('PT', rules({ supportedCulturesList: [] }))).toEqual([
      'pt-PT',
      'en-US',
    ]);
    expect(supportedCultures('ZZ', rules({ iso2Code: 'ZZ', supportedCulturesList: [] }))).toEqual([
      'en-US',
    ]);
  });

  it('ignores rules fetched for another country', () => {
    const portugal = rules({ supportedCulturesList: ['pt-PT'] });
    expect(supportedCultures('HU', portugal)).toEqual(['hu-HU', 'en-US']);
    expect(supportedCultures('pt', portugal)).toEqual(['pt-PT']);
  });

  it('teaches a country the table does not know', () => {
    const ruled = rules({
      iso2Code: 'QZ',
      defaultCulture: 'fr-FR',
      supportedCulturesList: ['fr-FR'],
    });
    expect(supportedCultures('QZ', ruled)).toEqual(['fr-FR']);
  });
});

describe('canonicalCulture', () => {
  it('matches without case and hands back the listed spelling', () => {
    expect(canonicalCulture('US', 'EN-us')).toBe('en-US');
    expect(canonicalCulture('AZ', 'AZ-LATN-az')).toBe('az-Latn-AZ');
    expect(canonicalCulture('HU', ' hu-hu ')).toBe('hu-HU');
  });

  it('gives undefined for a culture the country does not support', () => {
    expect(canonicalCulture('HU', 'de-DE')).toBeUndefined();
    expect(canonicalCulture('HU', 'hu')).toBeUndefined();
    expect(canonicalCulture('HU', '')).toBeUndefined();
    expect(canonicalCulture('AZ', 'az-AZ')).toBeUndefined();
  });
});

describe('languageOfCulture', () => {
  it('takes the primary subtag in lower case', () => {
    expect(languageOfCulture('az-Latn-AZ')).toBe('az');
    expect(languageOfCulture('tg-Cyrl-TJ')).toBe('tg');
    expect(languageOfCulture('EN-US')).toBe('en');
    expect(languageOfCulture('pt-PT')).toBe('pt');
  });

  it('copes with bare languages, underscores and blanks', () => {
    expect(languageOfCulture('Fr')).toBe('fr');
    expect(languageOfCulture('en_GB')).toBe('en');
    expect(languageOfCulture(' ')).toBe('');
  });
});

describe('cultureLabel', () => {
  it('names cultures in English by default', () => {
    expect(cultureLabel('en-US')).toBe('English (United States)');
    expect(cultureLabel('hu-HU')).toBe('Hungarian (Hungary)');
    expect(cultureLabel('az-Latn-AZ')).toBe('Azerbaijani (Latin, Azerbaijan)');
  });

  it("names cultures in the user's language", () => {
    expect(cultureLabel('en-US', 'de')).toBe('Englisch (Vereinigte Staaten)');
    expect(cultureLabel('pt-PT', 'pt-BR')).toMatch(/^português \(Portugal\)$/i);
  });

  it('falls back to the code for anything Intl rejects', () => {
    expect(cultureLabel('en_US')).toBe('en_US');
    expect(cultureLabel('not a culture')).toBe('not a culture');
    expect(cultureLabel('')).toBe('');
  });

  it('falls back to English for a malformed locale', () => {
    expect(cultureLabel('en-US', 'not a locale')).toBe('English (United States)');
  });
});

describe('cultureOptions', () => {
  it('lists the default first, in list order', () => {
    expect(cultureOptions('IN')).toEqual([
      { culture: 'en-IN', label: 'English (India)' },
      { culture: 'hi-IN', label: 'Hindi (India)' },
      { culture: 'en-US', label: 'English (United States)' },
    ]);
  });

  it("labels in the user's language and follows the rules", () => {
    const ruled = rules({ supportedCulturesList: ['en-US', 'pt-PT'], defaultCulture: 'pt-PT' });
    expect(cultureOptions('PT', 'de', ruled).map((option) => option.label)).toEqual([
      'Portugiesisch (Portugal)',
      'Englisch (Vereinigte Staaten)',
    ]);
  });
});

describe('cultureProblem', () => {
  it('is undefined for a supported culture, in any case', () => {
    expect(cultureProblem('HU', 'hu-HU')).toBeUndefined();
    expect(cultureProblem('HU', 'EN-US')).toBeUndefined();
    expect(cultureProblem('MZ', 'pt-pt')).toBeUndefined();
  });

  it('names what Partner Center supports, in a plain sentence', () => {
    expect(cultureProblem('HU', 'de-DE')).toBe(
      'Partner Center supports Hungarian (Hungary) and English (United States) for customers in Hungary.',
    );
    expect(cultureProblem('IN', 'fr-FR')).toBe(
      'Partner Center supports English (India), Hindi (India), and English (United States) for customers in India.',
    );
  });

  it('says "only" when there is one culture', () => {
    expect(cultureProblem('MZ', 'en-US')).toBe(
      'Partner Center supports only Portuguese (Portugal) for customers in Mozambique.',
    );
  });

  it('asks for a culture when none is given', () => {
    expect(cultureProblem('HU', ' ')).toBe(
      'Choose a culture. Partner Center supports Hungarian (Hungary) and English (United States) for customers in Hungary.',
    );
  });

  it("follows Partner Center's rules", () => {
    const ruled = rules({ supportedCulturesList: ['pt-PT'], defaultCulture: 'pt-PT' });
    expect(cultureProblem('PT', 'en-US')).toBeUndefined();
    expect(cultureProblem('PT', 'en-US', ruled)).toBe(
      'Partner Center supports only Portuguese (Portugal) for customers in Portugal.',
    );
  });

  it('writes sentences without codes or jargon', () => {
    for (const code of ['AZ', 'CH', 'ES', 'XJ', 'AN', 'SR']) {
      const problem = cultureProblem(code, 'xx-XX') ?? '';
      expect(problem).toMatch(/^Partner Center supports [^.]+ for customers in [^.]+\.$/);
      expect(problem).not.toMatch(/\b[a-z]{2}-[A-Z]{2}\b/);
    }
  });
});
