import { partnerCenterCountries } from '@/countries/partner-center-countries';

/**
 * Partner Center's own codes that CLDR does not name (XJ, XS, XE) or names as something else:
 * `Intl.DisplayNames` maps the withdrawn AN to Curaçao, one of its successors.
 */
const overrides: Readonly<Record<string, string>> = {
  XJ: 'Jan Mayen',
  XS: 'Saba',
  XE: 'Sint Eustatius',
  AN: 'Netherlands Antilles',
};

/** Every country code Partner Center accepts in an address, upper case, in code order. */
export const partnerCenterCountryCodes: readonly string[] =
  Object.keys(partnerCenterCountries).sort();

const known = new Set(partnerCenterCountryCodes);

/** Upper-case ISO alpha-2, whatever case or padding it came in; '' when it is not two letters. */
export function toCountryCode(country: string): string {
  const code = country.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : '';
}

export function isPartnerCenterCountry(country: string): boolean {
  return known.has(toCountryCode(country));
}

const displayNamesByLocale = new Map<string, Intl.DisplayNames | undefined>();

function displayNames(locale: string): Intl.DisplayNames | undefined {
  if (!displayNamesByLocale.has(locale)) {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'none' });
    } catch {
      // A malformed locale from the browser or a URL must not break every country name.
      names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    }
    displayNamesByLocale.set(locale, names);
  }
  return displayNamesByLocale.get(locale);
}

/**
 * The name of a country in the user's language (English names for the overrides, which CLDR
 * does not carry), or the code itself when nothing names it.
 */
export function countryName(country: string, locale = 'en'): string {
  const code = toCountryCode(country);
  if (!code) return country.trim();
  return overrides[code] ?? displayNames(locale)?.of(code) ?? code;
}

export interface CountryOption {
  code: string;
  name: string;
}

function collatorFor(locale: string): Intl.Collator {
  try {
    return new Intl.Collator([locale, 'en'], { sensitivity: 'base' });
  } catch {
    // Intl.Collator throws on a malformed locale just as Intl.DisplayNames does.
    return new Intl.Collator(['en'], { sensitivity: 'base' });
  }
}

/** Partner Center's countries named and sorted for the user's locale, for a country picker. */
export function countryOptions(locale = 'en'): CountryOption[] {
  const collator = collatorFor(locale);
  return partnerCenterCountryCodes
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

let codeByEnglishName: Map<string, string> | undefined;

/** A Partner Center country code from "pl", "PL" or "Poland"; undefined for anything else. */
export function countryCodeOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (isPartnerCenterCountry(trimmed)) return toCountryCode(trimmed);
  codeByEnglishName ??= new Map(
    countryOptions('en').map(({ code, name }) => [name.toLowerCase(), code] as const),
  );
  return codeByEnglishName.get(trimmed.toLowerCase());
}

/** Country names that English writes with "the": the United States, the Netherlands. */
const withArticle =
  /\b(?:Islands|Republic|States|Kingdom|Emirates|Territory|Territories|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros)\b/;

/** "Poland", "the United States": the country as it reads inside a sentence. */
export function countryInSentence(code: string): string {
  const name = countryName(code);
  return withArticle.test(name) && !name.startsWith('The ') ? `the ${name}` : name;
}
