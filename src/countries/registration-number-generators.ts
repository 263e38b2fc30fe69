import {
  azVoenCheckDigit,
  digitsOf,
  huCoreCheckDigit,
  kzCheckDigit,
  weightedSum,
} from '@/countries/check-digits';
import { registrationNumberDefinitions } from '@/countries/registration-number-kinds';

/**
 * Valid registration numbers for tests and the benchmark. The check digits are computed here
 * from COUNTRY-RULES.md §3 rather than taken from `stdnum`, so that the validator (which uses
 * `stdnum` wherever it is right) is checked against an independent reading of the algorithm.
 * Only AZ, KZ and HU reuse check-digits.ts, which is ours anyway and pinned by real numbers.
 */

export type Rng = () => number;
export type RegistrationNumberGenerator = (rng: Rng) => string;

/** A small seeded PRNG (mulberry32): the same seed gives the same numbers on every machine. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function int(rng: Rng, below: number): number {
  // Guards against an rng that returns exactly 1.
  return Math.min(below - 1, Math.floor(rng() * below));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[int(rng, items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function randomDigits(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => int(rng, 10));
}

function padded(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** At least one non-zero digit: all zeros is refused before any check digit is looked at. */
function nonZero(digits: number[], index: number): number[] {
  if (!digits.some((digit) => digit !== 0)) digits[index] = 1;
  return digits;
}

/**
 * Appends the check digit, nudging one free digit when the algorithm has no digit for this
 * body (a remainder of 10). The nudged digit's weight is coprime with 11, so a few nudges
 * always land; retrying with the rng would never end for a constant rng.
 */
