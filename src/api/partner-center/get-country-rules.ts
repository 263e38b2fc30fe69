import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceKeys } from './customer-keys';
import { keepCountryRules, readKeptCountryRules } from './kept-country-rules';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { countryValidationRulesSchema, type CountryValidationRules } from './resources';

export function getCountryRules(
  client: PartnerCenterClient,
  country: string,
  options: { signal?: AbortSignal } = {},
): Promise<CountryValidationRules> {
  return client.request(countryValidationRulesSchema, {
    method: 'GET',
    path: `/v1/countryvalidationrules/${encodeURIComponent(country.toUpperCase())}`,
    signal: options.signal,
  });
}

export function countryRulesQueryOptions(client: PartnerCenterClient, country: string) {
  return queryOptions({
    queryKey: referenceKeys.countryRules(country),
    // The copy kept from an earlier session first; Partner Center when there is none.
    queryFn: async ({ signal }) => {
      const kept = await readKeptCountryRules(country);
      if (kept) return kept;
      const rules = await getCountryRules(client, country, { signal });
      void keepCountryRules(country, rules);
      return rules;
    },
    // The rules change with Microsoft's releases, not within a session.
    staleTime: Infinity,
    enabled: /^[a-z]{2}$/i.test(country),
  });
}

export function useCountryRules(country: string) {
  return useQuery(countryRulesQueryOptions(usePartnerCenterClient(), country));
}
