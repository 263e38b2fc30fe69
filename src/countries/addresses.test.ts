import { describe, expect, it } from 'vitest';
import {
  countryValidationRulesSchema,
  type CountryValidationRules,
} from '@/api/partner-center/resources';
import { addressRules, matchState, validatePostalCode } from '@/countries/addresses';
import { countryInSentence, countryName } from '@/countries/countries';

/** Characters that would betray a regex leaking into a message meant for people. */
const regexCharacters = /[\\^$[\]{}|*?+]/;

function rules(input: Partial<Record<string, unknown>> & { iso2Code: string }) {
  return countryValidationRulesSchema.parse(input);
}

interface PostalCase {
  /** Typed value → what is sent. */
  valid: Record<string, string>;
  invalid: string[];
  required: boolean;
  example?: string;
}

// Each country: the canonical form, then the reshaped and prefixed typings people use.
const postal: Record<string, PostalCase> = {
  AM: {
    valid: { '375010': '375010', '0010': '0010', '375 010': '375010', 'AM-0010': '0010' },
    invalid: ['12345', '3750100'],
    required: false,
    example: '375010',
  },
  AZ: {
    valid: { '1000': '1000', 'AZ 1000': '1000', az1000: '1000', 'AZ-1000': '1000' },
    invalid: ['10000', 'AZ 100'],
    required: false,
  },
  BY: {
    valid: { '223016': '223016', '223 016': '223016', 'BY-223016': '223016' },
    invalid: ['22301'],
    required: false,
  },
  HU: {
    valid: { '1037': '1037', 'HU-1037': '1037', ' 1037 ': '1037' },
    invalid: ['103', '10370'],
    required: true,
    example: '1037',
  },
  KZ: {
    valid: { '040900': '040900', '040 900': '040900', 'KZ 040900': '040900' },
    invalid: ['40900'],
    required: false,
  },
  KG: { valid: { '720001': '720001', 'KG 720001': '720001' }, invalid: ['7200'], required: false },
  MD: {
    valid: { '2012': '2012', 'MD-2012': '2012', 'md 2012': '2012', MD2012: '2012' },
    invalid: ['20123', 'MD-201'],
    required: false,
  },
  RU: {
    valid: { '247112': '247112', '247 112': '247112', '１２３４５６': '123456' },
    invalid: ['24711', 'ABC123'],
    required: true,
    example: '247112',
  },
  TJ: { valid: { '735450': '735450', '735-450': '735450' }, invalid: ['ABC123'], required: false },
  UZ: { valid: { '702100': '702100', 'UZ 702100': '702100' }, invalid: ['7021'], required: false },
  UA: {
    valid: { '15432': '15432', '15 432': '15432', 'UA-01001': '01001' },
    invalid: ['1543'],
    required: true,
  },
  IN: {
    valid: { '110034': '110034', '110 034': '110034' },
    invalid: ['11003', '1100345'],
    required: true,
  },
  BR: {
    valid: { '40301-110': '40301-110', '40301110': '40301-110', '4030-1110': '40301-110' },
    invalid: ['4030111', '403011100'],
    required: true,
    example: '40301-110',
  },
  ZA: { valid: { '0083': '0083', 'ZA 0083': '0083' }, invalid: ['00831', '83'], required: true },
  PL: {
    valid: {
      '00-950': '00-950',
      '00950': '00-950',
      '00 950': '00-950',
      'PL 00-950': '00-950',
      '00–950': '00-950',
    },
    invalid: ['0095', '00-9500'],
    required: true,
    example: '00-950',
  },
  AE: { valid: { '': '', '12345': '12345' }, invalid: [], required: false },
  SA: { valid: { '11564': '11564', '11 564': '11564' }, invalid: ['1156'], required: false },
  TR: { valid: { '01960': '01960', '01 960': '01960' }, invalid: ['1960'], required: true },
  TH: { valid: { '10150': '10150', 'TH-10150': '10150' }, invalid: ['1015'], required: false },
  VN: { valid: { '70010': '70010', '700000': '700000' }, invalid: ['7001'], required: false },
  MM: { valid: { '11181': '11181', 'MM 11181': '11181' }, invalid: ['1118'], required: false },
  IQ: { valid: { '31001': '31001', '31 001': '31001' }, invalid: ['3100'], required: false },
  SS: { valid: { '': '', 'Juba 1': 'JUBA 1' }, invalid: [], required: false },
  VE: { valid: { '1010': '1010', 'VE 1010': '1010' }, invalid: ['101'], required: false },
  US: {
    valid: { '95014': '95014', '95014-1234': '95014-1234', 'US 95014': '95014' },
    invalid: ['9501', '950141'],
    required: true,
    example: '95014',
  },
  GB: {
    valid: { 'SW1A 1AA': 'SW1A 1AA', sw1a1aa: 'SW1A 1AA', 'M1 1AE': 'M1 1AE', m11ae: 'M11AE' },
    invalid: ['SW1A 1A', '12345'],
    required: true,
  },
  DE: {
    valid: { '10115': '10115', 'DE-10115': '10115', ' 10115': '10115' },
    invalid: ['1011', '101155'],
    required: true,
  },
  FR: { valid: { '75008': '75008', '75 008': '75008' }, invalid: ['7500'], required: true },
  JP: {
    valid: { '100-0001': '100-0001', '1000001': '100-0001', '〒100-0001': '100-0001' },
    invalid: ['100-001', '10000011'],
    required: true,
    example: '154-0023',
  },
  AU: { valid: { '2000': '2000', 'AU 2000': '2000' }, invalid: ['200', '20000'], required: true },
  CA: {
    valid: { 'K1A 0B1': 'K1A 0B1', k1a0b1: 'K1A 0B1', 'K1A-0B1': 'K1A 0B1' },
    invalid: ['D1A 0B1', 'K1A 0B'],
    required: true,
    example: 'H3Z 2Y7',
  },
};

