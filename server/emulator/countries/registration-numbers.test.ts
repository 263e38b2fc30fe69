import fc from 'fast-check';
import * as brCnpj from 'stdnum/lib/esm/br/cnpj.js';
import * as byUnp from 'stdnum/lib/esm/by/unp.js';
import * as huAnum from 'stdnum/lib/esm/hu/anum.js';
import * as inGstin from 'stdnum/lib/esm/in/gstin.js';
import * as mdIdno from 'stdnum/lib/esm/md/idno.js';
import * as plNip from 'stdnum/lib/esm/pl/nip.js';
import * as ruInn from 'stdnum/lib/esm/ru/inn.js';
import * as thTin from 'stdnum/lib/esm/th/tin.js';
import * as trVkn from 'stdnum/lib/esm/tr/vkn.js';
import * as uaEdrpou from 'stdnum/lib/esm/ua/edrpou.js';
import * as veRif from 'stdnum/lib/esm/ve/rif.js';
import * as vnMst from 'stdnum/lib/esm/vn/mst.js';
import * as zaTin from 'stdnum/lib/esm/za/tin.js';
import { describe, expect, it } from 'vitest';
import {
  checkRegistrationNumber,
  generateRegistrationNumber,
  registrationNumberCountries,
  registrationNumberPattern,
} from './registration-numbers.ts';
import { rngOf, type RngRecipe } from './test-rng.ts';

const recipes: fc.Arbitrary<RngRecipe> = fc.oneof(
  fc.integer().map((seed) => ({ seed })),
  fc
    .array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
      minLength: 1,
      maxLength: 30,
    })
    .map((values) => ({ values })),
);

const digitsOf = (value: string) => value.split('').map(Number);

/** COUNTRY-RULES.md §3, written out again here so that the module is checked, not mirrored. */
function validVoen(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const d = digitsOf(value);
  const weights = [4, 1, 8, 6, 2, 7, 5, 3];
  const c = weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11;
  return c <= 9 && c === d[8] && (d[9] === 1 || d[9] === 2);
}

