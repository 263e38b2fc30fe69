import { countryName } from './country-names.ts';

/**
 * The countries where Partner Center requires `organizationRegistrationNumber` (its docs' list;
 * older lists are shorter). In the same countries the billing phone number is required too.
 */
export const registrationNumberCountries: readonly string[] = [
  'AM',
  'AZ',
  'BY',
  'HU',
  'KZ',
  'KG',
  'MD',
  'RU',
  'TJ',
  'UZ',
  'UA',
  'IN',
  'BR',
  'ZA',
  'PL',
  'AE',
  'SA',
  'TR',
  'TH',
  'VN',
  'MM',
  'IQ',
  'SS',
  'VE',
];

const required = new Set(registrationNumberCountries);

/** For MM, IQ and SS nobody knows which identifier Partner Center wants: length and charset. */
const generic = /^[0-9A-Z]{5,22}$/;

/**
 * The emulator's format per country, applied to the normalised value (COUNTRY-RULES.md §2).
 * Where the identifier type is uncertain (HU, KZ, UA, IN, ZA, PL, SA, TR) it is the union of the listed
 * alternatives; AE lists a trade-licence alternative without any format, so only the TRN is
 * known. ZA's CIPC number keeps its slashes so that it stays recognisable.
 */
const patterns: Readonly<Record<string, RegExp>> = {
  AM: /^\d{8}$/,
  AZ: /^\d{8}\d[12]$/,
  BY: /^[1-7ABCEHKM][0-9ABCEHKMOPT]\d{7}$/,
  HU: /^\d{8}([1-5]\d{2})?$/,
  // A BIN, or the IIN (YYMMDD, century and sex) that sole traders file under.
  KZ: /^(\d{4}[4-6][0-3]\d{6}|\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[0-6]\d{5})$/,
  KG: /^\d{14}$/,
  MD: /^\d{13}$/,
  RU: /^(\d{10}|\d{12})$/,
  TJ: /^\d{9}$/,
  UZ: /^\d{9}$/,
  UA: /^(\d{8}|\d{10}|\d{12})$/,
  IN: /^(\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]|[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z])$/,
  BR: /^[0-9A-Z]{12}\d{2}$/,
  ZA: /^(\d{4}\/\d{6}\/\d{2}|[01239]\d{9}|4\d{9})$/,
  PL: /^(\d{10}|\d{9}(\d{5})?)$/,
  AE: /^100\d{12}$/,
  SA: /^(3\d{13}3|\d{10})$/,
  // A VKN, or the TCKN of a sole trader.
  TR: /^(\d{10}|[1-9]\d{10})$/,
  TH: /^\d{13}$/,
  VN: /^\d{10}(\d{3})?$/,
  MM: generic,
  IQ: generic,
  SS: generic,
  VE: /^[VEJPG]\d{9}$/,
};

/** Local names people type in front of the number ("ИНН 7707083893", "NIP: 526-…"). */
const labels: Readonly<Record<string, readonly string[]>> = {
  AZ: ['VÖEN', 'VOEN'],
  BY: ['УНП', 'UNP'],
  KZ: ['БИН', 'BIN', 'ИИН', 'IIN'],
  KG: ['ИНН', 'INN'],
  RU: ['ИНН', 'INN'],
  TJ: ['ИНН', 'INN', 'РМА'],
  UZ: ['ИНН', 'INN', 'СТИР', 'STIR'],
  UA: ['ЄДРПОУ', 'EDRPOU', 'ІПН', 'РНОКПП'],
  PL: ['NIP', 'REGON', 'KRS'],
  VE: ['RIF'],
  TR: ['VKN'],
  VN: ['MST'],
  AE: ['TRN'],
  IN: ['GSTIN', 'GST'],
};

/** Belarusian UNPs of sole traders are often typed in Cyrillic letters that look Latin. */
const cyrillicLookalikes: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
};

