import { queryOptions, useQuery } from '@tanstack/react-query';
import { customerKeys } from './customer-keys';
import type { CustomerListFilter } from './customer-list-filter';
import { listCustomers } from './list-customers';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import type { CustomerCollection } from './resources';

export type CustomerSearchField = 'CompanyName' | 'Domain';

/** Partner Center's own search: customers whose company name or domain starts with `prefix`. */
export function searchCustomers(
  client: PartnerCenterClient,
  search: { field: CustomerSearchField; prefix: string; size?: number },
  options: { signal?: AbortSignal } = {},
): Promise<CustomerCollection> {
  const filter: CustomerListFilter = {
    field: search.field,
    value: search.prefix,
    size: search.size ?? 100,
  };
  return listCustomers(client, { filter }, { priority: 'interactive', signal: options.signal });
}

export function customerSearchQueryOptions(
  client: PartnerCenterClient,
  search: { field: CustomerSearchField; prefix: string; size?: number },
) {
  return queryOptions({
    queryKey: customerKeys.list({ field: search.field, value: search.prefix, size: search.size }),
    queryFn: ({ signal }) => searchCustomers(client, search, { signal }),
    enabled: search.prefix.trim().length > 0,
  });
}

export function useCustomerSearch(search: {
  field: CustomerSearchField;
  prefix: string;
  size?: number;
}) {
  return useQuery(customerSearchQueryOptions(usePartnerCenterClient(), search));
}