const the24 = 'AM AZ BY HU KZ KG MD RU TJ UZ UA IN BR ZA PL AE SA TR TH VN MM IQ SS VE'.split(' ');
const the7 = 'US GB DE FR JP AU CA'.split(' ');

describe('validatePostalCode, static data', () => {
  it('covers the 24 registration-number countries and the seven others', () => {
    expect(Object.keys(postal).sort()).toEqual([...the24, ...the7].sort());
  });

  describe.each(Object.entries(postal))('%s', (code, expected) => {
    it.each(Object.entries(expected.valid))('accepts %j as %j', (typed, sent) => {
      expect(validatePostalCode(code, typed)).toEqual({ valid: true, normalized: sent });
    });

    if (expected.invalid.length > 0) {
      it.each(expected.invalid)('refuses %j in a plain sentence', (typed) => {
        const result = validatePostalCode(code, typed);
        expect(result.valid).toBe(false);
        if (result.valid) return;
        expect(result.message).toContain(countryInSentence(code));
        expect(result.message).not.toMatch(regexCharacters);
        const example = addressRules(code).postalCodeExample;
        expect(example).toBeDefined();
        expect(result.message).toContain(`looks like ${example}.`);
      });
    }

    it(`is ${expected.required ? 'required' : 'optional'}`, () => {
      expect(addressRules(code).postalCodeRequired).toBe(expected.required);
      const blank = validatePostalCode(code, '  ');
      if (expected.required) {
        expect(blank.valid).toBe(false);
        if (blank.valid) return;
        expect(blank.message).toContain(countryInSentence(code));
        expect(blank.message).not.toMatch(regexCharacters);
      } else {
        expect(blank).toEqual({ valid: true, normalized: '' });
      }
    });

    if (expected.example) {
      it(`gives ${expected.example} as the example`, () => {
        expect(addressRules(code).postalCodeExample).toBe(expected.example);
      });
    }
  });

  it('words messages as sentences that name the country and show the example', () => {
    expect(validatePostalCode('PL', '123')).toEqual({
      valid: false,
      message:
        'This postal code is not valid in Poland. A postal code in Poland looks like 00-950.',
    });
    expect(validatePostalCode('PL', '')).toEqual({
      valid: false,
      message:
        'Enter the postal code: addresses in Poland need one. A postal code in Poland looks like 00-950.',
    });
    expect(validatePostalCode('US', 'abc')).toEqual({
      valid: false,
      message:
        'This ZIP code is not valid in the United States. A ZIP code in the United States looks like 95014.',
    });
    expect(validatePostalCode('IN', '1')).toMatchObject({
      message: expect.stringContaining('A PIN code in India looks like 110034.'),
    });
  });

  it("uses the country's own name for the postal code", () => {
    expect(validatePostalCode('IE', 'A65 F4E')).toEqual({
      valid: false,
      message: 'This Eircode is not valid in Ireland. An Eircode in Ireland looks like A65 F4E2.',
    });
    expect(validatePostalCode('IE', 'a65f4e2')).toEqual({ valid: true, normalized: 'A65 F4E2' });
    expect(validatePostalCode('JP', '〒1000001')).toEqual({ valid: true, normalized: '100-0001' });
  });

  it('keeps a prefix that is part of the code itself (Andorra)', () => {
    expect(validatePostalCode('AD', 'ad100')).toEqual({ valid: true, normalized: 'AD100' });
    expect(validatePostalCode('LU', 'L-1234')).toEqual({ valid: true, normalized: '1234' });
  });

  it('has no postal code in the UAE and South Sudan, and does not let postcode-validator throw', () => {
    for (const code of ['AE', 'SS']) {
      expect(addressRules(code).usesPostalCode).toBe(false);
      expect(() => validatePostalCode(code, 'anything')).not.toThrow();
    }
  });

  it('limits a postal code to 20 characters', () => {
    expect(validatePostalCode('AE', 'x'.repeat(21)).valid).toBe(false);
  });
});