const cipc = /^(\d{4})[\s./-]+(\d{6})[\s./-]+(\d{2})$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Normalises what a user typed into the form the format applies to: uppercase, no separators,
 * no label or ISO prefix. `checkRegistrationNumber` answers with this form as `normalized`.
 */
export function normalizeRegistrationNumber(country: string, value: string): string {
  const cc = country.trim().toUpperCase();
  let text = value.trim().toUpperCase();
  const names = labels[cc];
  if (names) {
    const label = new RegExp(
      `^(?:${names.map(escapeRegExp).join('|')})(?=[\\s:№#.-]|\\d)[\\s:№#.-]*`,
    );
    text = text.replace(label, '');
  }
  if (cc === 'ZA') {
    const match = cipc.exec(text);
    if (match) return `${match[1]}/${match[2]}/${match[3]}`;
  }
  text = text.replace(/[\s.\-/]/g, '');
  if (cc === 'BY') {
    text = text.replace(/[АВСЕНКМОРТ]/g, (letter) => cyrillicLookalikes[letter] ?? letter);
  }
  const pattern = patterns[cc];
  // An ISO prefix ("HU12892312", "PL8567346215") is dropped only when it cannot be part of the
  // number itself: an Indian PAN may well start with the letters IN.
  if (pattern && text.startsWith(cc) && !pattern.test(text) && pattern.test(text.slice(2))) {
    text = text.slice(2);
  }
  // As py-stdnum does: VÖENs may start with 0, which a 9-digit input has lost.
  if (cc === 'AZ' && /^\d{9}$/.test(text)) text = `0${text}`;
  return text;
}

/** The emulator's format for a country after normalisation; undefined outside the 24. */
export function registrationNumberPattern(country: string): RegExp | undefined {
  return patterns[country.trim().toUpperCase()];
}

export type RegistrationCheck =
  | { ok: true; normalized: string }
  | { ok: false; code: 600049 | 600050 | 600002; description: string };

/**
 * Partner Center's server-side rule on create. It checks the format only: check digits are
 * what the portal checks before sending, and Partner Center documents no more than the format.
 */
export function checkRegistrationNumber(
  country: string,
  value: string | undefined | null,
): RegistrationCheck {
  const cc = country.trim().toUpperCase();
  const blank = value === undefined || value === null || value.trim() === '';
  if (!required.has(cc)) {
    if (blank) return { ok: true, normalized: '' };
    return {
      ok: false,
      code: 600002,
      description: `An organization registration number is not supported for customers in ${countryName(cc)}.`,
    };
  }
  if (blank) {
    return {
      ok: false,
      code: 600049,
      description: `The organization registration number is required for companies in ${countryName(cc)}.`,
    };
  }
  const pattern = patterns[cc] ?? generic;
  const normalized = normalizeRegistrationNumber(cc, value);
  if (normalized.length < 5 || normalized.length > 22 || !pattern.test(normalized)) {
    return {
      ok: false,
      code: 600050,
      description: `The organization registration number should be of the format ${pattern.source}.`,
    };
  }
  return { ok: true, normalized };
}

// ---------------------------------------------------------------------------------------------
// Seed data: numbers that are valid including their check digits (COUNTRY-RULES.md §3).

type Rng = () => number;

function int(rng: Rng, below: number): number {
  // Guards against an rng that returns exactly 1, which a sloppy one might.
  return Math.min(below - 1, Math.floor(rng() * below));
}

function choice<T>(rng: Rng, items: readonly T[]): T {
  const item = items[int(rng, items.length)];
  if (item === undefined) throw new Error('choice from an empty list');
  return item;
}

function randomDigits(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => int(rng, 10));
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function weighted(digits: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0);
}

function digitsOf(text: string): number[] {
  return text.split('').map(Number);
}

