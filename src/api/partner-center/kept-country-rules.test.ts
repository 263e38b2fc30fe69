import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import {
  KEPT_RULES_MAX_AGE_MS,
  keepCountryRules,
  readKeptCountryRules,
} from './kept-country-rules';
import { countryValidationRulesSchema } from './resources';

const raw = createStore('partner-customers-portal-country-rules', 'rules');
const polish = countryValidationRulesSchema.parse({
  iso2Code: 'PL',
  defaultCulture: 'pl-PL',
  isPostalCodeRequired: true,
  postalCodeRegex: '^\\d{2}-\\d{3}$',
  supportedCulturesList: ['pl-PL'],
});

describe('the country rules kept across sessions', () => {
  it('gives back what was kept for the country, whatever the case of its code', async () => {
    await keepCountryRules('pl', polish);
    expect(await readKeptCountryRules('PL')).toEqual(polish);
    expect(await readKeptCountryRules('DE')).toBeUndefined();
  });

  it('forgets rules older than a week', async () => {
    const now = Date.now();
    await keepCountryRules('FR', { ...polish, iso2Code: 'FR' }, now - KEPT_RULES_MAX_AGE_MS);
    expect(await readKeptCountryRules('FR', now)).toBeUndefined();
    expect(await readKeptCountryRules('FR', now - 1000)).toMatchObject({ iso2Code: 'FR' });
  });

  it('reads a damaged or foreign entry as no rules', async () => {
    for (const damaged of [
      'garbage',
      { version: 2, savedAt: Date.now(), rules: polish },
      { version: 1, savedAt: Date.now(), rules: { iso2Code: 42 } },
      { version: 1, rules: polish },
    ]) {
      await set('US', damaged, raw);
      expect(await readKeptCountryRules('US')).toBeUndefined();
    }
  });
});