describe('addressRules, static data', () => {
  it('requires the phone number in the 24 registration-number countries only', () => {
    for (const code of the24) expect(addressRules(code).phoneRequired, code).toBe(true);
    for (const code of the7) expect(addressRules(code).phoneRequired, code).toBe(false);
  });

  it('reads required fields, labels and the state list from Google data', () => {
    const us = addressRules('us');
    expect(us).toMatchObject({
      country: 'US',
      source: 'static',
      cityRequired: true,
      usesState: true,
      stateRequired: true,
      stateLabel: 'State',
      statesStrict: false,
      usesPostalCode: true,
      postalCodeRequired: true,
      postalCodeLabel: 'ZIP code',
      postalCodeExample: '95014',
    });
    expect(us.states).toContainEqual({ value: 'CA', label: 'California' });
    expect(us.phoneNumberRegex).toBeUndefined();

    expect(addressRules('RU')).toMatchObject({ stateLabel: 'Oblast', stateRequired: true });
    expect(addressRules('AE')).toMatchObject({
      stateLabel: 'Emirate',
      stateRequired: true,
      cityRequired: false,
      usesPostalCode: false,
    });
    expect(addressRules('AE').states).toContainEqual({
      value: 'Dubai',
      label: 'Dubai (دبي)',
    });
    expect(addressRules('JP').states[0]).toEqual({ value: 'Hokkaido', label: 'Hokkaido (北海道)' });
    expect(addressRules('JP').stateLabel).toBe('Prefecture');
    expect(addressRules('BR').states).toContainEqual({ value: 'SP', label: 'São Paulo' });
    expect(addressRules('IN').postalCodeLabel).toBe('PIN code');
    expect(addressRules('GB')).toMatchObject({ usesState: false, stateRequired: false });
    expect(addressRules('CN').usesDistrict).toBe(true);
  });

  it('orders the fields as the country writes them, in its Latin format', () => {
    const order = (country: string) => addressRules(country).fieldOrder;
    expect(order('PL')).toEqual(['addressLine1', 'postalCode', 'city']);
    expect(order('US')).toEqual(['addressLine1', 'city', 'state', 'postalCode']);
    expect(order('JP')).toEqual(['addressLine1', 'state', 'postalCode']);
    expect(order('CN')).toEqual(['addressLine1', 'district', 'city', 'state', 'postalCode']);
    expect(order('BR')).toEqual(['addressLine1', 'district', 'city', 'state', 'postalCode']);
    expect(order('AE')).toEqual(['addressLine1', 'state']);
    expect(order('GB')).toEqual(['addressLine1', 'city', 'postalCode']);
  });

  it('names the city and the district as the country does', () => {
    expect(addressRules('GB').cityLabel).toBe('Post town');
    expect(addressRules('HK').cityLabel).toBe('District');
    expect(addressRules('DE').cityLabel).toBe('City');
    expect(addressRules('BR').districtLabel).toBe('Neighborhood');
    expect(addressRules('IE').districtLabel).toBe('Townland');
    expect(addressRules('KR').districtLabel).toBe('District');
  });

  it('adds a field the format lacks where Partner Center requires it, after the others', () => {
    const strict = rules({ iso2Code: 'SG', isCityRequired: true, isStateRequired: true });
    expect(addressRules('SG', strict).fieldOrder).toEqual([
      'addressLine1',
      'postalCode',
      'city',
      'state',
    ]);
  });

  it('falls back to Google’s defaults for a country Google does not know', () => {
    expect(addressRules('XJ')).toMatchObject({
      country: 'XJ',
      cityRequired: true,
      usesState: false,
      usesPostalCode: false,
      states: [],
    });
  });
});