function padded(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Computes a check digit, and where the algorithm has no answer for this body (a remainder it
 * rejects), nudges one free digit and tries again. Changing one digit by 1 moves the weighted sum by
 * a weight coprime with 11, so a handful of nudges always finds a valid body; retrying with the
 * rng instead would never end for a constant rng.
 */
function withCheck(
  body: number[],
  free: number,
  check: (digits: readonly number[]) => number | undefined,
): string {
  for (let attempt = 0; attempt < 11; attempt += 1) {
    const digit = check(body);
    if (digit !== undefined) return `${body.join('')}${digit}`;
    body[free] = ((body[free] ?? 0) + 1) % 10;
  }
  throw new Error('no check digit found');
}

function ensureNotZero(body: number[], index: number): number[] {
  if (!body.some((digit) => digit !== 0)) body[index] = 1;
  return body;
}

function azVoenCheck(digits: readonly number[]): number | undefined {
  const c = weighted(digits, [4, 1, 8, 6, 2, 7, 5, 3]) % 11;
  return c <= 9 ? c : undefined;
}

function kzBinCheck(digits: readonly number[]): number | undefined {
  let s = weighted(digits, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) % 11;
  if (s === 10) s = weighted(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) % 11;
  return s === 10 ? undefined : s;
}

function luhnCheckDigit(digits: readonly number[]): number {
  // Doubling starts from the digit next to the (missing) check digit.
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let d = digits[i] ?? 0;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < first14.length; i += 1) {
    const product = ALPHANUMERIC.indexOf(first14.charAt(i)) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return ALPHANUMERIC.charAt((36 - (sum % 36)) % 36);
}

function cnpjCheckDigit(chars: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) {
    sum += (weights[i] ?? 0) * (chars.charCodeAt(i) - 48);
  }
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

function vknCheckDigit(digits: readonly number[]): number {
  let s = 0;
  for (let index = 0; index < 9; index += 1) {
    const i = 9 - index;
    const c1 = ((digits[index] ?? 0) + i) % 10;
    if (c1 !== 0) s += (c1 * 2 ** i) % 9 || 9;
  }
  return (10 - (s % 10)) % 10;
}

/** GST state codes in use (25 and 28 were retired when their states merged or split). */
const gstStateCodes = [
  ...Array.from({ length: 24 }, (_, i) => padded(i + 1, 2)),
  '26',
  '27',
  ...Array.from({ length: 9 }, (_, i) => padded(i + 29, 2)),
];

/** Russian region codes of the biggest business centres, which lead the INN. */
const ruRegions = ['77', '78', '50', '66', '54', '16', '02', '52', '61', '23', '63', '74', '24'];

/** Polish tax-office prefixes of Warsaw, Kraków, Wrocław, Poznań, Gdańsk and Łódź. */
const plOffices = [
  '521',
  '522',
  '525',
  '526',
  '527',
  '534',
  '676',
  '677',
  '899',
  '779',
  '583',
  '725',
];

/** Hungarian county codes of the tax number's 11-digit form: counties and Budapest. */
const huCounties = [
  ...Array.from({ length: 19 }, (_, i) => padded(i + 2, 2)),
  '41',
  '42',
  '43',
  '44',
];

/** Vietnamese MST province codes: Hà Nội 01, Hải Phòng 02, TP HCM 03, Đà Nẵng 04, others. */
const vnProvinces = ['01', '02', '03', '04', '05', '10', '18', '23', '27', '31', '36', '42', '56'];

const generators: Readonly<Record<string, (rng: Rng) => string>> = {
  // ՀՎՀՀ: 8 digits, no public checksum; published company TINs mostly start with 0.
  AM: (rng) => `0${ensureNotZero(randomDigits(rng, 7), 0).join('')}`,
  AZ: (rng) => {
    const body = ensureNotZero(randomDigits(rng, 8), 1);
    // The last digit 1 marks a legal person.
    return `${withCheck(body, 7, azVoenCheck)}1`;
  },
  BY: (rng) => {
    // Organisations: numeric, first digit 1–7 (the registering region).
    const body = [1 + int(rng, 7), ...randomDigits(rng, 7)];
    return withCheck(body, 7, (d) => {
      const c = weighted(d, [29, 23, 19, 17, 13, 7, 5, 3]) % 11;
      return c === 10 ? undefined : c;
    });
  },
  HU: (rng) => {
    const body = [1 + int(rng, 9), ...randomDigits(rng, 6)];
    const s = weighted(body, [9, 7, 3, 1, 9, 7, 3]);
    const core = `${body.join('')}${(10 - (s % 10)) % 10}`;
    if (rng() < 0.6) return core;
    return `${core}${1 + int(rng, 5)}${choice(rng, huCounties)}`;
  },
  KZ: (rng) => {
    const year = int(rng, 25);
    const month = 1 + int(rng, 12);
    const kind = choice(rng, [4, 4, 4, 5, 6]);
    const office = choice(rng, [0, 0, 0, 1, 2, 3]);
    const head = `${padded(year, 2)}${padded(month, 2)}${kind}${office}`;
    const body = [...digitsOf(head), ...randomDigits(rng, 5)];
    // d10 has weight 10 in the first pass and 1 in the second: nudging it reaches every sum.
    return withCheck(body, 9, kzBinCheck);
  },
  KG: (rng) => `0${ensureNotZero(randomDigits(rng, 13), 0).join('')}`,
  MD: (rng) => {
    // 1 = legal entity, then the year of registration (008 = 2008), then the sequence.
    const body = [...digitsOf(`10${padded(int(rng, 25), 2)}`), ...randomDigits(rng, 8)];
    const s = weighted(body, [7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1]);
    return `${body.join('')}${s % 10}`;
  },
  RU: (rng) => {
    const region = digitsOf(choice(rng, ruRegions));
    if (rng() < 0.8) {
      const body = [...region, ...randomDigits(rng, 7)];
      const d10 = (weighted(body, [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
      return `${body.join('')}${d10}`;
    }
    // Sole traders (ИП) have the 12-digit INN of a person.
    const body = [...region, ...randomDigits(rng, 8)];
    const d11 = (weighted(body, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
    const withD11 = [...body, d11];
    const d12 = (weighted(withD11, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
    return `${withD11.join('')}${d12}`;
  },
  TJ: (rng) => `${1 + int(rng, 9)}${randomDigits(rng, 8).join('')}`,
  UZ: (rng) => `${2 + int(rng, 6)}${randomDigits(rng, 8).join('')}`,
  UA: (rng) => {
    const body = [int(rng, 5), ...randomDigits(rng, 6)];
    ensureNotZero(body, 6);
    const weights = [3, 4, 5].includes(body[0] ?? 0)
      ? [7, 1, 2, 3, 4, 5, 6]
      : [1, 2, 3, 4, 5, 6, 7];
    // A remainder of 10 is retried with every weight raised by 2.
    const retry = weights.map((w) => w + 2);
    let s = weighted(body, weights) % 11;
    if (s === 10) s = weighted(body, retry) % 11;
    return `${body.join('')}${s % 10}`;
  },
  IN: (rng) => {
    const letter = () => LETTERS.charAt(int(rng, 26));
    // A company's PAN: holder type C, the fifth letter the initial of the company's name.
    const pan = `${letter()}${letter()}${letter()}C${letter()}${padded(1 + int(rng, 9999), 4)}${letter()}`;
    const entity = rng() < 0.8 ? '1' : ALPHANUMERIC.charAt(2 + int(rng, 34));
    const first14 = `${choice(rng, gstStateCodes)}${pan}${entity}Z`;
    return `${first14}${gstinCheckCharacter(first14)}`;
  },
  BR: (rng) => {
    const root = ensureNotZero(randomDigits(rng, 8), 7).join('');
    // 0001 is the head office; branches count up from there.
    const branch = rng() < 0.8 ? '0001' : padded(2 + int(rng, 40), 4);
    const twelve = `${root}${branch}`;
    const dv1 = cnpjCheckDigit(twelve, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    const dv2 = cnpjCheckDigit(`${twelve}${dv1}`, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    return `${twelve}${dv1}${dv2}`;
  },
  ZA: (rng) => {
    // SARS income-tax references of companies start with 9; 0–3 are individuals'.
    const body = [rng() < 0.85 ? 9 : int(rng, 4), ...randomDigits(rng, 8)];
    ensureNotZero(body, 8);
    return `${body.join('')}${luhnCheckDigit(body)}`;
  },
  PL: (rng) => {
    const body = [...digitsOf(choice(rng, plOffices)), ...randomDigits(rng, 6)];
    return withCheck(body, 8, (d) => {
      const c = weighted(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
      return c === 10 ? undefined : c;
    });
  },
  // TRN: 100, seven digits, and the 00003 that published TRNs end with.
  AE: (rng) => `100${1 + int(rng, 9)}${randomDigits(rng, 6).join('')}00003`,
  // VAT: 3, nine digits, then 00003: ZATCA wants the first and the last digit to be 3.
  SA: (rng) => `3${1 + int(rng, 9)}${randomDigits(rng, 8).join('')}00003`,
  TR: (rng) => {
    const body = [1 + int(rng, 9), ...randomDigits(rng, 8)];
    return `${body.join('')}${vknCheckDigit(body)}`;
  },
  TH: (rng) => {
    // Juristic person: 0, province 10 (Bangkok), type 5 (limited) or 7 (public), the Buddhist
    // year of registration (25xx) and a serial number.
    const type = rng() < 0.9 ? 5 : 7;
    const year = 35 + int(rng, 33);
    const body = [...digitsOf(`010${type}5${padded(year, 2)}`), ...randomDigits(rng, 5)];
    const s = weighted(body, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    return `${body.join('')}${(11 - s) % 10}`;
  },
  VN: (rng) => {
    const body = [...digitsOf(choice(rng, vnProvinces)), ...randomDigits(rng, 7)];
    // The sequence (d3–d9) must not be all zeros; d9 is the one nudged below, so d8 gets the 1.
    if (!body.slice(2, 8).some((digit) => digit !== 0)) body[7] = 1;
    const number = withCheck(body, 8, (d) => {
      const r = weighted(d, [31, 29, 23, 19, 17, 13, 7, 5, 3]) % 11;
      return r === 0 ? undefined : (10 - r) % 10;
    });
    // Dependent units (branches) add a three-digit suffix, never 000.
    return rng() < 0.15 ? `${number}${padded(1 + int(rng, 30), 3)}` : number;
  },
  VE: (rng) => {
    const body = [...randomDigits(rng, 8)];
    ensureNotZero(body, 7);
    const s = (12 + weighted(body, [3, 2, 7, 6, 5, 4, 3, 2])) % 11;
    return `J${body.join('')}${'00987654321'.charAt(s)}`;
  },
  MM: (rng) => `1${randomDigits(rng, 8).join('')}`,
  IQ: (rng) => `${1 + int(rng, 9)}${randomDigits(rng, 9).join('')}`,
  SS: (rng) => `${1 + int(rng, 9)}${randomDigits(rng, 8).join('')}`,
};

/**
 * A registration number for seed data, in normalised form: valid including its check digits
 * wherever COUNTRY-RULES.md §3 knows an algorithm, format-only elsewhere. `rng` is the only
 * source of randomness, so a seed reproduces the same numbers.
 */
export function generateRegistrationNumber(country: string, rng: () => number): string {
  const cc = country.trim().toUpperCase();
  const generate = generators[cc];
  if (!generate) {
    throw new Error(`Partner Center takes no registration number for ${countryName(cc)}.`);
  }
  return generate(rng);
}
