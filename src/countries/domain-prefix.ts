import { foldAccents, isLeadingLegalForm, isLegalForm } from '@/countries/legal-forms';

/** What Microsoft adds to the prefix to make a new tenant's initial domain. */
export const ON_MICROSOFT_SUFFIX = '.onmicrosoft.com';

/**
 * The longest prefix Microsoft's sign-up takes (the whole name then stays within the 17 to 43
 * characters that PowerShell allows). The prefix can never be changed afterwards and becomes
 * the SharePoint host name, which is why it is checked before Partner Center sees it.
 */
export const MAX_DOMAIN_PREFIX_LENGTH = 27;

/** The most words a legal form spans once split: "S. de R.L. de C.V." is five. */
const MAX_LEGAL_FORM_WORDS = 6;
const MAX_LEADING_FORM_WORDS = 3;

/**
 * The Latin words of a name, folded to a–z and 0–9: anything else (spaces, "&", other scripts)
 * separates words, while dots and apostrophes inside a word go, so "L.L.C." stays one word and
 * "McDonald's" becomes "mcdonalds".
 */
function latinWords(companyName: string): string[] {
  return foldAccents(companyName)
    .split(/[^a-z0-9.'’]+/)
    .map((word) => word.replace(/[.'’]/g, ''))
    .filter((word) => word !== '');
}

/** How many words at the end are one legal form ("co", "ltd" → 2), the most that are. */
function trailingFormLength(words: readonly string[]): number {
  for (let count = Math.min(MAX_LEGAL_FORM_WORDS, words.length); count > 0; count -= 1) {
    if (isLegalForm(words.slice(-count).join(''))) return count;
  }
  return 0;
}

function leadingFormLength(words: readonly string[]): number {
  for (let count = Math.min(MAX_LEADING_FORM_WORDS, words.length); count > 0; count -= 1) {
    if (isLeadingLegalForm(words.slice(0, count).join(''))) return count;
  }
  return 0;
}

/** The words without legal forms: all of those at the end ("GmbH & Co. KG"), one at the start. */
function withoutLegalForms(words: readonly string[]): readonly string[] {
  let name = words;
  for (let count = trailingFormLength(name); count > 0; count = trailingFormLength(name)) {
    name = name.slice(0, -count);
  }
  return name.slice(leadingFormLength(name));
}

/** As many whole words as fit; a first word that is too long on its own is cut. */
function fitted(words: readonly string[]): string {
  let prefix = '';
  for (const word of words) {
    if (prefix.length + word.length > MAX_DOMAIN_PREFIX_LENGTH) break;
    prefix += word;
  }
  return prefix || words.join('').slice(0, MAX_DOMAIN_PREFIX_LENGTH);
}

/**
 * A domain prefix to offer for a company: "Contoso Ltd" → "contoso", "Müller GmbH & Co. KG" →
 * "muller", "Fabrikam Électricité SA" → "fabrikamelectricite". The empty string when the name
 * has nothing Latin left ("株式会社テスト", "ООО «Ромашка»"): the field then stays empty rather
 * than offering something the user would not recognise. Always acceptable to
 * domainPrefixProblem when not empty.
 */
export function suggestDomainPrefix(companyName: string): string {
  return fitted(withoutLegalForms(latinWords(companyName)));
}

/**
 * What the user typed, as a prefix: trimmed, lower case, without ".onmicrosoft.com" if it came
 * with it. Not checked: domainPrefixProblem says what is still wrong.
 */
export function toDomainPrefix(value: string): string {
  const prefix = value.trim().toLowerCase();
  return prefix.endsWith(ON_MICROSOFT_SUFFIX)
    ? prefix.slice(0, -ON_MICROSOFT_SUFFIX.length)
    : prefix;
}

/** The tenant's initial domain for a prefix: "contoso" → "contoso.onmicrosoft.com". */
export function initialDomainOf(prefix: string): string {
  return `${toDomainPrefix(prefix)}${ON_MICROSOFT_SUFFIX}`;
}

/** "a", "a and b", "a, b and c". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** A character as a sentence can name it: spaces and invisible characters have no glyph. */
function named(character: string, count: number): string {
  if (character === ' ') return count > 1 ? 'the spaces' : 'the space';
  if (character === '\t') return count > 1 ? 'the tabs' : 'the tab';
  if (/[\p{C}\p{Z}\s]/u.test(character)) {
    const code = character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
    return `the invisible character U+${code ?? ''}`;
  }
  return `“${character}”`;
}

const MAX_NAMED_CHARACTERS = 5;

/** What to do about the characters a prefix cannot have: remove them, or replace them. */
function characterFixes(characters: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const character of characters) {
    if (!/^[a-zA-Z0-9]$/.test(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  const removals: string[] = [];
  const replacements: string[] = [];
  for (const [character, count] of counts) {
    const folded = foldAccents(character);
    if (/^[a-z0-9]+$/.test(folded)) replacements.push(`“${character}” with “${folded}”`);
    else removals.push(named(character, count));
  }
  const fixes: string[] = [];
  if (removals.length > MAX_NAMED_CHARACTERS) {
    fixes.push(
      `remove the characters that are not a–z or 0–9, such as ${listOf(removals.slice(0, 2))}`,
    );
  } else if (removals.length > 0) {
    fixes.push(`remove ${listOf(removals)}`);
  }
  if (replacements.length > MAX_NAMED_CHARACTERS) {
    fixes.push('write accented letters without their accents');
  } else if (replacements.length > 0) {
    fixes.push(`replace ${listOf(replacements)}`);
  }
  return fixes;
}

/**
 * What is wrong with a domain prefix, as a sentence to show, or undefined when Microsoft takes
 * it: 1 to 27 characters, lowercase letters a–z and digits only.
 */
export function domainPrefixProblem(prefix: string): string | undefined {
  if (prefix === '') return 'Enter the domain prefix for the new tenant, such as contoso.';
  if (prefix.toLowerCase().endsWith(ON_MICROSOFT_SUFFIX)) {
    const part = prefix.slice(0, -ON_MICROSOFT_SUFFIX.length);
    return part === ''
      ? 'Enter the domain prefix for the new tenant, such as contoso.'
      : `Enter only the part before ${ON_MICROSOFT_SUFFIX} (“${part}”): it is added for you.`;
  }
  const characters = [...prefix];
  const sentences: string[] = [];
  const fixes = characterFixes(characters);
  const upperCase = /[A-Z]/.test(prefix);
  if (fixes.length > 0) {
    if (upperCase) fixes.push('write it in lowercase');
    sentences.push(`A domain prefix can only have letters a–z and digits: ${listOf(fixes)}.`);
  } else if (upperCase) {
    sentences.push(`A domain prefix is written in lowercase: type “${prefix.toLowerCase()}”.`);
  }
  if (characters.length > MAX_DOMAIN_PREFIX_LENGTH) {
    const limit = `at most ${MAX_DOMAIN_PREFIX_LENGTH} characters (this one has ${characters.length})`;
    sentences.push(
      sentences.length > 0 ? `It can also have ${limit}.` : `A domain prefix can have ${limit}.`,
    );
  }
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}
