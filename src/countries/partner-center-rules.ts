import type { CountryValidationRules } from '@/api/partner-center/resources';
import { toCountryCode } from '@/countries/countries';

/**
 * Partner Center's rules when they are this country's: rules fetched for one country can outlive
 * a change of country in a form (or a cache mix-up), and must not decide another country's.
 */
export function rulesForCountry(
  country: string,
  rules: CountryValidationRules | undefined,
): CountryValidationRules | undefined {
  if (!rules) return undefined;
  const ruled = toCountryCode(rules.iso2Code);
  return !ruled || ruled === toCountryCode(country) ? rules : undefined;
}
