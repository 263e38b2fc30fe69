import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsOf, weightedSum } from '@/countries/check-digits';
import {
  checkDigitKinds,
  checkDigitPositions,
  cyrillicOf,
  mulberry32,
  registrationNumberGenerators,
} from '@/countries/registration-number-generators';
import { registrationNumberDefinitions } from '@/countries/registration-number-kinds';
import {
  normalizeRegistrationNumber,
  registrationNumberCountries,
  validateRegistrationNumber,
} from '@/countries/registration-numbers';

interface CountryKind {
  country: string;
  kind: string;
}

const allKinds: CountryKind[] = Object.entries(registrationNumberGenerators).flatMap(
  ([country, kinds]) => Object.keys(kinds).map((kind) => ({ country, kind })),
);

const checkedKinds: CountryKind[] = Object.entries(checkDigitKinds).flatMap(([country, kinds]) =>
  kinds.map((kind) => ({ country, kind })),
);

function numbers({ country, kind }: CountryKind): fc.Arbitrary<string> {
  const generate = registrationNumberGenerators[country]?.[kind];
  if (!generate) throw new Error(`no generator for ${country} ${kind}`);
  return fc.integer().map((seed) => generate(mulberry32(seed)));
}

describe('generated valid numbers', () => {
  it('cover every kind of every one of the 24 countries', () => {
    for (const country of registrationNumberCountries) {
      const kinds = registrationNumberDefinitions[country]?.kinds.map((kind) => kind.kind);
      expect(Object.keys(registrationNumberGenerators[country] ?? {}), country).toEqual(kinds);
    }
  });

  it.each(allKinds)('$country $kind: validate as themselves', (entry) => {
    fc.assert(
      fc.property(numbers(entry), (value) => {
        expect(validateRegistrationNumber(entry.country, value)).toEqual({
          valid: true,
          normalized: value,
          kind: entry.kind,
        });
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Single-digit changes. Where an algorithm detects every single-digit change, the property is
// that every change fails. Where it cannot, the property is that a change goes undetected only
// for the reason the algorithm implies (computed here from COUNTRY-RULES.md §3, not from the
// code under test), only at the positions listed, and never at a check digit; the rates are
// pinned afterwards from a fixed seed.

const zeroOrTen = (r: number) => r === 0 || r === 10;

/** Σ wᵢ·dᵢ mod 11 over as many digits as there are weights, never negative. */
function remainder(value: string, weights: readonly number[]): number {
  return ((weightedSum(digitsOf(value), weights) % 11) + 11) % 11;
}

/**
 * For mod 11 then mod 10 (RU, UA RNOKPP, PL REGON): a change moves each remainder by wᵢ·δ, never
 * 0 mod 11 since every weight is coprime with 11, so it hides only when a remainder goes from
 * 0 to 10 or back, both of which give check digit 0.
 */
function mod11mod10(...checks: (readonly number[])[]) {
  return (original: string, changed: string) =>
    checks.every((weights) => {
      const before = remainder(original, weights);
      const after = remainder(changed, weights);
      return before === after || (zeroOrTen(before) && zeroOrTen(after));
    })
      ? 'remainders 0 and 10 both give 0'
      : undefined;
}

const ruInn10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const ruInn11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const ruInn12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const regon9 = [8, 9, 2, 3, 4, 5, 6, 7];
const regon14 = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];
const thWeights = [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const kzFirst = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

function edrpouRemainder(value: string): { weights: 'low' | 'high'; first: number } {
  const high = '345'.includes(value.charAt(0));
  const weights = high ? [7, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7];
  return { weights: high ? 'high' : 'low', first: remainder(value, weights) };
}

function cnpjRemainder(value: string, length: 12 | 13): number {
  const weights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2].slice(13 - length);
  let sum = 0;
  for (let i = 0; i < length; i += 1) sum += (weights[i] ?? 0) * (value.charCodeAt(i) - 48);
  return sum % 11;
}

function rifRemainder(value: string): number {
  const type = { V: 4, E: 8, J: 12, P: 16, G: 20 }[value.charAt(0)] ?? 0;
  return (type + weightedSum(digitsOf(value.slice(1)), [3, 2, 7, 6, 5, 4, 3, 2])) % 11;
}

type Explain = (
  original: string,
  changed: string,
  position: number,
  kindAfter: string,
) => string | undefined;

interface Expectation {
  /** Why a single-digit change can go undetected; undefined: it cannot. */
  explain?: Explain;
  /** The only positions (0-based) where an undetected change may occur. */
  positions: (value: string) => readonly number[];
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const none = () => [];

const kzExpectation: Expectation = {
  // d11 weighs 11 ≡ 0 in the first pass, so the check digit does not see it at all unless
  // the first pass leaves 10 (then d11 weighs 2). Elsewhere a change hides only when one of
  // the two numbers goes to the second pass.
  explain: (o, c) => {
    const [before, after] = [remainder(o, kzFirst), remainder(c, kzFirst)];
    if (before === after) return 'd11 weighs 11 in the first pass';
    return before === 10 || after === 10 ? 'a first-pass remainder of 10' : undefined;
  },
  positions: () => range(0, 10),
};

const expectations: Readonly<Record<string, Expectation>> = {
  'RU INN': {
    explain: (o, c) => (o.length === 10 ? mod11mod10(ruInn10) : mod11mod10(ruInn11, ruInn12))(o, c),
    positions: (value) => range(0, value.length === 10 ? 8 : 9),
  },
  'UA EDRPOU': {
    // Same weights and no remainder of 10: the remainder moves and its digit with it.
    explain: (o, c) => {
      const [before, after] = [edrpouRemainder(o), edrpouRemainder(c)];
      if (before.weights !== after.weights)
        return 'd1 moving in or out of 3–5 switches the weights';
      return before.first === 10 || after.first === 10
        ? 'a remainder of 10 switches to the weights + 2'
        : undefined;
    },
    positions: () => range(0, 6),
  },
  'UA RNOKPP': {
    explain: mod11mod10([-1, 5, 7, 9, 4, 6, 10, 5, 7]),
    positions: () => range(0, 8),
  },
  'PL REGON': {
    explain: (o, c) => (o.length === 9 ? mod11mod10(regon9) : mod11mod10(regon9, regon14))(o, c),
    // REGON-14: d9 is the first check digit; d10–d13 are covered by the second check only.
    positions: (value) => (value.length === 9 ? range(0, 7) : [...range(0, 7), ...range(9, 12)]),
  },
  'TH TIN': {
    // The third digit weighs 11 ≡ 0 (mod 11): the check digit never sees it. Elsewhere
    // (11 − r) mod 10 is 1 both for r = 0 and r = 10.
    explain: (o, c) => {
      const [before, after] = [remainder(o, thWeights), remainder(c, thWeights)];
      if (before === after) return 'weight 11 at the third digit';
      return zeroOrTen(before) && zeroOrTen(after) ? 'remainders 0 and 10 both give 1' : undefined;
    },
    positions: () => range(0, 11),
  },
  'VE RIF': {
    // "00987654321"[s]: s = 0 and s = 1 both give 0.
    explain: (o, c) => {
      const pair = [rifRemainder(o), rifRemainder(c)].sort().join();
      return pair === '0,1' ? 'remainders 0 and 1 both give 0' : undefined;
    },
    positions: () => range(1, 8),
  },
  'BR CNPJ': {
    // Each DV is 0 for a remainder of 0 or 1; both DVs must survive the change.
    explain: (o, c) =>
      ([12, 13] as const).every((length) => {
        const [before, after] = [cnpjRemainder(o, length), cnpjRemainder(c, length)];
        return before === after || (before < 2 && after < 2);
      })
        ? 'remainders 0 and 1 both give DV 0, in both DVs'
        : undefined,
    positions: () => range(0, 11),
  },
  'KZ BIN': kzExpectation,
  'KZ IIN': kzExpectation,
  'AZ VÖEN': {
    explain: (_o, _c, position) =>
      position === 9 ? 'the last digit is the person type' : undefined,
    positions: () => [9],
  },
  'HU adószám': {
    explain: (_o, _c, position) =>
      position >= 8 ? 'the VAT status and county carry no check digit' : undefined,
    positions: (value) => (value.length === 11 ? [8, 9, 10] : []),
  },
  'VN MST': {
    explain: (_o, _c, position) =>
      position >= 10 ? 'the branch suffix has no check digit' : undefined,
    positions: (value) => (value.length === 13 ? [10, 11, 12] : []),
  },
  'ZA tax reference number': {
    explain: (_o, _c, position, kindAfter) =>
      position === 0 && kindAfter === 'VAT number' ? 'a leading 4 makes a VAT number' : undefined,
    positions: () => [0],
  },
  'PL NIP': {
    explain: (_o, _c, position, kindAfter) =>
      position === 0 && kindAfter === 'KRS' ? '100… with a leading 0 is a KRS number' : undefined,
    positions: () => [0],
  },
  // Every single-digit change is caught: weights coprime with 10 (MD, HU core), a remainder of
  // 10 refused rather than folded (BY, PL NIP, VN), a digit-wise bijection (TR VKN), Luhn (ZA,
  // GSTIN's mod 36) and TCKN's 7·odd − even.
  'BY UNP': { positions: none },
  'MD IDNO': { positions: none },
  'TR VKN': { positions: none },
  'TR TCKN': { positions: none },
  'IN GSTIN': { positions: none },
};

interface Tally {
  values: string[];
  changes: number;
  undetected: number;
  positions: Set<number>;
  reasons: Map<string, number>;
}

function changeEveryDigit(entry: CountryKind, value: string, tally: Tally) {
  const expectation = expectations[`${entry.country} ${entry.kind}`];
  expect(expectation).toBeDefined();
  const checkPositions = checkDigitPositions(entry.country, value);
  tally.values.push(value);
  for (let position = 0; position < value.length; position += 1) {
    const old = value.charAt(position);
    if (!/\d/.test(old)) continue;
    for (const digit of '0123456789'.replace(old, '')) {
      const changed = `${value.slice(0, position)}${digit}${value.slice(position + 1)}`;
      const result = validateRegistrationNumber(entry.country, changed);
      tally.changes += 1;
      if (!result.valid) continue;
      const reason = expectation!.explain?.(value, changed, position, result.kind);
      expect(reason, `${entry.country} ${value} → ${changed} passed`).toBeDefined();
      expect(checkPositions).not.toContain(position);
      expect(expectation!.positions(value)).toContain(position);
      tally.undetected += 1;
      tally.positions.add(position);
      tally.reasons.set(reason!, (tally.reasons.get(reason!) ?? 0) + 1);
    }
  }
}

describe('single-digit changes of numbers with check digits', () => {
  const tallies = new Map<string, Tally>();

  it.each(checkedKinds)('$country $kind: fail unless the algorithm cannot tell', (entry) => {
    const tally: Tally = {
      values: [],
      changes: 0,
      undetected: 0,
      positions: new Set(),
      reasons: new Map(),
    };
    tallies.set(`${entry.country} ${entry.kind}`, tally);
    // A fixed seed, so that the rates pinned below are the same on every run.
    fc.assert(
      fc.property(numbers(entry), (value) => changeEveryDigit(entry, value, tally)),
      { numRuns: 60, seed: 20_240_601 },
    );
  });

  it('pins the rates the algorithms imply', () => {
    const rate = (key: string) => {
      const tally = tallies.get(key);
      expect(tally, key).toBeDefined();
      return tally!.undetected / tally!.changes;
    };
    // Caught always.
    for (const key of ['BY UNP', 'MD IDNO', 'TR VKN', 'TR TCKN', 'IN GSTIN']) {
      expect(rate(key), key).toBe(0);
    }
    // mod 11 then mod 10 or a folded remainder: at most one δ in nine per position, and only
    // for the ~2 numbers in 11 whose remainder is at the fold, so under 1 in 40 …
    for (const key of ['RU INN', 'UA EDRPOU', 'UA RNOKPP', 'PL REGON', 'VE RIF']) {
      expect(rate(key), key).toBeLessThan(1 / 40);
    }
    // … and it does happen (the seed is fixed).
    for (const key of ['RU INN', 'UA RNOKPP', 'PL REGON', 'VE RIF']) {
      expect(rate(key), key).toBeGreaterThan(0);
    }
    // KZ: all 9 changes of d11 in every number whose first pass does not leave 10 (10 in 11),
    // plus the second-pass cases at under 1 in 40.
    for (const key of ['KZ BIN', 'KZ IIN']) {
      const tally = tallies.get(key)!;
      const firstPassNot10 = tally.values.filter((v) => remainder(v, kzFirst) !== 10).length;
      expect(tally.reasons.get('d11 weighs 11 in the first pass'), key).toBe(9 * firstPassNot10);
      expect(firstPassNot10 / tally.values.length).toBeGreaterThan(0.8);
      const secondPass = tally.reasons.get('a first-pass remainder of 10') ?? 0;
      expect(secondPass / tally.changes, key).toBeLessThan(1 / 40);
    }
    // Both CNPJ DVs must fold at once: rarer still.
    expect(rate('BR CNPJ')).toBeLessThan(1 / 200);
    // TH: every change of the third digit, plus the fold: 9 of 117 changes and a little more.
    const th = tallies.get('TH TIN')!;
    expect(th.reasons.get('weight 11 at the third digit')).toBe(60 * 9);
    expect(rate('TH TIN')).toBeLessThan(9 / 117 + 1 / 40);
    // The VÖEN's last digit flips between 1 and 2 unseen: 1 change in 9 at that position.
    expect(tallies.get('AZ VÖEN')!.undetected).toBe(60);
  });
});

// ---------------------------------------------------------------------------------------------
// Normalisation

const countries = [...registrationNumberCountries, 'US', 'DE', ''];

const fragments = [
  ...new Set(Object.values(registrationNumberDefinitions).flatMap((d) => d.typedLabels)),
  ...registrationNumberCountries,
  ' ',
  '\u00a0',
  '\u200b',
  '-',
  '–',
  '/',
  '.',
  ':',
  '#',
  '№',
  'No.',
  'N°',
  '0',
  '00',
  '7',
  '９',
  'Ａ',
  'ß',
  'İ',
  'i̇',
  'ма',
  'Н',
  '2020/518288/03',
  '140155507',
  '7707083893',
  'AAKFD7113K',
  'J-00004793-6',
];

const messy = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'binary', maxLength: 3 })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

describe('normalizeRegistrationNumber', () => {
  it('is idempotent for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...countries),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), messy),
        (country, value) => {
          const once = normalizeRegistrationNumber(country, value);
          expect(normalizeRegistrationNumber(country, once)).toBe(once);
        },
      ),
      { numRuns: 3000 },
    );
  });

  const separators = ['', '', '', '', ' ', '-', '.', '/', '_', '\u00a0', '–', '—', '\u2009'];
  const decoration = fc.record({
    separators: fc.array(fc.constantFrom(...separators), { minLength: 22, maxLength: 22 }),
    lowerCase: fc.boolean(),
    fullWidth: fc.boolean(),
    prefix: fc.constantFrom('none', 'iso', 'label'),
    label: fc.nat(),
    lowerCaseLabel: fc.boolean(),
    joiner: fc.constantFrom(' ', ': ', ' № ', ' #', ':', '-', ''),
    isoJoiner: fc.constantFrom('', ' ', '-', '.'),
    padding: fc.constantFrom('', ' ', '\t ', '\u00a0'),
    cyrillic: fc.boolean(),
    dropZero: fc.boolean(),
    bareCipc: fc.boolean(),
  });
  type Decoration = typeof decoration extends fc.Arbitrary<infer T> ? T : never;

  /** MM, IQ, SS: any letters may be a TIN, so a prefix glued to one is kept (by design). */
  const anyLetters = new Set(['MM', 'IQ', 'SS']);

  function decorate(country: string, value: string, d: Decoration): string {
    let text = value;
    if (country === 'AZ' && d.dropZero && text.startsWith('0')) text = text.slice(1);
    if (country === 'ZA' && d.bareCipc) text = text.replaceAll('/', '');
    if (country === 'BY' && d.cyrillic) text = text.replace(/[A-Z]/g, (c) => cyrillicOf[c] ?? c);
    text = [...text].map((char, i) => `${i > 0 ? (d.separators[i] ?? '') : ''}${char}`).join('');
    if (d.lowerCase) text = text.toLowerCase();
    if (d.fullWidth) {
      text = text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    }
    const labels = registrationNumberDefinitions[country]?.typedLabels ?? [];
    if (d.prefix === 'iso' && !anyLetters.has(country)) {
      text = `${d.lowerCaseLabel ? country.toLowerCase() : country}${d.isoJoiner}${text}`;
    }
    if (
      d.prefix === 'label' &&
      labels.length > 0 &&
      !(d.joiner === '' && anyLetters.has(country))
    ) {
      const label = labels[d.label % labels.length]!;
      text = `${d.lowerCaseLabel ? label.toLowerCase() : label}${d.joiner}${text}`;
    }
    return `${d.padding}${text}${d.padding}`;
  }

  it.each(allKinds)('$country $kind: decorated numbers normalise back to the number', (entry) => {
    fc.assert(
      fc.property(numbers(entry), decoration, (value, d) => {
        const typed = decorate(entry.country, value, d);
        const normalized = normalizeRegistrationNumber(entry.country, typed);
        expect(normalized, JSON.stringify(typed)).toBe(value);
        expect(normalizeRegistrationNumber(entry.country, normalized)).toBe(normalized);
        expect(validateRegistrationNumber(entry.country, typed)).toEqual({
          valid: true,
          normalized: value,
          kind: entry.kind,
        });
      }),
      { numRuns: 100 },
    );
  });
});
