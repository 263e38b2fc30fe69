import type { CountryValidationRules } from '@/api/partner-center/resources';
import { countryInSentence, toCountryCode } from '@/countries/countries';
import { rulesForCountry } from '@/countries/partner-center-rules';
import { partnerCenterCountries } from '@/countries/partner-center-countries';

/**
 * Partner Center's docs send `"Culture": "EN-US"` and list `az-Latn-AZ`, so compare without case
 * but always hand back one spelling: BCP 47's (language lower, script title, region upper).
 */
function bcp47Case(culture: string): string {
  return culture
    .trim()
    .split('-')
    .map((subtag, index) => {
      if (index === 0) return subtag.toLowerCase();
      if (subtag.length === 4)
        return subtag.charAt(0).toUpperCase() + subtag.slice(1).toLowerCase();
      if (subtag.length === 2) return subtag.toUpperCase();
      return subtag.toLowerCase();
    })
    .join('-');
}

function withoutDuplicates(cultures: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const culture of cultures) {
    const spelled = bcp47Case(culture);
    const key = spelled.toLowerCase();
    if (!spelled || seen.has(key)) continue;
    seen.add(key);
    result.push(spelled);
  }
  return result;
}

/**
 * The cultures Partner Center accepts for a customer in `country`, the default first. Partner
 * Center's own answer (`countryvalidationrules`) beats the docs table, which is years old.
 */
export function supportedCultures(
  country: string,
  rules?: CountryValidationRules,
): readonly string[] {
  const live = rulesForCountry(country, rules);
  if (live && live.supportedCulturesList.length > 0) {
    const cultures = live.defaultCulture
      ? [live.defaultCulture, ...live.supportedCulturesList]
      : live.supportedCulturesList;
    const list = withoutDuplicates(cultures);
    if (list.length > 0) return list;
  }
  // en-US is what Partner Center accepts almost everywhere; a country it does not list gets that.
  return partnerCenterCountries[toCountryCode(country)] ?? ['en-US'];
}

export function defaultCulture(country: string, rules?: CountryValidationRules): string {
  return supportedCultures(country, rules)[0] ?? 'en-US';
}

/** The supported culture that `culture` names whatever its case, spelled in BCP 47 case. */
export function canonicalCulture(
  country: string,
  culture: string,
  rules?: CountryValidationRules,
): string | undefined {
  const wanted = culture.trim().toLowerCase();
  if (!wanted) return undefined;
  return supportedCultures(country, rules).find((supported) => supported.toLowerCase() === wanted);
}

/**
 * The primary language subtag, which is what `billingProfile.language` takes (`en`, `fr`):
 * 'az-Latn-AZ' → 'az'. Underscores are accepted because .NET and Java spell cultures that way.
 */
export function languageOfCulture(culture: string): string {
  return (culture.trim().split(/[-_]/)[0] ?? '').toLowerCase();
}

const languageNamesByLocale = new Map<string, Intl.DisplayNames>();

function languageNames(locale: string): Intl.DisplayNames {
  let names = languageNamesByLocale.get(locale);
  if (!names) {
    // 'standard' gives "English (United States)", which reads as a pair in a list of cultures,
    // where the dialect form would mix "American English" with "Hungarian (Hungary)".
    const options = { type: 'language', languageDisplay: 'standard' } as const;
    try {
      names = new Intl.DisplayNames([locale, 'en'], options);
    } catch {
      // A malformed locale from the browser or a URL must not break every label.
      names = new Intl.DisplayNames(['en'], options);
    }
    languageNamesByLocale.set(locale, names);
  }
  return names;
}

/** 'en-US' → 'English (United States)' in the user's language; the code itself if Intl refuses it. */
export function cultureLabel(culture: string, locale = 'en'): string {
  const code = culture.trim();
  if (!code) return code;
  try {
    return languageNames(locale).of(code) ?? code;
  } catch {
    return code;
  }
}

export interface CultureOption {
  culture: string;
  label: string;
}

/** The country's cultures for a picker, default first, labelled in the user's language. */
export function cultureOptions(
  country: string,
  locale = 'en',
  rules?: CountryValidationRules,
): CultureOption[] {
  return supportedCultures(country, rules).map((culture) => ({
    culture,
    label: cultureLabel(culture, locale),
  }));
}

function listOf(items: readonly string[]): string {
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(items);
}

/**
 * Why Partner Center would refuse `culture` for a customer in `country`, as a sentence for the
 * form; undefined when it would accept it.
 */
export function cultureProblem(
  country: string,
  culture: string,
  rules?: CountryValidationRules,
): string | undefined {
  if (canonicalCulture(country, culture, rules)) return undefined;
  const cultures = supportedCultures(country, rules);
  const supported = cultures.map((supportedCulture) => cultureLabel(supportedCulture));
  const where = toCountryCode(country) ? countryInSentence(country) : 'this country';
  const offer =
    supported.length === 1
      ? `Partner Center supports only ${listOf(supported)} for customers in ${where}.`
      : `Partner Center supports ${listOf(supported)} for customers in ${where}.`;
  return culture.trim() ? offer : `Choose a culture. ${offer}`;
}
