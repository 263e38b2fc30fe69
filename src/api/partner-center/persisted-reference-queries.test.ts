import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { createStore, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { customerKeys, referenceKeys } from './customer-keys';
import { persistReferenceQueries, restoreReferenceQueries } from './persisted-reference-queries';
import { countryValidationRulesSchema } from './resources';

const raw = createStore('partner-customers-portal-queries', 'queries');
const polish = countryValidationRulesSchema.parse({
  iso2Code: 'PL',
  defaultCulture: 'pl-PL',
  isPostalCodeRequired: true,
  postalCodeRegex: '^\\d{2}-\\d{3}$',
  supportedCulturesList: ['pl-PL'],
});

async function until(check: () => Promise<boolean>) {
  for (let tries = 0; tries < 200; tries += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('never happened');
}

describe('the country rules kept across sessions', () => {
  it('keeps the country rules Partner Center answered, and only them, for the next session', async () => {
    const first = new QueryClient();
    const stop = persistReferenceQueries(first);
    await first.fetchQuery({ queryKey: customerKeys.detail('c1'), queryFn: () => ({ id: 'c1' }) });
    await first.fetchQuery({ queryKey: referenceKeys.countryRules('PL'), queryFn: () => polish });
    stop();
    await until(async () => (await get('reference-queries', raw)) !== undefined);

    const next = new QueryClient();
    await restoreReferenceQueries(next);
    expect(next.getQueryData(referenceKeys.countryRules('PL'))).toEqual(polish);
    expect(next.getQueryData(customerKeys.detail('c1'))).toBeUndefined();
  });

  it('leaves out rules that fail their schema or are older than a week', async () => {
    const query = (data: unknown, dataUpdatedAt: number, country: string) => ({
      queryKey: referenceKeys.countryRules(country),
      queryHash: JSON.stringify(referenceKeys.countryRules(country)),
      state: { data, dataUpdatedAt, status: 'success', fetchStatus: 'idle' },
    });
    const now = Date.now();
    await set(
      'reference-queries',
      {
        version: 1,
        state: {
          mutations: [],
          queries: [
            query({ iso2Code: 42 }, now, 'DE'),
            query(polish, now - 8 * 24 * 3600_000, 'FR'),
            query({ ...polish, iso2Code: 'US' }, now, 'US'),
          ],
        },
      },
      raw,
    );
    const next = new QueryClient();
    await restoreReferenceQueries(next, now);
    expect(next.getQueryData(referenceKeys.countryRules('DE'))).toBeUndefined();
    expect(next.getQueryData(referenceKeys.countryRules('FR'))).toBeUndefined();
    expect(next.getQueryData(referenceKeys.countryRules('US'))).toMatchObject({ iso2Code: 'US' });
  });

  it('starts afresh from a stored copy in another shape', async () => {
    await set('reference-queries', 'garbage', raw);
    const next = new QueryClient();
    await restoreReferenceQueries(next);
    expect(next.getQueryCache().getAll()).toEqual([]);
  });
});
