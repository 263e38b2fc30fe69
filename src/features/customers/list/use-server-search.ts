import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { customersPageQueryOptions } from '@/api/partner-center/list-customers';
import { usePartnerCenterClient } from '@/api/partner-center/partner-center-context';
import { customerSearchQueryOptions } from '@/api/partner-center/search-customers';
import { toCustomerRow, type CustomerRow } from './customer-row';
import type { ResellerFilter } from './customer-index';
import { useDebouncedValue } from '@/components/use-debounced-value';

/** Typing pauses this long before Partner Center is asked: each question spends budget. */
const SEARCH_DELAY_MS = 300;
/** Partner Center's search returns pages; the first is what a person reads. */
const SEARCH_PAGE_SIZE = 100;
const RESELLER_PAGE_SIZE = 500;

const isTenantId = (value: string) => /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value);

/**
 * While the list is still loading, Partner Center's own search finds what the crawl has not
 * reached: company names and domains starting with the search text, and an indirect reseller's
 * customers. Interactive priority, so it goes ahead of the crawl in the queue.
 */
export function useServerSearch(options: {
  text: string;
  reseller: ResellerFilter;
  enabled: boolean;
}): { rows: CustomerRow[]; searching: boolean; error: Error | undefined } {
  const client = usePartnerCenterClient();
  const prefix = useDebouncedValue(options.text.trim(), SEARCH_DELAY_MS);
  const searchText = options.enabled && prefix.length > 0;
  const byReseller = options.enabled && isTenantId(options.reseller);
  const results = useQueries({
    queries: [
      {
        ...customerSearchQueryOptions(client, {
          field: 'CompanyName',
          prefix,
          size: SEARCH_PAGE_SIZE,
        }),
        enabled: searchText,
      },
      {
        ...customerSearchQueryOptions(client, { field: 'Domain', prefix, size: SEARCH_PAGE_SIZE }),
        enabled: searchText,
      },
      {
        ...customersPageQueryOptions(client, {
          field: 'IndirectReseller',
          value: options.reseller.toLowerCase(),
          size: RESELLER_PAGE_SIZE,
        }),
        enabled: byReseller,
      },
    ],
  });
  const [names, domains, reseller] = results;
  const namesData = searchText ? names.data : undefined;
  const domainsData = searchText ? domains.data : undefined;
  const resellerData = byReseller ? reseller.data : undefined;
  const rows = useMemo(() => {
    const byId = new Map<string, CustomerRow>();
    for (const page of [namesData, domainsData, resellerData]) {
      for (const item of page?.items ?? []) byId.set(item.id, toCustomerRow(item));
    }
    return [...byId.values()];
  }, [namesData, domainsData, resellerData]);
  const active = [searchText && names, searchText && domains, byReseller && reseller].filter(
    (result) => result !== false,
  );
  const failed = active.find((result) => result.error);
  return {
    rows,
    searching: active.some((result) => result.isFetching),
    error: failed?.error ?? undefined,
  };
}