function withCheck(
  body: number[],
  free: number,
  check: (digits: readonly number[]) => number | undefined,
): number[] {
  for (let attempt = 0; attempt < 11; attempt += 1) {
    const digit = check(body);
    if (digit !== undefined) return [...body, digit];
    body[free] = ((body[free] ?? 0) + 1) % 10;
  }
  throw new Error('no check digit found');
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function mod(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

// --- Check digits per COUNTRY-RULES.md §3 ----------------------------------------------------

function ruInnDigit(digits: readonly number[], weights: readonly number[]): number {
  return (weightedSum(digits, weights) % 11) % 10;
}

const unpLetters1 = 'ABCEHKM';
const unpLetters2 = 'ABCEHKMOPT';

function unpCheck(values: readonly number[]): number | undefined {
  const c = weightedSum(values, [29, 23, 19, 17, 13, 7, 5, 3]) % 11;
  return c === 10 ? undefined : c;
}

function edrpouDigit(digits: readonly number[]): number {
  const weights = [3, 4, 5].includes(digits[0] ?? 0)
    ? [7, 1, 2, 3, 4, 5, 6]
    : [1, 2, 3, 4, 5, 6, 7];
  let s = weightedSum(digits, weights) % 11;
  if (s === 10)
    s =
      weightedSum(
        digits,
        weights.map((w) => w + 2),
      ) % 11;
  return s % 10;
}

function rnokppDigit(digits: readonly number[]): number {
  return mod(weightedSum(digits, [-1, 5, 7, 9, 4, 6, 10, 5, 7]), 11) % 10;
}

function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < first14.length; i += 1) {
    const product = ALPHANUMERIC.indexOf(first14.charAt(i)) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return ALPHANUMERIC.charAt((36 - (sum % 36)) % 36);
}

function cnpjDigit(chars: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) {
    sum += (weights[i] ?? 0) * (chars.charCodeAt(i) - 48);
  }
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

function luhnDigit(digits: readonly number[]): number {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let d = digits[i] ?? 0;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function nipCheck(digits: readonly number[]): number | undefined {
  const c = weightedSum(digits, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return c === 10 ? undefined : c;
}

function vknDigit(digits: readonly number[]): number {
  let s = 0;
  for (let index = 0; index < 9; index += 1) {
    const i = 9 - index;
    const c1 = ((digits[index] ?? 0) + i) % 10;
    if (c1 !== 0) s += (c1 * 2 ** i) % 9 || 9;
  }
  return (10 - (s % 10)) % 10;
}

function thDigit(digits: readonly number[]): number {
  const s = weightedSum(digits, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11;
  return (11 - s) % 10;
}

function mstCheck(digits: readonly number[]): number | undefined {
  const r = weightedSum(digits, [31, 29, 23, 19, 17, 13, 7, 5, 3]) % 11;
  return r === 0 ? undefined : (10 - r) % 10;
}

const rifTypes: Readonly<Record<string, number>> = { V: 4, E: 8, J: 12, P: 16, G: 20 };

// --- Generators ------------------------------------------------------------------------------

const join = (digits: readonly number[]) => digits.join('');

function ruInn(rng: Rng): string {
  if (rng() < 0.7) {
    const body = nonZero(randomDigits(rng, 9), 3);
    return join([...body, ruInnDigit(body, [2, 4, 10, 3, 5, 9, 4, 6, 8])]);
  }
  const body = nonZero(randomDigits(rng, 10), 3);
  const d11 = ruInnDigit(body, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  const d12 = ruInnDigit([...body, d11], [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  return join([...body, d11, d12]);
}

function byUnp(rng: Rng): string {
  if (rng() < 0.7) {
    // Organisations: numeric, the first digit the registering region 1–7.
    return join(withCheck([1 + int(rng, 7), ...randomDigits(rng, 7)], 7, unpCheck));
  }
  // Individuals: two letters, valued by their index in 0-9A-Z and in ABCEHKMOPT.
  const first = pick(rng, [...unpLetters1]);
  const second = pick(rng, [...unpLetters2]);
  const values = withCheck(
    [ALPHANUMERIC.indexOf(first), unpLetters2.indexOf(second), ...randomDigits(rng, 6)],
    7,
    unpCheck,
  );
  return `${first}${second}${join(values.slice(2))}`;
}

function huAdoszam(rng: Rng): string {
  const body = nonZero(randomDigits(rng, 7), 0);
  const core = join([...body, huCoreCheckDigit(body)]);
  if (rng() < 0.4) return core;
  return `${core}${1 + int(rng, 5)}${padded(2 + int(rng, 43), 2)}`;
}

function kzBin(rng: Rng): string {
  const head = `${padded(int(rng, 100), 2)}${padded(1 + int(rng, 12), 2)}${4 + int(rng, 3)}${int(rng, 4)}`;
  // d10 weighs 10 in the first pass and 1 in the second: nudging it reaches every remainder.
  return join(withCheck([...digitsOf(head), ...randomDigits(rng, 5)], 9, kzCheckDigit));
}

function kzIin(rng: Rng): string {
  const birth = `${padded(int(rng, 100), 2)}${padded(1 + int(rng, 12), 2)}${padded(1 + int(rng, 28), 2)}`;
  const head = `${birth}${1 + int(rng, 6)}`;
  return join(withCheck([...digitsOf(head), ...randomDigits(rng, 4)], 9, kzCheckDigit));
}

function mdIdno(rng: Rng): string {
  const body = [1 + int(rng, 2), ...randomDigits(rng, 11)];
  const check = weightedSum(body, [7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1]) % 10;
  return join([...body, check]);
}

function uaEdrpou(rng: Rng): string {
  const body = nonZero(randomDigits(rng, 7), 6);
  return join([...body, edrpouDigit(body)]);
}

function uaRnokpp(rng: Rng): string {
  const body = [1 + int(rng, 9), ...randomDigits(rng, 8)];
  return join([...body, rnokppDigit(body)]);
}

function inPan(rng: Rng): string {
  const letter = () => LETTERS.charAt(int(rng, 26));
  const holder = pick(rng, [...'ABCFGHJKLPT']);
  return `${letter()}${letter()}${letter()}${holder}${letter()}${padded(1 + int(rng, 9999), 4)}${letter()}`;
}

function inGstin(rng: Rng): string {
  const entity = rng() < 0.7 ? '1' : ALPHANUMERIC.charAt(1 + int(rng, 35));
  const first14 = `${padded(1 + int(rng, 38), 2)}${inPan(rng)}${entity}Z`;
  return `${first14}${gstinCheckCharacter(first14)}`;
}

function brCnpj(rng: Rng): string {
  // From July 2026 the first 12 characters may be letters too.
  const twelve =
    rng() < 0.7
      ? `${join(nonZero(randomDigits(rng, 8), 7))}${padded(1 + int(rng, 30), 4)}`
      : `${1 + int(rng, 9)}${Array.from({ length: 11 }, () => ALPHANUMERIC.charAt(int(rng, 36))).join('')}`;
  const dv1 = cnpjDigit(twelve, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const dv2 = cnpjDigit(`${twelve}${dv1}`, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${twelve}${dv1}${dv2}`;
}

function zaCipc(rng: Rng): string {
  const year = 1900 + int(rng, 126);
  return `${year}/${join(randomDigits(rng, 6))}/${pick(rng, ['06', '07', '08', '10', '21', '23'])}`;
}

function zaTaxReference(rng: Rng): string {
  const body = nonZero([pick(rng, [0, 1, 2, 3, 9]), ...randomDigits(rng, 8)], 8);
  return join([...body, luhnDigit(body)]);
}

function plNip(rng: Rng): string {
  return join(withCheck([1 + int(rng, 9), ...randomDigits(rng, 8)], 8, nipCheck));
}

function plRegon(rng: Rng): string {
  const body = nonZero(randomDigits(rng, 8), 7);
  const regon9 = [...body, (weightedSum(body, [8, 9, 2, 3, 4, 5, 6, 7]) % 11) % 10];
  if (rng() < 0.6) return join(regon9);
  const unit = [...regon9, ...randomDigits(rng, 4)];
  const check = (weightedSum(unit, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]) % 11) % 10;
  return join([...unit, check]);
}

function trVkn(rng: Rng): string {
  const body = nonZero(randomDigits(rng, 9), 8);
  return join([...body, vknDigit(body)]);
}

function trTckn(rng: Rng): string {
  const body = [1 + int(rng, 9), ...randomDigits(rng, 8)];
  const odd = (body[0] ?? 0) + (body[2] ?? 0) + (body[4] ?? 0) + (body[6] ?? 0) + (body[8] ?? 0);
  const even = (body[1] ?? 0) + (body[3] ?? 0) + (body[5] ?? 0) + (body[7] ?? 0);
  const d10 = mod(7 * odd - even, 10);
  const d11 = (odd + even + d10) % 10;
  return join([...body, d10, d11]);
}

function thTin(rng: Rng): string {
  const body = [int(rng, 9), ...randomDigits(rng, 11)];
  nonZero(body, 11);
  return join([...body, thDigit(body)]);
}

function vnMst(rng: Rng): string {
  const body = [...digitsOf(padded(1 + int(rng, 99), 2)), ...randomDigits(rng, 7)];
  // The sequence (d3–d9) may not be all zeros; d9 is the one nudged, so d8 gets the 1.
  if (!body.slice(2).some((digit) => digit !== 0)) body[7] = 1;
  const number = join(withCheck(body, 8, mstCheck));
  return rng() < 0.3 ? `${number}${padded(1 + int(rng, 999), 3)}` : number;
}

function veRif(rng: Rng): string {
  const type = pick(rng, Object.keys(rifTypes));
  const body = nonZero(randomDigits(rng, 8), 7);
  const s = ((rifTypes[type] ?? 0) + weightedSum(body, [3, 2, 7, 6, 5, 4, 3, 2])) % 11;
  return `${type}${join(body)}${'00987654321'.charAt(s)}`;
}

function azVoen(rng: Rng): string {
  // One in four starts with 0, the digit people drop.
  const body = nonZero([rng() < 0.25 ? 0 : int(rng, 10), ...randomDigits(rng, 7)], 3);
  return `${join(withCheck(body, 7, azVoenCheckDigit))}${1 + int(rng, 2)}`;
}

function digitsGenerator(length: number, first = '123456789'): RegistrationNumberGenerator {
  return (rng) => `${pick(rng, [...first])}${join(randomDigits(rng, length - 1))}`;
}

function anyTin(rng: Rng): string {
  const length = 5 + int(rng, 10);
  const body = Array.from({ length }, () =>
    rng() < 0.85 ? String(int(rng, 10)) : LETTERS.charAt(int(rng, 26)),
  );
  // A digit in front, so that no TIN starts with the label TIN; a non-zero one at the end.
  body[0] = String(int(rng, 10));
  body[length - 1] = String(1 + int(rng, 9));
  return body.join('');
}

/** A generator for every kind of the 24 countries, keyed by country and then kind. */
export const registrationNumberGenerators: Readonly<
  Record<string, Readonly<Record<string, RegistrationNumberGenerator>>>
> = {
  AM: { HVHH: digitsGenerator(8, '0') },
  AZ: { VÖEN: azVoen },
  BY: { UNP: byUnp },
  HU: { adószám: huAdoszam },
  KZ: { BIN: kzBin, IIN: kzIin },
  KG: { INN: digitsGenerator(14, '012') },
  MD: { IDNO: mdIdno },
  RU: { INN: ruInn },
  TJ: { INN: digitsGenerator(9) },
  UZ: { STIR: digitsGenerator(9, '234567') },
  UA: { EDRPOU: uaEdrpou, RNOKPP: uaRnokpp, IPN: digitsGenerator(12) },
  IN: { GSTIN: inGstin, PAN: inPan },
  BR: { CNPJ: brCnpj },
  ZA: {
    'CIPC number': zaCipc,
    'tax reference number': zaTaxReference,
    'VAT number': digitsGenerator(10, '4'),
  },
  PL: { NIP: plNip, REGON: plRegon, KRS: (rng) => `000${join(nonZero(randomDigits(rng, 7), 6))}` },
  AE: { TRN: (rng) => `100${join(randomDigits(rng, 11))}${1 + int(rng, 9)}` },
  SA: {
    'VAT number': (rng) => `3${join(randomDigits(rng, 13))}3`,
    'CR number': digitsGenerator(10),
  },
  TR: { VKN: trVkn, TCKN: trTckn },
  TH: { TIN: thTin },
  VN: { MST: vnMst },
  MM: { TIN: anyTin },
  IQ: { TIN: anyTin },
  SS: { TIN: anyTin },
  VE: { RIF: veRif },
};

/** The kinds whose numbers carry check digits, by country. */
export const checkDigitKinds: Readonly<Record<string, readonly string[]>> = {
  AZ: ['VÖEN'],
  BY: ['UNP'],
  HU: ['adószám'],
  KZ: ['BIN', 'IIN'],
  MD: ['IDNO'],
  RU: ['INN'],
  UA: ['EDRPOU', 'RNOKPP'],
  IN: ['GSTIN'],
  BR: ['CNPJ'],
  ZA: ['tax reference number'],
  PL: ['NIP', 'REGON'],
  TR: ['VKN', 'TCKN'],
  TH: ['TIN'],
  VN: ['MST'],
  VE: ['RIF'],
};

/**
 * Where the check digits sit in a normalised number of a kind with check digits: mostly at the
 * end, but a Vietnamese branch suffix, the Hungarian VAT status and county and the VÖEN's
 * person-type digit come after them.
 */
export function checkDigitPositions(country: string, value: string): number[] {
  const last = value.length - 1;
  if (country === 'VN') return [9];
  if (country === 'HU') return [7];
  if (country === 'AZ') return [8];
  if (country === 'RU' && value.length === 12) return [10, 11];
  if (country === 'PL' && value.length === 14) return [8, 13];
  if (country === 'BR' || (country === 'TR' && value.length === 11)) return [last - 1, last];
  return [last];
}

// --- Decorations and the benchmark batch -----------------------------------------------------

const separatorChoices = [' ', ' ', '-', '.', '/', '\u00a0', '–', '_', '\u2009'];
const fullWidthOffset = 0xff10 - 0x30;

function fullWidth(text: string): string {
  return text.replace(/[0-9]/g, (digit) =>
    String.fromCharCode(digit.charCodeAt(0) + fullWidthOffset),
  );
}

function withSeparators(rng: Rng, text: string): string {
  let out = '';
  for (const char of text) {
    if (out && rng() < 0.3) out += pick(rng, separatorChoices);
    out += char;
  }
  return out;
}

/** Cyrillic letters that look like the Latin ones of a Belarusian UNP. */
export const cyrillicOf: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
};

/** Countries where a TIN may be any letters and digits, so an ISO prefix could be part of it. */
const prefixKeptIn = new Set(['MM', 'IQ', 'SS']);

/**
 * The same number as people type it: separators, lower case, full-width digits, an ISO prefix
 * or a label in front, Cyrillic letters in a UNP, a VÖEN without its leading 0. Normalising
 * gives back `normalized`.
 */
export function decorateRegistrationNumber(country: string, normalized: string, rng: Rng): string {
  let text = normalized;
  if (country === 'AZ' && text.startsWith('0') && rng() < 0.5) text = text.slice(1);
  if (country === 'ZA' && text.includes('/') && rng() < 0.3) text = text.replaceAll('/', '');
  if (country === 'BY' && rng() < 0.5) text = text.replace(/[A-Z]/g, (c) => cyrillicOf[c] ?? c);
  if (rng() < 0.6) text = withSeparators(rng, text);
  if (rng() < 0.3) text = text.toLowerCase();
  if (rng() < 0.2) text = fullWidth(text);
  const prefix = rng();
  const labels = registrationNumberDefinitions[country]?.typedLabels ?? [];
  if (prefix < 0.2 && !prefixKeptIn.has(country)) {
    text = `${country}${pick(rng, ['', ' ', '-'])}${text}`;
  } else if (prefix < 0.4 && labels.length > 0) {
    text = `${pick(rng, labels)}${pick(rng, [' ', ': ', ' № ', ' #', ':'])}${text}`;
  }
  return rng() < 0.2 ? `  ${text} ` : text;
}

function generate(rng: Rng): { country: string; kind: string; value: string } {
  const country = pick(rng, Object.keys(registrationNumberGenerators));
  const kinds = registrationNumberGenerators[country] ?? {};
  const kind = pick(rng, Object.keys(kinds));
  const generator = kinds[kind];
  if (!generator) throw new Error(`no generator for ${country} ${kind}`);
  return { country, kind, value: generator(rng) };
}

/** Changes one check digit to another digit, so that the check digits no longer match. */
export function corruptCheckDigit(country: string, value: string, rng: Rng): string {
  const position = pick(rng, checkDigitPositions(country, value));
  const old = Number(value.charAt(position));
  const digit = Number.isNaN(old) ? int(rng, 10) : (old + 1 + int(rng, 9)) % 10;
  return `${value.slice(0, position)}${digit}${value.slice(position + 1)}`;
}

function withCheckDigits(rng: Rng): { country: string; value: string } {
  const country = pick(rng, Object.keys(checkDigitKinds));
  const kind = pick(rng, checkDigitKinds[country] ?? []);
  const generator = registrationNumberGenerators[country]?.[kind];
  if (!generator) throw new Error(`no generator for ${country} ${kind}`);
  return { country, value: generator(rng) };
}

const otherCountries = [
  'US',
  'DE',
  'GB',
  'FR',
  'JP',
  'CN',
  'CA',
  'AU',
  'IT',
  'ES',
  'NL',
  'SE',
  'MX',
];
const oddValues = ['', '   ', 'N/A', '-', '0000000000', 'unknown', '０００００'];

function mixedItem(rng: Rng): { country: string; value: string } {
  const roll = rng();
  if (roll < 0.3) return generate(rng);
  if (roll < 0.55) {
    const { country, value } = generate(rng);
    const typed = decorateRegistrationNumber(country, value, rng);
    // The country as a form might hand it over: any case, with spaces.
    return { country: rng() < 0.3 ? ` ${country.toLowerCase()} ` : country, value: typed };
  }
  if (roll < 0.7) {
    const { country, value } = withCheckDigits(rng);
    return { country, value: corruptCheckDigit(country, value, rng) };
  }
  if (roll < 0.8) {
    const { country, value } = generate(rng);
    const cut = rng() < 0.5 ? value.slice(0, -1) : `${value}${int(rng, 10)}`;
    return { country, value: cut };
  }
  if (roll < 0.9) {
    const { value } = generate(rng);
    return { country: pick(rng, otherCountries), value };
  }
  return {
    country: pick(rng, Object.keys(registrationNumberGenerators)),
    value: pick(rng, oddValues),
  };
}

/**
 * The benchmark's input: valid numbers in normalised form and as typed, corrupted check digits,
 * wrong lengths, countries outside the 24 and odd values, reproducible from `seed`.
 */
export function mixedRegistrationNumberBatch(
  count: number,
  seed: number,
): { country: string; value: string }[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, () => mixedItem(rng));
}
