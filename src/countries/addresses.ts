import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { z } from 'zod';
import type { CountryValidationRules } from '@/api/partner-center/resources';
import { countryInSentence, toCountryCode } from '@/countries/countries';
import { rulesForCountry } from '@/countries/partner-center-rules';
import { requiresRegistrationNumber } from '@/countries/registration-numbers';
import addressData from './address-data.json';

// ---------------------------------------------------------------------------------------------
// The static data (Google's libaddressinput, pruned by scripts/generate-address-data.ts)

const subdivisionSchema = z.union([z.tuple([z.string()]), z.tuple([z.string(), z.string()])]);

const countryDataSchema = z.object({
  require: z.string(),
  uses: z.string(),
  zip: z.string().optional(),
  zipex: z.string().optional(),
  zipPrefix: z.string().optional(),
  zipType: z.string().optional(),
  stateType: z.string().optional(),
  states: z.array(subdivisionSchema).optional(),
  order: z.string(),
  localityType: z.string().optional(),
  sublocalityType: z.string().optional(),
});
type CountryData = z.infer<typeof countryDataSchema>;

const addressDataSchema = z.object({
  defaults: z.object({
    require: z.string(),
    stateType: z.string(),
    zipType: z.string(),
    localityType: z.string(),
    sublocalityType: z.string(),
  }),
  countries: z.record(z.string(), countryDataSchema),
});

// Parsed once: a hand-edited or stale JSON fails loudly at start-up rather than as `undefined`
// deep inside a form.
const data = addressDataSchema.parse(addressData);

function staticData(code: string): CountryData {
  return (
    data.countries[code] ?? {
      require: data.defaults.require,
      // Google's ZZ format: street and city only.
      uses: 'C',
      order: 'AC',
    }
  );
}

// ---------------------------------------------------------------------------------------------
// Rules

export interface StateOption {
  value: string;
  label: string;
}

/** The address fields whose place and presence depend on the country. */
export type PlacedAddressField = 'addressLine1' | 'city' | 'district' | 'state' | 'postalCode';

export interface AddressRules {
  /** Upper-case alpha-2; '' when the input was not a country code. */
  country: string;
  source: 'partner-center' | 'static';
  /**
   * The fields the country's addresses have, in the order it writes them (Google's Latin
   * format): Poland `addressLine1, postalCode, city`, Japan `addressLine1, state, postalCode`.
   */
  fieldOrder: readonly PlacedAddressField[];
  /** 'City', 'Post town' (GB), 'District' (HK), 'Suburb'. */
  cityLabel: string;
  /** 'District', 'Neighborhood' (BR, MX), 'Townland' (IE), …: Partner Center's `district`. */
  districtLabel: string;
  cityRequired: boolean;
  /** Google's format has a district line (CN, KR, MX, TH …); never required. */
  usesDistrict: boolean;
  usesState: boolean;
  stateRequired: boolean;
  /** 'State', 'Province', 'Oblast', 'Emirate', 'County', 'Prefecture', … */
  stateLabel: string;
  states: readonly StateOption[];
  /**
   * Only Partner Center's own `supportedStatesList` is strict: its server checks the state
   * against it. Google's list is a suggestion list (free text is accepted).
   */
  statesStrict: boolean;
  usesPostalCode: boolean;
  postalCodeRequired: boolean;
  /** 'Postal code', 'ZIP code', 'PIN code', 'Eircode'. */
  postalCodeLabel: string;
  postalCodeExample?: string;
  /** Partner Center refuses a customer without one in the 24 countries (error 600051). */
  phoneRequired: boolean;
  /** Partner Center's own pattern, when its rules give one. */
  phoneNumberRegex?: string;
}

const stateLabels: Readonly<Record<string, string>> = {
  area: 'Area',
  county: 'County',
  department: 'Department',
  district: 'District',
  // Korea's "do/si" (provinces and metropolitan cities): English forms call the field province.
  do_si: 'Province',
  emirate: 'Emirate',
  island: 'Island',
  oblast: 'Oblast',
  parish: 'Parish',
  prefecture: 'Prefecture',
  province: 'Province',
  state: 'State',
};

