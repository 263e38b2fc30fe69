import { describe, expect, it } from 'vitest';
import { countryInSentence } from '@/countries/countries';
import { checkDigitKinds, checkDigitPositions } from '@/countries/registration-number-generators';
import { registrationNumberDefinitions } from '@/countries/registration-number-kinds';
import {
  normalizeRegistrationNumber,
  registrationNumberCountries,
  registrationNumberRule,
  requiresRegistrationNumber,
  validateRegistrationNumber,
} from '@/countries/registration-numbers';

interface Sample {
  /** As the source writes it. */
  typed: string;
  normalized: string;
  kind: string;
}

function sample(typed: string, kind: string, normalized = typed): Sample {
  return { typed, normalized, kind };
}

/**
 * Known-valid numbers: the COUNTRY-RULES.md example first, then more from public sources
 * (python-stdnum's doctests and tests, "found online"), as those sources write them. Where no
 * real number was found (TJ, MM, IQ, SS, the Ukrainian IPN, the South African VAT number)
 * the entry is a format illustration and says so.
 */
const samples: Readonly<Record<string, readonly Sample[]>> = {
  // Stripe's format example, not verified as real; no other number was found.
  AM: [sample('02538904', 'HVHH')],
  AZ: [
    sample('1401555071', 'VÖEN'),
    sample('140 155 5071', 'VÖEN', '1401555071'),
    sample('1400057421', 'VÖEN'),
    sample('300725012', 'VÖEN', '0300725012'),
  ],
  BY: [
    sample('200988541', 'UNP'),
    sample('УНП MA1953684', 'UNP', 'MA1953684'),
    sample('МА1953684', 'UNP', 'MA1953684'),
    sample('591705582', 'UNP'),
  ],
  HU: [
    sample('12892312', 'adószám'),
    sample('HU-12892312', 'adószám', '12892312'),
    sample('HU 10672101', 'adószám', '10672101'),
    // OTP Bank Nyrt., as printed on its documents.
    sample('10537914-4-44', 'adószám', '10537914444'),
  ],
  KZ: [
    sample('940140000385', 'BIN'),
    sample('990 140 004 654', 'BIN', '990140004654'),
    sample('171140900016', 'BIN'),
    // From the README of tlgtaa/py-kz-validators.
    sample('791028302728', 'IIN'),
  ],
  // ГП «Спецсвязь», Bishkek, from its public contact page.
  KG: [sample('03003199410053', 'INN')],
  MD: [sample('1008600038413', 'IDNO'), sample('1003600004015', 'IDNO')],
  RU: [sample('0273074555', 'INN'), sample('7728127936', 'INN'), sample('005826107187', 'INN')],
  TJ: [sample('123456789', 'INN')],
  UZ: [sample('306180825', 'STIR')],
  UA: [
    sample('32855961', 'EDRPOU'),
    sample('00022438', 'EDRPOU'),
    sample('1759013776', 'RNOKPP'),
    sample('25 30 41 40 71', 'RNOKPP', '2530414071'),
    sample('123456789012', 'IPN'),
  ],
  IN: [
    sample('27AAPFU0939F1ZV', 'GSTIN'),
    sample('AAKFD7113K', 'PAN'),
    sample('ACUPA7085R', 'PAN'),
    sample('AAPPV8261K', 'PAN'),
  ],
  BR: [
    sample('16.727.230/0001-97', 'CNPJ', '16727230000197'),
    sample('11.017.153/0002-49', 'CNPJ', '11017153000249'),
    sample('61882613000194', 'CNPJ'),
    // The alphanumeric form's example (COUNTRY-RULES.md §2).
    sample('12.ABC.345/01DE-35', 'CNPJ', '12ABC34501DE35'),
  ],
  ZA: [
    sample('2020/518288/03', 'CIPC number'),
    sample('0001339050', 'tax reference number'),
    sample('0843/089/84/8', 'tax reference number', '0843089848'),
    sample('4999999999', 'VAT number'),
  ],
  PL: [
    sample('8567346215', 'NIP'),
    sample('PL 584-030-44-72', 'NIP', '5840304472'),
    sample('PL5261025421', 'NIP', '5261025421'),
    sample('192598184', 'REGON'),
    sample('12345678512347', 'REGON'),
    sample('0000028860', 'KRS'),
  ],
  AE: [sample('100495966200003', 'TRN')],
  SA: [sample('399999999900003', 'VAT number'), sample('1010010000', 'CR number')],
  TR: [sample('4540536920', 'VKN'), sample('0010213576', 'VKN'), sample('17291716060', 'TCKN')],
  TH: [
    sample('0994000617721', 'TIN'),
    sample('0-99-3-000-13397-8', 'TIN', '0993000133978'),
    sample('3-1006-00445-63-5', 'TIN', '3100600445635'),
  ],
  VN: [
    sample('0100233488', 'MST'),
    sample('0314409058-002', 'MST', '0314409058002'),
    sample('0312 68 78 78 - 001', 'MST', '0312687878001'),
  ],
  MM: [sample('123456789', 'TIN')],
  IQ: [sample('123456789', 'TIN')],
  SS: [sample('123456789', 'TIN')],
  VE: [
    sample('J-00004793-6', 'RIF', 'J000047936'),
    sample('V-11470283-4', 'RIF', 'V114702834'),
    sample('G-20000085-6', 'RIF', 'G200000856'),
    sample('P-00033812-0', 'RIF', 'P000338120'),
    sample('E810812535', 'RIF'),
  ],
};

