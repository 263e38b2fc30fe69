import { countryInSentence, toCountryCode } from '@/countries/countries';
import {
  anyIdentifier,
  registrationNumberDefinitions,
  type CountryDefinition,
  type KindDefinition,
} from '@/countries/registration-number-kinds';

/** The 24 countries where Partner Center requires an organization registration number. */
export const registrationNumberCountries: readonly string[] = Object.freeze(
  Object.keys(registrationNumberDefinitions),
);

export type RegistrationNumberResult =
  | { valid: true; normalized: string; kind: string; warning?: string }
  | { valid: false; message: string };

export interface RegistrationNumberKind {
  kind: string;
  name: string;
  localName?: string;
  example: string;
  description: string;
  checkDigits: boolean;
}

export interface RegistrationNumberRule {
  country: string;
  required: true;
  label: string;
  example: string;
  description: string;
  checkDigits: boolean;
  kinds: readonly RegistrationNumberKind[];
}

const definitions = new Map(Object.entries(registrationNumberDefinitions));

function definitionOf(code: string): CountryDefinition | undefined {
  return definitions.get(code);
}

export function requiresRegistrationNumber(country: string): boolean {
  return definitions.has(toCountryCode(country));
}

function publicKind(kind: KindDefinition): RegistrationNumberKind {
  return Object.freeze({
    kind: kind.kind,
    name: kind.name,
    ...(kind.localName ? { localName: kind.localName } : {}),
    example: kind.example,
    description: kind.description,
    checkDigits: kind.checkDigits !== undefined,
  });
}

function publicRule(country: string, definition: CountryDefinition): RegistrationNumberRule {
  const kinds = Object.freeze(definition.kinds.map(publicKind));
  return Object.freeze({
    country,
    required: true as const,
    label: definition.label,
    example: definition.kinds[0].example,
    description: definition.description,
    checkDigits: kinds.some((kind) => kind.checkDigits),
    kinds,
  });
}

const rules = new Map(
  [...definitions].map(([country, definition]) => [country, publicRule(country, definition)]),
);

