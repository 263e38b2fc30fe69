import {
  getCountryCallingCode,
  getExampleNumber,
  isSupportedCountry,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { countryInSentence, toCountryCode } from '@/countries/countries';

export type PhoneResult =
  | { valid: true; normalized: string; e164: string; national: string; type?: string }
  | { valid: false; message: string };

/**
 * Partner Center's own codes that libphonenumber does not know, mapped to the numbering plan they
 * dial in: Jan Mayen is Svalbard's +47, Saba and Sint Eustatius are the Caribbean Netherlands'
 * +599, as was the Netherlands Antilles (Curaçao kept its plan).
 */
const numberingPlanOf: Readonly<Record<string, CountryCode>> = {
  XJ: 'SJ',
  XS: 'BQ',
  XE: 'BQ',
  AN: 'CW',
};

function numberingPlan(country: string): CountryCode | undefined {
  const code = toCountryCode(country);
  const plan = numberingPlanOf[code] ?? code;
  return isSupportedCountry(plan) ? plan : undefined;
}

/** A national-format example for the country's placeholder, e.g. `8 (912) 345-67-89` in Russia. */
export function phoneExample(country: string): string | undefined {
  const plan = numberingPlan(country);
  return plan ? getExampleNumber(plan, examples)?.formatNational() : undefined;
}

function exampleClause(plan: CountryCode | undefined): string {
  const example = plan ? getExampleNumber(plan, examples) : undefined;
  return example
    ? `; for example ${example.formatNational()} or ${example.formatInternational()}`
    : '';
}

/** A pattern from the server compiled without trusting it: a broken one is no pattern at all. */
function compile(source: string | undefined): RegExp | undefined {
  if (!source) return undefined;
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

type Attempt = { number: PhoneNumber; input: string } | { error: string; input: string };

function parse(input: string, plan: CountryCode | undefined): Attempt {
  try {
    const options = plan ? { defaultCountry: plan, extract: false } : { extract: false };
    return { number: parsePhoneNumberWithError(input, options), input };
  } catch (error) {
    return { error: error instanceof ParseError ? error.message : 'NOT_A_NUMBER', input };
  }
}

/**
 * `00 44 …` is the international prefix in most of the world, but libphonenumber reads it so only
 * where the address country dials 00; elsewhere (Russia dials 810) it would be a national number.
 */
function internationalForm(input: string): string | undefined {
  const compact = input.replace(/[\s().\-/]/g, '');
  return /^00[1-9]/.test(compact) ? `+${compact.slice(2)}` : undefined;
}

function invalidMessage(attempt: Attempt, code: string, plan: CountryCode | undefined): string {
  if ('error' in attempt) {
    const example = exampleClause(plan);
    switch (attempt.error) {
      case 'INVALID_COUNTRY':
        return attempt.input.startsWith('+')
          ? 'This phone number starts with a country calling code that does not exist.'
          : 'Enter the phone number in international form, starting with + and the country calling code.';
      case 'TOO_SHORT':
        return `This phone number is too short${example}.`;
      case 'TOO_LONG':
        return `This phone number is too long${example}.`;
      default:
        return `This is not a phone number${example}.`;
    }
  }
  // Name the numbering plan the digits were read in: the address country's for national input
  // or its own calling code, else the country (or calling code) the number was dialled to.
  const number = attempt.number;
  const own = plan !== undefined && getCountryCallingCode(plan) === number.countryCallingCode;
  const dialled = own ? plan : number.country;
  const place = own ? countryInSentence(code) : dialled ? countryInSentence(dialled) : undefined;
  const calling = `for the country calling code +${number.countryCallingCode}`;
  const forPlace = place ? `for ${place}` : calling;
  const example = exampleClause(dialled);
  const length = validatePhoneNumberLength(attempt.input, plan ? { defaultCountry: plan } : {});
  if (length === 'TOO_SHORT') return `This phone number is too short ${forPlace}${example}.`;
  if (length === 'TOO_LONG') return `This phone number is too long ${forPlace}${example}.`;
  if (length === 'INVALID_LENGTH') {
    return `This phone number has the wrong number of digits ${forPlace}${example}.`;
  }
  return `This is not a valid phone number ${place ? `in ${place}` : calling}${example}.`;
}

/**
 * Reads a phone number typed for an address in `country`: national (`8 (912) 345-67-89` in
 * Russia) or international (`+7 …`, `00 7 …`), with any separators.
 *
 * `normalized` is what Partner Center is sent. Its docs do not say which form it wants; their
 * samples are national digits (`4255550101`), so a number of the address country's calling code
 * is sent as its national significant number, any other as E.164. When Partner Center gives a
 * `phoneNumberRegex`, the first of national significant number, national format, E.164 and E.164
 * without + that it matches is sent instead.
 *
 * Extensions are refused, not dropped: Partner Center's address has no field for one, and a number
 * silently cut short would not reach the person the user meant.
 */
export function validatePhoneNumber(
  country: string,
  value: string,
  options: { phoneNumberRegex?: string } = {},
): PhoneResult {
  const code = toCountryCode(country);
  const plan = numberingPlan(code);
  const where = countryInSentence(code);
  const input = value.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!input) return { valid: false, message: `Enter a phone number${exampleClause(plan)}.` };

  const attempts = [parse(input, plan)];
  const international = internationalForm(input);
  if (international) attempts.push(parse(international, plan));
  const parsed = attempts.find(
    (attempt): attempt is Extract<Attempt, { number: PhoneNumber }> =>
      'number' in attempt && attempt.number.isValid(),
  );
  if (!parsed) {
    // Someone who typed 00 meant an international number: explain that reading when it parsed.
    const [literal, dialled] = attempts;
    const explained = dialled && 'number' in dialled ? dialled : (literal ?? dialled);
    return {
      valid: false,
      message: explained ? invalidMessage(explained, code, plan) : 'Enter a phone number.',
    };
  }

  const number = parsed.number;
  if (number.ext) {
    return {
      valid: false,
      message:
        'Partner Center has no field for a phone extension; enter the number without the extension.',
    };
  }

  const domestic = plan !== undefined && getCountryCallingCode(plan) === number.countryCallingCode;
  const e164 = number.number;
  const forms = domestic
    ? [number.nationalNumber, number.formatNational(), e164, e164.slice(1)]
    : [e164, e164.slice(1)];
  const pattern = compile(options.phoneNumberRegex);
  const normalized = pattern ? forms.find((form) => pattern.test(form)) : forms[0];
  if (normalized === undefined) {
    return {
      valid: false,
      message: domestic
        ? `Partner Center does not accept this phone number for an address in ${where}${exampleClause(plan)}.`
        : `Partner Center accepts only phone numbers of ${where} for an address there${exampleClause(plan)}.`,
    };
  }
  const result: PhoneResult = {
    valid: true,
    normalized,
    e164,
    national: number.formatNational(),
  };
  const type = number.getType();
  if (type) result.type = type;
  return result;
}
