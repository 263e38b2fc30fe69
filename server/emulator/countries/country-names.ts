/**
 * English country names for the emulator's messages. Kept apart from country-rules.ts so that
 * the registration-number and phone modules can name a country without importing the rules,
 * which import them.
 */

const displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** Partner Center's own codes that CLDR does not know (or, for AN, maps to Curaçao). */
const overrides: Readonly<Record<string, string>> = {
  XJ: 'Jan Mayen',
  XS: 'Saba',
  XE: 'Sint Eustatius',
  AN: 'Netherlands Antilles',
};

/** The English name of an ISO 3166 alpha-2 code, or the code itself when it names nothing. */
export function countryName(code: string): string {
  const upper = code.trim().toUpperCase();
  const override = overrides[upper];
  if (override) return override;
  // Intl throws a RangeError for anything that is not a well-formed region subtag.
  if (!/^[A-Z]{2}$/.test(upper)) return code;
  const name = displayNames.of(upper);
  return name && name !== 'Unknown Region' ? name : upper;
}
