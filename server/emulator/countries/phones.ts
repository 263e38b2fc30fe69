import {
  getExampleNumber,
  isSupportedCountry,
  isValidPhoneNumber,
  type CountryCode,
} from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { countryName } from './country-names.ts';
import { registrationNumberCountries } from './registration-numbers.ts';

const required = new Set(registrationNumberCountries);

/**
 * The loose shape the emulator accepts on the wire. Partner Center documents no more than a
 * per-country `phoneNumberRegex` in its validation rules, so the emulator refuses only what is
 * plainly not a phone number.
 */
export const phoneNumberWirePattern = /^[0-9 +().-]{4,20}$/;

/** Partner Center requires the billing phone number where it requires a registration number. */
export function phoneNumberRequired(country: string): boolean {
  return required.has(country.trim().toUpperCase());
}

function countryCode(country: string): CountryCode | undefined {
  const cc = country.trim().toUpperCase();
  return isSupportedCountry(cc) ? cc : undefined;
}

/**
 * A phone number for seed data: the national significant digits (no +, no trunk prefix, no
 * spaces, like Partner Center's doc samples `4255550101`) that libphonenumber-js's full metadata
 * calls valid. Starts from the country's example mobile number so that the number plan is
 * right, and varies the subscriber digits.
 */
export function generatePhoneNumber(country: string, rng: () => number): string {
  const cc = countryCode(country);
  const example = cc ? getExampleNumber(cc, examples) : undefined;
  if (!cc || !example)
    throw new Error(`No phone number plan is known for ${countryName(country)}.`);
  const national = example.nationalNumber;
  // Up to four trailing digits vary; the leading ones carry the operator or area code.
  const vary = Math.min(4, Math.max(0, national.length - 4));
  const head = national.slice(0, national.length - vary);
  for (let attempt = 0; attempt < 12; attempt += 1) {
    let tail = '';
    for (let i = 0; i < vary; i += 1) tail += String(Math.min(9, Math.floor(rng() * 10)));
    const candidate = `${head}${tail}`;
    if (isValidPhoneNumber(candidate, cc)) return candidate;
  }
  return national;
}

export type PhoneCheck = { ok: true } | { ok: false; code: 600051; description: string };

/**
 * Partner Center's server-side rule: required (600051) in the registration-number countries;
 * when present, a loose wire check only.
 */
export function checkPhoneNumber(country: string, value: string | undefined): PhoneCheck {
  const phone = value?.trim() ?? '';
  if (!phone) {
    if (!phoneNumberRequired(country)) return { ok: true };
    return {
      ok: false,
      code: 600051,
      description: `The customer phone number is required for companies in ${countryName(country)}.`,
    };
  }
  if (!phoneNumberWirePattern.test(phone) || !/\d/.test(phone)) {
    return {
      ok: false,
      code: 600051,
      description:
        'The customer phone number should be 4 to 20 characters of digits, spaces and + - ( ) .',
    };
  }
  return { ok: true };
}