/** What the registration number field shows and checks for a country; undefined outside the 24. */
export function registrationNumberRule(country: string): RegistrationNumberRule | undefined {
  return rules.get(toCountryCode(country));
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Characters that copying from a PDF or a web page leaves behind, invisible to the user. */
const invisible = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Whitespace of any kind (NBSP included), hyphens and dashes, the minus sign, `_`, `.`, `/`. */
const separators = /[\s\-\u2010-\u2015\u2212_./]/g;
const separatorClass = String.raw`[\s:#\-\u2010-\u2015\u2212_./]*`;
/**
 * After a label: separators, then maybe "№" (which NFKC has turned into "NO"), "N°" or "NR."
 * and more separators. Groups: 1 the label, 2 the separators, 3 the "number" word and after.
 */
const labelSuffix = String.raw`(${separatorClass})((?:№|N°|NO(?=[\s.:#\d])\.?|NR(?=[\s.:#\d])\.?)${separatorClass})?`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern per label, longest first: "GST" must get its turn when "GSTIN" does not fit. */
const labelPatterns = new Map(
  [...definitions].map(([country, definition]) => {
    const labels = [...definition.typedLabels].sort((a, b) => b.length - a.length);
    return [
      country,
      labels.map((label) => ({
        label,
        pattern: new RegExp(`^(${escapeRegExp(label)})${labelSuffix}`),
      })),
    ];
  }),
);

/** Belarusian UNPs of individuals are often typed in Cyrillic letters that look Latin. */
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

function latinLookalikes(country: string, text: string): string {
  if (country !== 'BY') return text;
  return text.replace(/[АВСЕНКМОРТ]/g, (letter) => cyrillicLookalikes[letter] ?? letter);
}

/**
 * The last touches of the normalised form: a VÖEN that lost its leading 0 gets it back (as
 * py-stdnum does), and a CIPC number, which has no separator-free form anyone writes, gets
 * its slashes back.
 */
function finish(country: string, text: string): string {
  if (country === 'AZ' && /^\d{9}$/.test(text)) return `0${text}`;
  if (country === 'ZA' && /^(?:18|19|20)\d{10}$/.test(text)) {
    return `${text.slice(0, 4)}/${text.slice(4, 10)}/${text.slice(10)}`;
  }
  return text;
}

function fitsAnyKind(definition: CountryDefinition, normalized: string): boolean {
  return definition.kinds.some((kind) => kind.format(normalized));
}

/** Whether a fragment, once compacted the way the rest of the pipeline would, is a number. */
function compactFits(country: string, definition: CountryDefinition, text: string): boolean {
  return fitsAnyKind(
    definition,
    finish(country, latinLookalikes(country, text.replace(separators, ''))),
  );
}

/**
 * A label with a separator after it ("ИНН 7707…", "NIP: 526…") goes unless it is the start of
 * the number itself. Glued to the number ("ИНН7707…") it goes only when the whole does not fit
 * a format and what follows does, or starts with a digit: a PAN may start with PAN, and for
 * MM, IQ and SS, where any letters fit, a glued TIN stays.
 */
function stripLabels(country: string, definition: CountryDefinition, input: string): string {
  const labels = labelPatterns.get(country) ?? [];
  let text = input;
  for (;;) {
    const rest = labels
      .filter(({ label }) => text.startsWith(label))
      .map(({ pattern }) => withoutLabel(country, definition, text, pattern.exec(text)))
      .find((candidate) => candidate !== undefined);
    if (rest === undefined) return text;
    text = rest;
  }
}

/** The text after one label, or undefined when that label should stay (see stripLabels). */
function withoutLabel(
  country: string,
  definition: CountryDefinition,
  text: string,
  match: RegExpExecArray | null,
): string | undefined {
  if (!match) return undefined;
  const rest = afterLabel(country, definition, text, match);
  const separated = match[0].length > (match[1] ?? '').length;
  const wholeFits = compactFits(country, definition, text);
  const strip = separated
    ? !wholeFits || compactFits(country, definition, rest)
    : !wholeFits && (/^\d/.test(rest) || compactFits(country, definition, rest));
  return strip ? rest : undefined;
}

/**
 * What follows the label and its "№"/"NO"/"NR", unless only the number with those letters
 * fits: "GSTIN NR JAJ2909Z" is the PAN NRJAJ2909Z.
 */
function afterLabel(
  country: string,
  definition: CountryDefinition,
  text: string,
  match: RegExpExecArray,
): string {
  const rest = text.slice(match[0].length);
  if (match[3] === undefined || compactFits(country, definition, rest)) return rest;
  const withWord = text.slice((match[1] ?? '').length + (match[2] ?? '').length);
  return compactFits(country, definition, withWord) ? withWord : rest;
}

/**
 * "HU12892312", "PL 8567346215": the ISO prefix goes only when the value does not fit a format
 * with it and does without it (or a label follows, "RU ИНН …"), so a PAN starting with IN stays.
 */
function stripIsoPrefix(country: string, definition: CountryDefinition, text: string): string {
  if (!text.startsWith(country) || fitsAnyKind(definition, finish(country, text))) return text;
  const rest = text.slice(country.length);
  const fits =
    fitsAnyKind(definition, finish(country, rest)) ||
    (labelPatterns.get(country) ?? []).some(({ label }) => rest.startsWith(label));
  return fits ? rest : text;
}

function normalizeOnce(country: string, definition: CountryDefinition | undefined, input: string) {
  // NFKC again after upper-casing, which turns 'i̇' (a lower-cased 'İ') into 'I' and a loose dot.
  let text = input.normalize('NFKC').toUpperCase().normalize('NFKC').replace(invisible, '').trim();
  if (definition) text = stripLabels(country, definition, text);
  text = text.replace(separators, '');
  if (!definition) return text;
  text = stripIsoPrefix(country, definition, latinLookalikes(country, text));
  return finish(country, text);
}

/** Enough for a label, a prefix and a second label; a fixed point comes well before. */
const maxPasses = 16;

/**
 * Repeats the single pass until nothing changes, which makes the result idempotent by
 * construction: a pass strips one layer (a label, a prefix, what NFKC or upper-casing
 * uncovered), and a value typed with two layers needs two passes.
 */
function normalizeWith(country: string, definition: CountryDefinition | undefined, value: string) {
  let current = value;
  for (let pass = 0; pass < maxPasses; pass += 1) {
    const next = normalizeOnce(country, definition, current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

/**
 * The value as Partner Center should get it: NFKC (full-width digits become ASCII), upper case,
 * no label, separators or ISO prefix; ZA's CIPC number keeps its slashes, a 9-digit VÖEN gets
 * its leading 0 and a Belarusian UNP its Latin letters.
 */
export function normalizeRegistrationNumber(country: string, value: string): string {
  const code = toCountryCode(country);
  return normalizeWith(code, definitionOf(code), value);
}

// ---------------------------------------------------------------------------------------------
// Validation

function withoutFullStop(sentence: string): string {
  return sentence.endsWith('.') ? sentence.slice(0, -1) : sentence;
}

/** What is off in what was typed, said without a pattern: letters, a length, a shape. */
function whatWasTyped(definition: CountryDefinition, normalized: string): string {
  if (/[^0-9A-Z/]/.test(normalized)) {
    return 'this one contains characters other than letters and digits';
  }
  const digitsOnly = definition.kinds.every((kind) => kind.digitsOnly);
  if (digitsOnly && /[A-Z/]/.test(normalized)) return 'this one contains letters';
  if (!/\d/.test(normalized)) return 'this one has no digits';
  const lengths = definition.kinds.flatMap((kind) => kind.lengths);
  if (!lengths.includes(normalized.length)) {
    return digitsOnly
      ? `this one has ${normalized.length}`
      : `this one has ${normalized.length} characters`;
  }
  return 'this one has the right length but not that form';
}

function invalid(message: string): RegistrationNumberResult {
  return { valid: false, message };
}

function formatProblem(definition: CountryDefinition, normalized: string) {
  return invalid(
    `${withoutFullStop(definition.description)}; ${whatWasTyped(definition, normalized)}.`,
  );
}

function checkDigitProblem(kind: KindDefinition, normalized: string) {
  const unit = kind.checkCharacter ? 'character' : 'digit';
  const mismatch = kind.twoCheckDigits?.(normalized)
    ? `the check ${unit}s do not match`
    : `the check ${unit} does not match`;
  return invalid(
    `${withoutFullStop(kind.description)}; ${mismatch}, so a ${unit} is probably mistyped.`,
  );
}

/** AM, KG, TJ, UZ: a value outside the usual format is taken, with a word of caution. */
function warningFor(definition: CountryDefinition, normalized: string): string {
  const usualLength = definition.kinds[0].lengths[0] ?? 0;
  const short = /^\d+$/.test(normalized) && normalized.length < usualLength;
  return `${definition.usually}; check that this one is ${short ? 'complete' : 'right'}.`;
}

function notApplicable(code: string): string {
  const where = code ? countryInSentence(code) : 'this country';
  return `Partner Center takes no organization registration number for companies in ${where}, so leave it out.`;
}

/**
 * Checks a registration number for the billing country: required in the 24 countries (with its
 * format and, where an algorithm exists, its check digits), refused everywhere else.
 */
export function validateRegistrationNumber(
  country: string,
  value: string,
): RegistrationNumberResult {
  const code = toCountryCode(country);
  const definition = definitionOf(code);
  if (!definition) return invalid(notApplicable(code));
  const normalized = normalizeWith(code, definition, value);
  if (normalized === '') {
    return invalid(
      `Enter the company's ${definition.label}: Partner Center requires it for companies in ${countryInSentence(code)}.`,
    );
  }
  if (normalized.length < 5 || normalized.length > 22) return formatProblem(definition, normalized);
  if (!/[1-9]/.test(normalized)) {
    return /0/.test(normalized)
      ? invalid(`The ${definition.label} cannot be all zeros.`)
      : formatProblem(definition, normalized);
  }
  const kind = definition.kinds.find((candidate) => candidate.format(normalized));
  if (!kind) {
    if (definition.usually && anyIdentifier.test(normalized)) {
      const warning = warningFor(definition, normalized);
      return { valid: true, normalized, kind: definition.kinds[0].kind, warning };
    }
    return formatProblem(definition, normalized);
  }
  if (kind.checkDigits && !kind.checkDigits(normalized)) return checkDigitProblem(kind, normalized);
  return { valid: true, normalized, kind: kind.kind };
}
