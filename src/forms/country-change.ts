import type { CountryValidationRules } from '@/api/partner-center/resources';
import { addressRules, matchState } from '@/countries/addresses';
import { canonicalCulture, defaultCulture } from '@/countries/cultures';

/**
 * What a change of country leaves in the form: everything typed that can still be right stays
 * (street, city, postal code, contact, phone: the new country's rules then say what is wrong);
 * a state that is not one of the new country's is cleared, since it can only be the old
 * country's; a culture the new country does not support becomes its default.
 */
export function valuesForCountry(
  current: { state: string; culture?: string },
  country: string,
  rules?: CountryValidationRules,
): { state: string; culture?: string } {
  const next: { state: string; culture?: string } = { state: current.state };
  const address = addressRules(country, rules);
  if (!address.usesState) {
    // A country whose addresses have no state has nowhere to put the old one.
    next.state = '';
  } else if (current.state.trim()) {
    const known = address.states.length > 0;
    const match = matchState(country, current.state, rules);
    // A free-text state survives where the new country has no list to compare it with.
    if (!match.valid) next.state = '';
    else if (known && !address.states.some((option) => option.value === match.normalized)) {
      next.state = '';
    } else next.state = match.normalized;
  }
  if (current.culture !== undefined) {
    next.culture =
      canonicalCulture(country, current.culture, rules) ?? defaultCulture(country, rules);
  }
  return next;
}