describe('matchState', () => {
  it('matches value or label, whatever the case, accents or script', () => {
    expect(matchState('US', 'california')).toEqual({ valid: true, normalized: 'CA' });
    expect(matchState('US', 'ca')).toEqual({ valid: true, normalized: 'CA' });
    expect(matchState('BR', 'sao paulo')).toEqual({ valid: true, normalized: 'SP' });
    expect(matchState('JP', '北海道')).toEqual({ valid: true, normalized: 'Hokkaido' });
    expect(matchState('JP', 'HOKKAIDO')).toEqual({ valid: true, normalized: 'Hokkaido' });
    expect(matchState('AE', 'Ras Al-Khaimah')).toEqual({
      valid: true,
      normalized: 'Ras al Khaimah',
    });
    expect(matchState('IN', 'Jammu & Kashmir')).toEqual({
      valid: true,
      normalized: 'Jammu and Kashmir',
    });
  });

  it('accepts free text against Google’s list, which is only a suggestion', () => {
    expect(matchState('VE', 'La Guaira')).toEqual({ valid: true, normalized: 'La Guaira' });
    expect(matchState('GB', ' Greater  London ')).toEqual({
      valid: true,
      normalized: 'Greater London',
    });
  });

  it('refuses a blank state where it is required, in a sentence', () => {
    const result = matchState('RU', ' ');
    expect(result).toEqual({
      valid: false,
      message: 'Choose the oblast: it is required for addresses in Russia.',
    });
    expect(matchState('GB', '')).toEqual({ valid: true, normalized: '' });
  });
});