function validBin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const d = digitsOf(value);
  const pass = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11;
  let s = pass([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (s === 10) s = pass([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  const month = Number(value.slice(2, 4));
  return s !== 10 && s === d[11] && month >= 1 && month <= 12;
}

type Validate = (value: string) => boolean;
const stdnum = (module: { validate: (value: string) => { isValid: boolean } }): Validate => {
  return (value) => module.validate(value).isValid;
};

/** The full validators: check digits included. */
const checkDigitValidators: Readonly<Record<string, Validate>> = {
  AZ: validVoen,
  KZ: validBin,
  BY: stdnum(byUnp),
  // stdnum knows only the 8-digit core; the 11-digit form adds status and county, unchecked.
  HU: (value) => huAnum.validate(value.slice(0, 8)).isValid && /^\d{8}([1-5]\d{2})?$/.test(value),
  MD: stdnum(mdIdno),
  RU: stdnum(ruInn),
  UA: stdnum(uaEdrpou),
  IN: stdnum(inGstin),
  BR: stdnum(brCnpj),
  ZA: stdnum(zaTin),
  PL: stdnum(plNip),
  TR: stdnum(trVkn),
  TH: stdnum(thTin),
  VN: stdnum(vnMst),
  VE: stdnum(veRif),
};

describe('registration number countries', () => {
  it('are the 24 of Partner Center’s docs', () => {
    expect([...registrationNumberCountries].sort()).toEqual(
      'AM AZ BY HU KZ KG MD RU TJ UZ UA IN BR ZA PL AE SA TR TH VN MM IQ SS VE'.split(' ').sort(),
    );
    for (const country of registrationNumberCountries) {
      expect(registrationNumberPattern(country), country).toBeInstanceOf(RegExp);
      expect(registrationNumberPattern(country.toLowerCase()), country).toBeInstanceOf(RegExp);
    }
    expect(registrationNumberPattern('US')).toBeUndefined();
    expect(registrationNumberPattern('MM')?.source).toBe('^[0-9A-Z]{5,22}$');
  });
});

describe('generateRegistrationNumber', () => {
  it.each([...registrationNumberCountries])(
    'gives %s numbers that pass the server check, in normalised form, never all zeros',
    (country) => {
      fc.assert(
        fc.property(recipes, (recipe) => {
          const value = generateRegistrationNumber(country, rngOf(recipe));
          expect(checkRegistrationNumber(country, value)).toEqual({ ok: true, normalized: value });
          expect(value).not.toMatch(/^0+$/);
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(Object.keys(checkDigitValidators))(
    'gives %s numbers whose check digits are right',
    (country) => {
      const valid = checkDigitValidators[country]!;
      fc.assert(
        fc.property(recipes, (recipe) => {
          const value = generateRegistrationNumber(country, rngOf(recipe));
          expect(valid(value), value).toBe(true);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('hand-written checks agree with the published examples', () => {
    expect(validVoen('1401555071')).toBe(true);
    expect(validVoen('1401555081')).toBe(false);
    expect(validBin('940140000385')).toBe(true);
    expect(validBin('940140000386')).toBe(false);
  });

  it('uses the holder type C and a state code in GSTINs, J in RIFs, 0 in Thai numbers', () => {
    fc.assert(
      fc.property(recipes, (recipe) => {
        expect(generateRegistrationNumber('IN', rngOf(recipe)).charAt(5)).toBe('C');
        expect(generateRegistrationNumber('VE', rngOf(recipe))).toMatch(/^J/);
        expect(generateRegistrationNumber('TH', rngOf(recipe))).toMatch(/^0/);
        expect(generateRegistrationNumber('BR', rngOf(recipe))).toMatch(/^\d{14}$/);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic for one seed', () => {
    for (const country of registrationNumberCountries) {
      expect(generateRegistrationNumber(country, rngOf({ seed: 7 }))).toBe(
        generateRegistrationNumber(country, rngOf({ seed: 7 })),
      );
    }
  });

  it('refuses a country without registration numbers', () => {
    expect(() => generateRegistrationNumber('US', Math.random)).toThrow(/United States/);
  });
});

describe('checkRegistrationNumber', () => {
  // The known-valid examples of COUNTRY-RULES.md §2, and plausible formats where none is known.
  const examples: [string, string, string][] = [
    ['AM', '02538904', '02538904'],
    ['AZ', '1401555071', '1401555071'],
    ['BY', '200988541', '200988541'],
    ['HU', '12892312', '12892312'],
    ['KZ', '940140000385', '940140000385'],
    ['KZ', '850321300459', '850321300459'],
    ['KZ', '850321-300459', '850321300459'],
    ['KG', '01234567890123', '01234567890123'],
    ['MD', '1008600038413', '1008600038413'],
    ['RU', '0273074555', '0273074555'],
    ['TJ', '123456789', '123456789'],
    ['UZ', '306180825', '306180825'],
    ['UA', '32855961', '32855961'],
    ['IN', '27AAPFU0939F1ZV', '27AAPFU0939F1ZV'],
    ['IN', 'AAKFD7113K', 'AAKFD7113K'],
    ['BR', '16.727.230/0001-97', '16727230000197'],
    ['BR', '12.ABC.345/01DE-35', '12ABC34501DE35'],
    ['ZA', '0001339050', '0001339050'],
    ['ZA', '2020/518288/03', '2020/518288/03'],
    ['PL', '8567346215', '8567346215'],
    ['AE', '100495966200003', '100495966200003'],
    ['SA', '399999999900003', '399999999900003'],
    ['SA', '1010010000', '1010010000'],
    ['TR', '4540536920', '4540536920'],
    ['TR', '10000000146', '10000000146'],
    ['TH', '0994000617721', '0994000617721'],
    ['VN', '0100233488', '0100233488'],
    ['MM', '101234567', '101234567'],
    ['IQ', '1234567890', '1234567890'],
    ['SS', 'AB12345', 'AB12345'],
    ['VE', 'J-00004793-6', 'J000047936'],
  ];

  it.each(examples)('accepts the %s example %s', (country, value, normalized) => {
    expect(checkRegistrationNumber(country, value)).toEqual({ ok: true, normalized });
  });

  const typed: [string, string, string][] = [
    ['HU', 'HU 12892312', '12892312'],
    ['HU', '12892312-2-41', '12892312241'],
    ['HU', 'hu12892312-2-41', '12892312241'],
    ['PL', 'PL 856-734-62-15', '8567346215'],
    ['PL', 'NIP: 856-734-62-15', '8567346215'],
    ['RU', 'ИНН 0273074555', '0273074555'],
    ['RU', ' 027 307 4555 ', '0273074555'],
    ['BY', 'УНП 200988541', '200988541'],
    ['BY', 'ма1953684', 'MA1953684'],
    ['AZ', '401555071', '0401555071'],
    ['UA', '3285 5961', '32855961'],
    ['VN', '0100233488-001', '0100233488001'],
    ['VE', 'VE J-00004793-6', 'J000047936'],
    ['ZA', '2020 518288 03', '2020/518288/03'],
    ['ZA', '2020-518288-03', '2020/518288/03'],
    ['TH', '0-9940-00617-72-1', '0994000617721'],
    ['KZ', 'БИН 940140000385', '940140000385'],
    ['IN', '27aapfu0939f1zv', '27AAPFU0939F1ZV'],
    // A PAN may start with IN: it is kept, not taken for an ISO prefix.
    ['IN', 'INAPC1234K', 'INAPC1234K'],
    ['ru', '0273074555', '0273074555'],
  ];

  it.each(typed)('normalises %s input %j', (country, value, normalized) => {
    expect(checkRegistrationNumber(country, value)).toEqual({ ok: true, normalized });
  });

  it('checks the format only, as Partner Center documents', () => {
    // A wrong check digit in the right format passes the server; the portal catches it.
    expect(checkRegistrationNumber('RU', '0273074556')).toMatchObject({ ok: true });
    expect(checkRegistrationNumber('PL', '8567346216')).toMatchObject({ ok: true });
  });

  const wrong: [string, string][] = [
    ['RU', '12345678901'],
    ['RU', '123456789'],
    ['HU', '1289231'],
    ['HU', '12892312-6-41'],
    ['BR', '1672723000019'],
    ['IN', '27AAPFU0939F1Z'],
    ['ZA', '5001339050'],
    ['ZA', '20/518288/3'],
    ['AE', '200495966200003'],
    ['VE', 'X000047936'],
    ['KZ', '940170000385'],
    ['AZ', '1401555073'],
    ['PL', '85673462'],
    ['MM', '1234'],
    ['MM', '12345678901234567890123'],
    ['SS', 'ABC-DEF-ÄÖ1'],
    ['TR', '00000'],
    ['TR', '01234567890'],
    ['KZ', '851321300459'],
  ];

  it.each(wrong)('refuses %s %j with 600050 carrying the pattern', (country, value) => {
    const pattern = registrationNumberPattern(country)!;
    expect(checkRegistrationNumber(country, value)).toEqual({
      ok: false,
      code: 600050,
      description: `The organization registration number should be of the format ${pattern.source}.`,
    });
  });

  it('puts the pattern into the message verbatim', () => {
    const check = checkRegistrationNumber('RU', '123');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.description).toContain('^(\\d{10}|\\d{12})$');
  });

  it.each([undefined, null, '', '   '])('asks for the number in the 24 (%j)', (value) => {
    for (const country of registrationNumberCountries) {
      const check = checkRegistrationNumber(country, value);
      expect(check).toMatchObject({ ok: false, code: 600049 });
    }
    expect(checkRegistrationNumber('IN', value)).toEqual({
      ok: false,
      code: 600049,
      description: 'The organization registration number is required for companies in India.',
    });
  });

  it('refuses a number outside the 24 with 600002, and accepts none there', () => {
    expect(checkRegistrationNumber('US', '123456789')).toEqual({
      ok: false,
      code: 600002,
      description:
        'An organization registration number is not supported for customers in United States.',
    });
    expect(checkRegistrationNumber('de', 'HRB 12345')).toMatchObject({ ok: false, code: 600002 });
    expect(checkRegistrationNumber('US', '')).toEqual({ ok: true, normalized: '' });
    expect(checkRegistrationNumber('US', '  ')).toEqual({ ok: true, normalized: '' });
    expect(checkRegistrationNumber('US', undefined)).toEqual({ ok: true, normalized: '' });
    expect(checkRegistrationNumber('US', null)).toEqual({ ok: true, normalized: '' });
  });
});
