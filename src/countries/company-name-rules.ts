import { isLegalForm } from '@/countries/legal-forms';

/**
 * What Partner Center thinks of a company name: a refusal is a name it will not take (the form
 * blocks on it); warnings are names it takes but that look wrong, to confirm before sending.
 * A refused name carries no warnings: the user has one thing to fix at a time.
 */
export interface CompanyNameCheck {
  refusal?: string;
  warnings: readonly string[];
}

/** What to show near the company name field, before anything is typed. */
export const COMPANY_NAME_GUIDANCE =
  'Enter the company’s exact legal name, as it appears in its official documents such as its certificate of incorporation. Don’t use acronyms, abbreviations or test names: Partner Center uses the name to approve the account.';

/** Why a warning matters, in Partner Center's own words. */
const MAKE_SURE =
  'make sure the company name is correct, since Partner Center uses it to approve the account.';

/** Characters that copying from a PDF or a web page leaves behind, invisible to the user. */
const invisible = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Web suffixes that only a web address ends with. Country codes alone (.de, .ai) are left out:
 * they are also the ends of legal names ("S.A.de C.V.", "X.AI Corp").
 */
const webSuffix =
  /(?:^|[\p{L}\p{N}\s])(\.(?:co\.uk|org\.uk|com\.au|co\.nz|co\.za|co\.in|co\.jp|com\.br|com\.mx|com\.tr|com\.cn|com|net|org|io|info|biz|app|online|site|shop|store))(?![\p{L}\p{N}])/iu;
const webAddressStart = /(?:^|\s)(https?:\/\/|www\.)/iu;

const letterOrDigit = /[\p{L}\p{N}]/u;
const lettersAndDigits = /[\p{L}\p{N}]/gu;
const edgePunctuation = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** A word that is one letter or digit and nothing else: "1", "a", "株". */
function isSingleCharacter(word: string): boolean {
  return [...word].length === 1 && letterOrDigit.test(word);
}

/**
 * A word that is one letter or digit three times or more: "999", "aaa", "XXX", and "(999)" too,
 * since brackets or a full stop around it do not make it a name. A legal form is not one:
 * "ООО «Ромашка»" is how a Russian company is named.
 */
function isRepeatedCharacter(word: string): boolean {
  if (isLegalForm(word)) return false;
  const characters = [...word.replace(edgePunctuation, '').toLowerCase()];
  const first = characters[0];
  return (
    characters.length >= 3 &&
    first !== undefined &&
    letterOrDigit.test(first) &&
    characters.every((character) => character === first)
  );
}

/**
 * Single characters separated by spaces, "1 2 3" or "a b c": three in a row anywhere, or two
 * when they are the whole name. Initials with their dots ("J. P. Morgan") are words, not these.
 */
function spacedCharacters(words: readonly string[]): string | undefined {
  let start = 0;
  let longest = { start: 0, end: 0 };
  words.forEach((word, index) => {
    if (!isSingleCharacter(word)) start = index + 1;
    else if (index + 1 - start > longest.end - longest.start) longest = { start, end: index + 1 };
  });
  const length = longest.end - longest.start;
  const whole = length === words.length && length >= 2;
  return length >= 3 || whole ? words.slice(longest.start, longest.end).join(' ') : undefined;
}

function warningsOf(name: string): string[] {
  const warnings: string[] = [];
  const web = webAddressStart.exec(name)?.[1] ?? webSuffix.exec(name)?.[1];
  if (web) {
    warnings.push(
      `The company name looks like a web address (“${web.toLowerCase()}”): ${MAKE_SURE}`,
    );
  }
  const words = name.split(/\s+/);
  const repeated = words.find(isRepeatedCharacter)?.replace(edgePunctuation, '');
  if (repeated) {
    warnings.push(`“${repeated}” is one character repeated: ${MAKE_SURE}`);
  }
  const spaced = spacedCharacters(words);
  if (spaced) {
    warnings.push(`“${spaced}” is single characters separated by spaces: ${MAKE_SURE}`);
  }
  return warnings;
}

function refusalOf(raw: string, name: string): string | undefined {
  if (raw === '') return 'Enter the company’s legal name.';
  if (name === '') {
    return 'The company name is only spaces or tabs: enter the company’s legal name.';
  }
  const count = name.match(lettersAndDigits)?.length ?? 0;
  if (count === 0) {
    return 'The company name has no letters or digits: enter the company’s legal name as it appears in its official documents.';
  }
  if (count === 1) {
    return 'A company name needs more than one letter or digit: enter the company’s full legal name as it appears in its official documents.';
  }
  if (isLegalForm(name)) {
    return `“${name}” is only a legal form, not a name: enter the company’s full legal name as it appears in its official documents.`;
  }
  return undefined;
}

/**
 * Partner Center's own rules for a company name (enforced by its portal since September 2021):
 * what it refuses outright and what it only warns about. Never throws, whatever the input.
 */
export function checkCompanyName(input: string): CompanyNameCheck {
  const name = input.replace(invisible, '').normalize('NFC').trim();
  const refusal = refusalOf(input, name);
  if (refusal) return { refusal, warnings: [] };
  return { warnings: warningsOf(name) };
}