describe("Partner Center's rules over the static data", () => {
  const japan = rules({
    iso2Code: 'JP',
    isStateRequired: true,
    supportedStatesList: ['Hokkaido', 'Tokyo', 'Osaka'],
    isPostalCodeRequired: true,
    postalCodeRegex: '^\\d{3}-?\\d{4}$',
    isCityRequired: true,
  });

  it('makes its state list strict, labelled from the static data', () => {
    const result = addressRules('JP', japan);
    expect(result.source).toBe('partner-center');
    expect(result.statesStrict).toBe(true);
    expect(result.states).toEqual([
      { value: 'Hokkaido', label: 'Hokkaido (北海道)' },
      { value: 'Tokyo', label: 'Tokyo (東京都)' },
      { value: 'Osaka', label: 'Osaka (大阪府)' },
    ]);
    expect(result.cityRequired).toBe(true);
    expect(matchState('JP', '東京都', japan)).toEqual({ valid: true, normalized: 'Tokyo' });
    const refused = matchState('JP', 'Kyoto', japan);
    expect(refused.valid).toBe(false);
    if (refused.valid) return;
    expect(refused.message).toBe(
      'Partner Center does not know this prefecture of Japan; choose one from the list.',
    );
    // The same value is free text without Partner Center's list.
    expect(matchState('JP', 'Atlantis')).toEqual({ valid: true, normalized: 'Atlantis' });
  });

  it("sends Partner Center's own spelling", () => {
    const brazil = rules({ iso2Code: 'BR', isStateRequired: true, supportedStatesList: ['SP'] });
    expect(addressRules('BR', brazil).states).toEqual([{ value: 'SP', label: 'São Paulo' }]);
    expect(matchState('BR', 'São Paulo', brazil)).toEqual({ valid: true, normalized: 'SP' });
    const emirates = rules({ iso2Code: 'AE', supportedStatesList: ['Ras Al Khaimah'] });
    expect(matchState('AE', 'ras al khaimah', emirates)).toEqual({
      valid: true,
      normalized: 'Ras Al Khaimah',
    });
    expect(addressRules('AE', emirates).states[0]?.label).toBe('Ras al Khaimah (رأس الخيمة)');
  });

  it('requires a postal code where the static data says optional', () => {
    expect(validatePostalCode('AM', '')).toEqual({ valid: true, normalized: '' });
    const armenia = rules({ iso2Code: 'AM', isPostalCodeRequired: true });
    expect(addressRules('AM', armenia).postalCodeRequired).toBe(true);
    const result = validatePostalCode('AM', '', armenia);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.message).toContain('Armenia');
    expect(result.message).toContain('375010');
  });

  it('and the other way round, and for the city', () => {
    const hungary = rules({ iso2Code: 'HU', isPostalCodeRequired: false, isCityRequired: false });
    expect(addressRules('HU', hungary)).toMatchObject({
      postalCodeRequired: false,
      cityRequired: false,
    });
    expect(validatePostalCode('HU', '', hungary)).toEqual({ valid: true, normalized: '' });
  });

  it('tests postal codes against its regex, reshaping to the example where that helps', () => {
    const portugal = rules({
      iso2Code: 'PT',
      postalCodeRegex: '^\\d{4}(-\\d{3})?$',
      isPostalCodeRequired: true,
      isCityRequired: true,
    });
    expect(validatePostalCode('PT', '1000', portugal)).toEqual({ valid: true, normalized: '1000' });
    expect(validatePostalCode('PT', '1000001', portugal)).toEqual({
      valid: true,
      normalized: '1000-001',
    });
    expect(validatePostalCode('PT', '10000', portugal).valid).toBe(false);

    // A country without postal codes in the static data still gets Partner Center's pattern.
    const emirates = rules({ iso2Code: 'AE', postalCodeRegex: '^\\d{5}$' });
    expect(addressRules('AE', emirates).usesPostalCode).toBe(true);
    const refused = validatePostalCode('AE', '1234', emirates);
    expect(refused.valid).toBe(false);
    if (refused.valid) return;
    expect(refused.message).toBe('This postal code is not valid in the United Arab Emirates.');
    // Stricter than the static data: Poland's regex without the hyphen.
    const poland = rules({ iso2Code: 'PL', postalCodeRegex: '^\\d{5}$' });
    expect(validatePostalCode('PL', '00-950', poland)).toEqual({
      valid: true,
      normalized: '00950',
    });
  });

  it('falls back to the static data when its regex does not compile', () => {
    const broken = rules({ iso2Code: 'PL', postalCodeRegex: '(?i)^\\d{2}-\\d{3}$' });
    expect(() => validatePostalCode('PL', '00950', broken)).not.toThrow();
    expect(validatePostalCode('PL', '00950', broken)).toEqual({
      valid: true,
      normalized: '00-950',
    });
    expect(validatePostalCode('PL', '123', broken).valid).toBe(false);
  });

  it('carries its phone regex and phone requirement', () => {
    const germany = rules({
      iso2Code: 'DE',
      isPhoneNumberRequired: true,
      phoneNumberRegex: '^\\d+$',
    });
    expect(addressRules('DE', germany)).toMatchObject({
      phoneRequired: true,
      phoneNumberRegex: '^\\d+$',
    });
  });

  it("ignores another country's rules", () => {
    const wrong: CountryValidationRules = rules({
      iso2Code: 'US',
      isStateRequired: true,
      supportedStatesList: ['WA'],
    });
    expect(addressRules('JP', wrong).source).toBe('static');
  });
});

describe('countryInSentence', () => {
  it('adds "the" where English does', () => {
    expect(countryInSentence('US')).toBe('the United States');
    expect(countryInSentence('GB')).toBe('the United Kingdom');
    expect(countryInSentence('NL')).toBe('the Netherlands');
    expect(countryInSentence('PL')).toBe('Poland');
    expect(countryInSentence('RU')).toBe(countryName('RU'));
  });
});