const the24 = 'AM AZ BY HU KZ KG MD RU TJ UZ UA IN BR ZA PL AE SA TR TH VN MM IQ SS VE'.split(' ');
const unknownFormat = new Set(['MM', 'IQ', 'SS']);
const usualFormatOnly = new Set(['AM', 'KG', 'TJ', 'UZ']);

/** What a pattern would show: anchors, escapes, classes, quantifiers, alternation. */
const regexSyntax = /[\^$\\[\]{}|*+?]|\(\?/;

function labelsOf(country: string): readonly string[] {
  return registrationNumberDefinitions[country]?.typedLabels ?? [];
}

function fullWidth(text: string): string {
  return text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** The same number typed the ways people type it; all normalise to `normalized`. */
function typings(country: string, normalized: string): string[] {
  const groups = normalized.replaceAll('/', '').match(/.{1,3}/g) ?? [];
  const variants = [
    groups.join(' '),
    groups.join('-'),
    groups.join('.'),
    groups.join('/'),
    groups.join('_'),
    groups.join('\u00a0'),
    groups.join(' – '),
    groups.join('—'),
    normalized.toLowerCase(),
    fullWidth(normalized),
    `  ${normalized}\t`,
    ...labelsOf(country).flatMap((label) => [
      `${label}: ${normalized}`,
      `${label.toLowerCase()} ${normalized}`,
      `${label} № ${normalized}`,
    ]),
  ];
  if (!unknownFormat.has(country)) {
    variants.push(
      `${country}${normalized}`,
      `${country} ${normalized}`,
      `${country.toLowerCase()}-${normalized}`,
    );
  }
  return variants;
}

function withChar(value: string, position: number, char: string): string {
  return `${value.slice(0, position)}${char}${value.slice(position + 1)}`;
}

function expectValid(country: string, typed: string, normalized: string, kind: string) {
  const result = validateRegistrationNumber(country, typed);
  expect(result, `${country} ${JSON.stringify(typed)}`).toEqual({ valid: true, normalized, kind });
}

function messageOf(country: string, value: string): string {
  const result = validateRegistrationNumber(country, value);
  expect(result.valid, `${country} ${JSON.stringify(value)}`).toBe(false);
  return result.valid ? '' : result.message;
}

describe('registrationNumberCountries and requiresRegistrationNumber', () => {
  it('lists the 24 countries, upper case', () => {
    expect([...registrationNumberCountries]).toEqual(the24);
    expect(Object.keys(samples).sort()).toEqual([...the24].sort());
  });

  it('takes country codes in any case and with spaces around', () => {
    for (const code of the24) {
      expect(requiresRegistrationNumber(code)).toBe(true);
      expect(requiresRegistrationNumber(` ${code.toLowerCase()} `)).toBe(true);
      expect(registrationNumberRule(` ${code.toLowerCase()}`)?.country).toBe(code);
    }
  });
});

describe('registrationNumberRule', () => {
  it.each(the24)('%s: describes the field in plain words, with a valid example', (country) => {
    const rule = registrationNumberRule(country);
    expect(rule).toBeDefined();
    expect(rule!.required).toBe(true);
    expect(rule!.label).not.toBe('');
    expect(rule!.example).toBe(rule!.kinds[0]!.example);
    expect(rule!.description).not.toMatch(regexSyntax);
    expect(rule!.checkDigits).toBe(checkDigitKinds[country] !== undefined);
    for (const kind of rule!.kinds) {
      expect(rule!.description, kind.kind).toContain(kind.kind);
      expect(kind.description).toContain(kind.kind);
      expect(kind.description).not.toMatch(regexSyntax);
      expect(kind.checkDigits).toBe(checkDigitKinds[country]?.includes(kind.kind) ?? false);
      const result = validateRegistrationNumber(country, kind.example);
      expect(result, kind.example).toMatchObject({ valid: true, kind: kind.kind });
      expect(result).not.toHaveProperty('warning');
    }
  });

  it('spells out the Russian rule', () => {
    expect(registrationNumberRule('ru')).toEqual({
      country: 'RU',
      required: true,
      label: 'INN',
      example: '0273074555',
      description: 'An INN has 10 digits for an organization (12 for an individual entrepreneur).',
      checkDigits: true,
      kinds: [
        {
          kind: 'INN',
          name: 'Russian taxpayer identification number',
          localName: 'ИНН',
          example: '0273074555',
          description:
            'An INN has 10 digits for an organization (12 for an individual entrepreneur).',
          checkDigits: true,
        },
      ],
    });
    expect(registrationNumberRule('IN')?.label).toBe('GSTIN or PAN');
    expect(registrationNumberRule('PL')?.label).toBe('NIP, REGON or KRS');
    expect(registrationNumberRule('BR')?.label).toBe('CNPJ');
  });

  it('is undefined outside the 24', () => {
    for (const country of ['US', 'DE', 'GB', 'FR', 'JP', 'XX', '', 'garbage', 'R']) {
      expect(registrationNumberRule(country)).toBeUndefined();
      expect(requiresRegistrationNumber(country)).toBe(false);
    }
  });
});

describe.each(the24)('%s', (country) => {
  const countrySamples = samples[country] ?? [];
  const rule = registrationNumberRule(country)!;

  it('accepts the known-valid numbers as written, normalised', () => {
    expect(countrySamples.length).toBeGreaterThan(0);
    expect(countrySamples[0]!.normalized).toBe(normalizeRegistrationNumber(country, rule.example));
    for (const { typed, normalized, kind } of countrySamples) {
      expectValid(country, typed, normalized, kind);
      expect(normalizeRegistrationNumber(country, typed)).toBe(normalized);
    }
  });

  it('normalises other typings to the same number', () => {
    for (const { normalized, kind } of countrySamples) {
      for (const typed of typings(country, normalized)) {
        expect(normalizeRegistrationNumber(country, typed), JSON.stringify(typed)).toBe(normalized);
        expect(
          normalizeRegistrationNumber(country, normalizeRegistrationNumber(country, typed)),
        ).toBe(normalized);
        expectValid(country, typed, normalized, kind);
      }
    }
  });

  it('rejects every other value of a check digit, naming the identifier', () => {
    const kinds = checkDigitKinds[country] ?? [];
    const checked = countrySamples.filter((entry) => kinds.includes(entry.kind));
    expect(checked.length > 0).toBe(kinds.length > 0);
    for (const { normalized, kind } of checked) {
      const alphabet = kind === 'GSTIN' ? '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' : '0123456789';
      for (const position of checkDigitPositions(country, normalized)) {
        for (const char of alphabet.replace(normalized.charAt(position), '')) {
          const corrupted = withChar(normalized, position, char);
          const message = messageOf(country, corrupted);
          expect(message, corrupted).toMatch(/the check (digit|character)s? do(es)? not match/);
          expect(message).toContain(kind);
          expect(message).not.toMatch(regexSyntax);
        }
      }
    }
  });

  it('rejects wrong lengths (or, where the format is only usual, warns)', () => {
    for (const { normalized } of countrySamples) {
      const compact = normalized.replaceAll('/', '');
      for (const wrong of [
        compact.slice(0, -1),
        `${compact}7`,
        compact.slice(0, 4),
        `${compact}${compact}`,
      ]) {
        if (unknownFormat.has(country) && wrong.length >= 5 && wrong.length <= 22) continue;
        const result = validateRegistrationNumber(country, wrong);
        if (usualFormatOnly.has(country) && wrong.length >= 5 && wrong.length <= 22) {
          expect(result, wrong).toMatchObject({
            valid: true,
            warning: expect.stringContaining('usually'),
          });
          continue;
        }
        expect(result.valid, wrong).toBe(false);
        const message = result.valid ? '' : result.message;
        expect(message).not.toMatch(regexSyntax);
        expect(
          rule.kinds.some((kind) => message.includes(kind.kind)),
          message,
        ).toBe(true);
      }
    }
  });

  it('rejects all zeros', () => {
    for (const { normalized } of countrySamples) {
      const zeros = normalized.replace(/[0-9]/g, '0');
      expect(messageOf(country, zeros)).toBe(`The ${rule.label} cannot be all zeros.`);
    }
  });

  it('asks for the number when it is blank', () => {
    const expected = `Enter the company's ${rule.label}: Partner Center requires it for companies in ${countryInSentence(country)}.`;
    for (const blank of ['', '   ', '\u00a0\t', ' - ', `${labelsOf(country)[0] ?? ''}:`]) {
      expect(messageOf(country, blank), JSON.stringify(blank)).toBe(expected);
    }
  });
});

describe('messages', () => {
  it('say what is off, in words', () => {
    expect(messageOf('RU', '770708389')).toBe(
      'An INN has 10 digits for an organization (12 for an individual entrepreneur); this one has 9.',
    );
    expect(messageOf('RU', '7707083894')).toBe(
      'An INN has 10 digits for an organization (12 for an individual entrepreneur); the check digit does not match, so a digit is probably mistyped.',
    );
    expect(messageOf('RU', '500100732258')).toBe(
      'An INN has 10 digits for an organization (12 for an individual entrepreneur); the check digits do not match, so a digit is probably mistyped.',
    );
    expect(messageOf('RU', '77O7O83893')).toContain('this one contains letters');
    expect(messageOf('VE', 'X-00004793-6')).toBe(
      'A RIF is a letter (J, G, V, E or P) followed by 9 digits; this one has the right length but not that form.',
    );
    expect(messageOf('IN', '27AAPFU0939F1ZW')).toContain(
      'the check character does not match, so a character is probably mistyped',
    );
    expect(messageOf('MM', 'ABCDEF')).toBe(
      'A TIN from Myanmar has 5 to 22 letters and digits; this one has no digits.',
    );
    expect(messageOf('RU', '12 34')).toContain('this one has 4.');
    expect(messageOf('BR', '1234')).toContain('this one has 4 characters.');
    expect(messageOf('RU', '7707083893+')).toContain('characters other than letters and digits');
    expect(messageOf('VE', 'J000000000')).toBe('The RIF cannot be all zeros.');
  });

  it('report the alternative whose format fits, and all of them when none does', () => {
    // 10 digits not starting with 000: a NIP, held to the NIP check digit.
    expect(messageOf('PL', '8567346216')).toBe(
      'A NIP has 10 digits and does not start with 0; the check digit does not match, so a digit is probably mistyped.',
    );
    expect(messageOf('PL', '192598185')).toMatch(
      /^A REGON has 9 digits .*check digit does not match/,
    );
    expect(messageOf('PL', '12345')).toBe(
      'A NIP has 10 digits and does not start with 0; a REGON has 9 or 14 digits, and a KRS number 10 digits starting with 000; this one has 5.',
    );
    expect(messageOf('UA', '32855962')).toMatch(/^An EDRPOU code has 8 digits; the check digit/);
    expect(messageOf('UA', '1759013777')).toMatch(/^An RNOKPP has 10 digits; the check digit/);
    expect(messageOf('ZA', '0001339051')).toMatch(/^An income tax reference number .*check digit/);
    expect(messageOf('TR', '17291716061')).toMatch(/^A TCKN .*check digits do not match/);
    expect(messageOf('KZ', '940140000386')).toMatch(/^A BIN .*check digit does not match/);
    expect(messageOf('KZ', '791028302729')).toMatch(/^An IIN .*check digit does not match/);
  });
});

describe('countries outside the 24', () => {
  it.each(['US', 'DE', 'GB', 'FR', 'JP', 'de', ' gb '])('%s: refuses any value', (country) => {
    const expected = `Partner Center takes no organization registration number for companies in ${countryInSentence(country)}, so leave it out.`;
    for (const value of ['', '7707083893', 'DE123456789', '   ']) {
      expect(messageOf(country, value)).toBe(expected);
    }
    expect(messageOf('DE', 'x')).toBe(
      'Partner Center takes no organization registration number for companies in Germany, so leave it out.',
    );
  });

  it('refuses a missing or garbled country too', () => {
    for (const country of ['', '  ', 'garbage', 'R', '12']) {
      expect(messageOf(country, '7707083893')).toBe(
        'Partner Center takes no organization registration number for companies in this country, so leave it out.',
      );
    }
  });
});

describe('countries without a public checksum', () => {
  it('take a number outside the usual format with a warning (AM, KG, TJ, UZ)', () => {
    expect(validateRegistrationNumber('KG', '0300319941005')).toEqual({
      valid: true,
      normalized: '0300319941005',
      kind: 'INN',
      warning: 'A Kyrgyz INN usually has 14 digits; check that this one is complete.',
    });
    expect(validateRegistrationNumber('AM', '025389041')).toMatchObject({
      valid: true,
      warning: 'An Armenian HVHH usually has 8 digits; check that this one is right.',
    });
    expect(validateRegistrationNumber('UZ', 'AB1234567')).toMatchObject({
      valid: true,
      kind: 'STIR',
      warning: 'An Uzbek STIR usually has 9 digits; check that this one is right.',
    });
    expect(validateRegistrationNumber('TJ', '12345678')).toMatchObject({
      valid: true,
      warning: 'A Tajik INN usually has 9 digits; check that this one is complete.',
    });
    expect(validateRegistrationNumber('TJ', '1234')).toMatchObject({ valid: false });
  });

  it('take any 5 to 22 letters and digits without a warning (MM, IQ, SS)', () => {
    for (const country of ['MM', 'IQ', 'SS']) {
      expect(validateRegistrationNumber(country, 'ab-123')).toEqual({
        valid: true,
        normalized: 'AB123',
        kind: 'TIN',
      });
      expect(validateRegistrationNumber(country, '1234').valid).toBe(false);
      expect(validateRegistrationNumber(country, '1'.repeat(23)).valid).toBe(false);
      expect(validateRegistrationNumber(country, '1'.repeat(22)).valid).toBe(true);
    }
  });
});

describe('normalizeRegistrationNumber', () => {
  it('keeps the slashes of a South African CIPC number, and puts them into 12 bare digits', () => {
    for (const typed of [
      '2020/518288/03',
      '202051828803',
      '2020 518288 03',
      '2020-518288-03',
      'ZA 2020/518288/03',
      'CIPC: 2020.518288.03',
    ]) {
      expect(normalizeRegistrationNumber('ZA', typed), typed).toBe('2020/518288/03');
    }
    expect(normalizeRegistrationNumber('ZA', '1925/001431/06')).toBe('1925/001431/06');
    // Not a year from 1800 to 2099: not a CIPC number, and too long for anything else.
    expect(normalizeRegistrationNumber('ZA', '2120/518288/03')).toBe('212051828803');
    expect(validateRegistrationNumber('ZA', '2120/518288/03').valid).toBe(false);
  });

  it('gives a 9-digit VÖEN its leading 0 back', () => {
    expect(normalizeRegistrationNumber('AZ', '300725012')).toBe('0300725012');
    expect(normalizeRegistrationNumber('AZ', 'AZ 300725012')).toBe('0300725012');
    expect(normalizeRegistrationNumber('AZ', 'VÖEN 300 725 012')).toBe('0300725012');
  });

  it('turns Cyrillic look-alike letters of a UNP into Latin ones', () => {
    expect(normalizeRegistrationNumber('BY', 'ма1953684')).toBe('MA1953684');
    expect(normalizeRegistrationNumber('BY', 'УНП: НК1234567')).toBe('HK1234567');
    // Elsewhere the letters stay what they are.
    expect(normalizeRegistrationNumber('RU', 'МА1953684')).toBe('МА1953684');
  });

  it('strips an ISO prefix only when the number needs it stripped', () => {
    expect(normalizeRegistrationNumber('HU', 'HU12892312')).toBe('12892312');
    expect(normalizeRegistrationNumber('PL', 'pl8567346215')).toBe('8567346215');
    expect(normalizeRegistrationNumber('IN', 'IN AAKFD7113K')).toBe('AAKFD7113K');
    // A PAN may itself start with IN.
    expect(normalizeRegistrationNumber('IN', 'INAPC1234A')).toBe('INAPC1234A');
    expect(validateRegistrationNumber('IN', 'INAPC1234A')).toMatchObject({
      valid: true,
      kind: 'PAN',
    });
    // Where any letters may be a TIN, the prefix could be part of it and stays.
    expect(normalizeRegistrationNumber('MM', 'MM 123456789')).toBe('MM123456789');
    expect(normalizeRegistrationNumber('RU', 'RU ИНН 7707083893')).toBe('7707083893');
  });

  it('strips labels, repeated or glued, but not letters that are part of the number', () => {
    expect(normalizeRegistrationNumber('RU', 'ИНН ИНН 7707083893')).toBe('7707083893');
    expect(normalizeRegistrationNumber('RU', 'инн№7707083893')).toBe('7707083893');
    expect(normalizeRegistrationNumber('RU', 'ИНН7707083893')).toBe('7707083893');
    expect(normalizeRegistrationNumber('RU', 'INN: №7707083893')).toBe('7707083893');
    expect(normalizeRegistrationNumber('TR', 'Vergi No: 4540536920')).toBe('4540536920');
    expect(normalizeRegistrationNumber('TR', 'T.C. Kimlik No. 17291716060')).toBe('17291716060');
    expect(normalizeRegistrationNumber('ZA', 'VAT No. 4999999999')).toBe('4999999999');
    expect(normalizeRegistrationNumber('IN', 'PANAAKFD7113K')).toBe('AAKFD7113K');
    expect(normalizeRegistrationNumber('IN', 'PAN: PANPC1234A')).toBe('PANPC1234A');
    expect(normalizeRegistrationNumber('IN', 'PANPC1234A')).toBe('PANPC1234A');
    expect(normalizeRegistrationNumber('MM', 'TIN: 123456789')).toBe('123456789');
    expect(normalizeRegistrationNumber('MM', 'TIN123456789')).toBe('TIN123456789');
  });

  it('removes every kind of space, dash and invisible character', () => {
    const typed = '7707\u00a0083\u2009893\u200b';
    expect(normalizeRegistrationNumber('RU', typed)).toBe('7707083893');
    expect(normalizeRegistrationNumber('RU', '7707–083—893')).toBe('7707083893');
    expect(normalizeRegistrationNumber('RU', '７７０７０８３８９３')).toBe('7707083893');
    expect(normalizeRegistrationNumber('US', ' 12-34 ab ')).toBe('1234AB');
  });
});
