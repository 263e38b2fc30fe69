import { describe, expect, it } from 'vitest';
import { countryValidationRulesSchema } from '@/api/partner-center/resources';
import { valuesForCountry } from './country-change';

describe('valuesForCountry', () => {
  it('clears a state the new country cannot have, and keeps one it can', () => {
    expect(valuesForCountry({ state: 'CA' }, 'DE').state).toBe('');
    expect(valuesForCountry({ state: 'CA' }, 'CA').state).toBe('');
    expect(valuesForCountry({ state: 'California' }, 'US').state).toBe('CA');
    expect(valuesForCountry({ state: 'ON' }, 'CA').state).toBe('ON');
  });

  it('clears a state where the country has none, keeps free text where it has no list', () => {
    expect(valuesForCountry({ state: 'Région Sud' }, 'FR').state).toBe('');
    const rules = countryValidationRulesSchema.parse({ iso2Code: 'XK', isStateRequired: true });
    expect(valuesForCountry({ state: 'Prishtina' }, 'XK', rules).state).toBe('Prishtina');
  });

  it('keeps a culture the new country supports, and takes its default otherwise', () => {
    expect(valuesForCountry({ state: '', culture: 'en-US' }, 'CH').culture).toBe('en-US');
    expect(valuesForCountry({ state: '', culture: 'fr-FR' }, 'DE').culture).toBe('de-DE');
    expect(valuesForCountry({ state: '', culture: 'FR-ch' }, 'CH').culture).toBe('fr-CH');
  });
});