const localityLabels: Readonly<Record<string, string>> = {
  city: 'City',
  district: 'District',
  post_town: 'Post town',
  suburb: 'Suburb',
};

const sublocalityLabels: Readonly<Record<string, string>> = {
  district: 'District',
  neighborhood: 'Neighborhood',
  suburb: 'Suburb',
  townland: 'Townland',
  village_township: 'Village or township',
};

const fieldByLetter: Readonly<Record<string, PlacedAddressField>> = {
  A: 'addressLine1',
  C: 'city',
  D: 'district',
  S: 'state',
  Z: 'postalCode',
};

const fieldOrders = new Map<CountryData, readonly PlacedAddressField[]>();

/**
 * The country's own order, then any field its format lacks but the rules need (a required state,
 * a postal code Partner Center checks), after the others.
 */
function fieldOrderOf(
  fixed: CountryData,
  needs: { city: boolean; state: boolean; postalCode: boolean },
): readonly PlacedAddressField[] {
  let order = fieldOrders.get(fixed);
  if (!order) {
    order = Object.freeze(
      [...fixed.order].flatMap((letter) => fieldByLetter[letter] ?? []),
    ) as readonly PlacedAddressField[];
    fieldOrders.set(fixed, order);
  }
  const missing: PlacedAddressField[] = [];
  if (needs.city && !order.includes('city')) missing.push('city');
  if (needs.state && !order.includes('state')) missing.push('state');
  if (needs.postalCode && !order.includes('postalCode')) missing.push('postalCode');
  return missing.length ? [...order, ...missing] : order;
}

const postalCodeLabels: Readonly<Record<string, string>> = {
  eircode: 'Eircode',
  pin: 'PIN code',
  postal: 'Postal code',
  zip: 'ZIP code',
};

const staticStatesByCountry = new Map<CountryData, readonly StateOption[]>();

/** Built once per country: forms ask for the rules on every keystroke. */
function staticStates(country: CountryData): readonly StateOption[] {
  let options = staticStatesByCountry.get(country);
  if (!options) {
    options = Object.freeze(
      (country.states ?? []).map(([value, label]) =>
        Object.freeze({ value, label: label ?? value }),
      ),
    );
    staticStatesByCountry.set(country, options);
  }
  return options;
}

/**
 * Partner Center's state list, labelled from Google's where the same subdivision appears in both
 * (Partner Center's 'Hokkaido' shows as 'Hokkaido (北海道)', its 'SP' as 'São Paulo').
 */
function partnerCenterStates(list: readonly string[], known: readonly StateOption[]) {
  const byKey = new Map<string, StateOption>();
  for (const option of known) {
    for (const key of optionKeys(option)) if (!byKey.has(key)) byKey.set(key, option);
  }
  const seen = new Set<string>();
  const options: StateOption[] = [];
  for (const raw of list) {
    const value = raw.trim();
    if (!value || seen.has(value)) continue;
    seen.add(value);
    options.push({ value, label: byKey.get(fold(value))?.label ?? value });
  }
  return options;
}

/**
 * The address rules for a country: Partner Center's `countryvalidationrules` where given (they are
 * what its server enforces), field by field over Google's data.
 */
export function addressRules(country: string, rules?: CountryValidationRules): AddressRules {
  const code = toCountryCode(country);
  const fixed = staticData(code);
  const pc = rulesForCountry(code, rules);
  const known = staticStates(fixed);
  const pcStates = pc ? partnerCenterStates(pc.supportedStatesList, known) : [];
  const statesStrict = pcStates.length > 0;
  const stateRequired = pc ? pc.isStateRequired : fixed.require.includes('S');
  const postalCodeRequired = pc ? pc.isPostalCodeRequired : fixed.require.includes('Z');
  const postalCodeExample = fixed.zipex;
  const cityRequired = pc ? pc.isCityRequired : fixed.require.includes('C');
  const usesState = fixed.uses.includes('S') || known.length > 0 || stateRequired || statesStrict;
  const usesPostalCode =
    fixed.uses.includes('Z') || postalCodeRequired || Boolean(pc?.postalCodeRegex);
  const result: AddressRules = {
    country: code,
    source: pc ? 'partner-center' : 'static',
    fieldOrder: fieldOrderOf(fixed, {
      city: cityRequired,
      state: usesState,
      postalCode: usesPostalCode,
    }),
    cityLabel: localityLabels[fixed.localityType ?? data.defaults.localityType] ?? 'City',
    // Partner Center's own word where the country's format has no such line.
    districtLabel: fixed.sublocalityType
      ? (sublocalityLabels[fixed.sublocalityType] ?? 'District')
      : 'District',
    cityRequired,
    usesDistrict: fixed.uses.includes('D'),
    usesState,
    stateRequired,
    stateLabel: stateLabels[fixed.stateType ?? data.defaults.stateType] ?? 'Province',
    states: statesStrict ? pcStates : known,
    statesStrict,
    usesPostalCode,
    postalCodeRequired,
    postalCodeLabel: postalCodeLabels[fixed.zipType ?? data.defaults.zipType] ?? 'Postal code',
    // Where Partner Center requires a registration number it requires the billing phone too
    // (COUNTRY-RULES.md §1, error 600051).
    phoneRequired: requiresRegistrationNumber(code) || Boolean(pc?.isPhoneNumberRequired),
  };
  if (postalCodeExample) result.postalCodeExample = postalCodeExample;
  if (pc?.phoneNumberRegex) result.phoneNumberRegex = pc.phoneNumberRegex;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Messages

export type FieldResult = { valid: true; normalized: string } | { valid: false; message: string };

/** The label inside a sentence: 'ZIP code', 'PIN code' and 'Eircode' keep their capitals. */
function lowerLabel(label: string): string {
  return label === 'Postal code' ? 'postal code' : label;
}

function withIndefiniteArticle(phrase: string): string {
  return `${/^[aeiouAEIOU]/.test(phrase) ? 'An' : 'A'} ${phrase}`;
}

// ---------------------------------------------------------------------------------------------
// Postal codes

/** Partner Center's limit (the emulator's wire schema); also bounds any server pattern's cost. */
const maxPostalCodeLength = 20;

const dashes = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

function normalizePostalCode(value: string): string {
  return (
    value
      .normalize('NFKC')
      .replace(dashes, '-')
      // Japan's postal mark is written before the code but is no part of it.
      .replace(/^\s*〒/, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toUpperCase()
  );
}

/** A pattern from the server compiled without trusting it: a broken one is no pattern at all. */
function compile(source: string | undefined, anchored = false): RegExp | undefined {
  if (!source) return undefined;
  try {
    return new RegExp(anchored ? `^(?:${source})$` : source);
  } catch {
    return undefined;
  }
}

type Tester = (candidate: string) => boolean;

/**
 * Partner Center's pattern first (its server's own check, so unanchored like .NET's IsMatch), then
 * postcode-validator, then Google's pattern; undefined where nothing knows a format.
 */
function postalTester(code: string, fixed: CountryData, pcRegex?: string): Tester | undefined {
  const server = compile(pcRegex);
  if (server) return (candidate) => server.test(candidate);
  if (code && postcodeValidatorExistsForCountry(code)) {
    return (candidate) => {
      try {
        return postcodeValidator(candidate, code);
      } catch {
        return false;
      }
    };
  }
  const google = compile(fixed.zip, true);
  return google ? (candidate) => google.test(candidate) : undefined;
}

/** The typed letters and digits laid out like the example: `00950` as `00-950`. */
function reshape(value: string, example: string | undefined): string | undefined {
  if (!example) return undefined;
  const chars = [...value.replace(/[^0-9A-Z]/g, '')];
  const slots = example.replace(/[^0-9A-Z]/gi, '').length;
  if (chars.length !== slots) return undefined;
  let next = 0;
  return [...example].map((char) => (/[0-9A-Z]/i.test(char) ? chars[next++] : char)).join('');
}

/** `AZ 1000`, `MD-2012`, `L-1234`: the country's prefix is written by some but not sent. */
function withoutPrefix(value: string, code: string, fixed: CountryData): string | undefined {
  const prefixes = [code, fixed.zipPrefix?.replace(/[^A-Z]/gi, '').toUpperCase()].filter(
    (prefix): prefix is string => Boolean(prefix),
  );
  for (const prefix of prefixes) {
    if (!value.startsWith(prefix)) continue;
    const rest = value.slice(prefix.length).replace(/^[\s-]+/, '');
    if (rest && /^[0-9A-Z]/.test(rest)) return rest;
  }
  return undefined;
}

export function validatePostalCode(
  country: string,
  value: string,
  rules?: CountryValidationRules,
): FieldResult {
  const code = toCountryCode(country);
  const fixed = staticData(code);
  const address = addressRules(code, rules);
  const where = countryInSentence(code);
  const label = lowerLabel(address.postalCodeLabel);
  const example = address.postalCodeExample;
  const looksLike = example
    ? ` ${withIndefiniteArticle(label)} in ${where} looks like ${example}.`
    : '';
  const normalized = normalizePostalCode(value);

  if (!normalized) {
    if (!address.postalCodeRequired) return { valid: true, normalized: '' };
    return {
      valid: false,
      message: `Enter the ${label}: addresses in ${where} need one.${looksLike}`,
    };
  }
  if (normalized.length > maxPostalCodeLength) {
    return {
      valid: false,
      message: `${withIndefiniteArticle(label)} can have at most ${maxPostalCodeLength} characters.${looksLike}`,
    };
  }

  const test = postalTester(code, fixed, rulesForCountry(code, rules)?.postalCodeRegex);
  const stripped = withoutPrefix(normalized, code, fixed);
  if (!test) return { valid: true, normalized: stripped ?? normalized };

  // The example's layout first, so that `k1a0b1` is sent as `K1A 0B1` even where the pattern
  // would take it bare; the prefix-less form before the typed one.
  const candidates: string[] = [];
  for (const base of [stripped, normalized]) {
    if (base === undefined) continue;
    const shaped = reshape(base, example);
    if (shaped !== undefined) candidates.push(shaped);
    // Bare letters and digits last: a server pattern may want no separator at all.
    candidates.push(base, base.replace(/[^0-9A-Z]/g, ''));
  }
  const accepted = candidates.find((candidate) => test(candidate));
  if (accepted !== undefined) return { valid: true, normalized: accepted };
  return {
    valid: false,
    message: `This ${label} is not valid in ${where}.${looksLike}`,
  };
}

// ---------------------------------------------------------------------------------------------
// States

/** Case, accents, punctuation and `&`/`and` do not tell two subdivision names apart. */
function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’‘`]/g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** The value, the label, and each half of a label such as 'Hokkaido (北海道)'. */
function optionKeys(option: StateOption): string[] {
  const keys = [option.value, option.label];
  const parts = /^(.*) \((.*)\)$/.exec(option.label);
  if (parts?.[1]) keys.push(parts[1]);
  if (parts?.[2]) keys.push(parts[2]);
  return keys.map(fold).filter(Boolean);
}

export function matchState(
  country: string,
  value: string,
  rules?: CountryValidationRules,
): FieldResult {
  const code = toCountryCode(country);
  const address = addressRules(code, rules);
  const typed = value.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const label = address.stateLabel.toLowerCase();
  const where = countryInSentence(code);

  if (!typed) {
    if (!address.stateRequired) return { valid: true, normalized: '' };
    return {
      valid: false,
      message: `Choose the ${label}: it is required for addresses in ${where}.`,
    };
  }

  const exact = address.states.find((option) => option.value.toLowerCase() === typed.toLowerCase());
  if (exact) return { valid: true, normalized: exact.value };
  const key = fold(typed);
  const matched = address.states.find((option) => optionKeys(option).includes(key));
  if (matched) return { valid: true, normalized: matched.value };

  if (!address.statesStrict) return { valid: true, normalized: typed };
  return {
    valid: false,
    message: `Partner Center does not know this ${label} of ${where}; choose one from the list.`,
  };
}
