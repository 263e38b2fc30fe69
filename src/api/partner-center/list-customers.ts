import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Priority } from '@/api/queue/sliding-window';
import { customerKeys } from './customer-keys';
import type { CustomerListFilter } from './customer-list-filter';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { customerCollectionSchema, resolveApiPath, type CustomerCollection } from './resources';

/** Partner Center's page size limit for GET /v1/customers. */
export const MAX_PAGE_SIZE = 500;

export interface PageRequest {
  /** The next link's uri, as Partner Center gave it. */
  uri: string;
  continuationToken: string | undefined;
}

/** Partner Center's filter parameter: JSON, with the operator its docs name. */
function filterParameter(filter: CustomerListFilter): string | undefined {
  if (!filter.field || filter.value === undefined) return undefined;
  return JSON.stringify({ Field: filter.field, Value: filter.value, Operator: 'starts_with' });
}

/** One page of customers: the first page of a filter, or the page a next link points at. */
export function listCustomers(
  client: PartnerCenterClient,
  request: { filter?: CustomerListFilter; page?: PageRequest },
  options: { priority?: Priority; signal?: AbortSignal } = {},
): Promise<CustomerCollection> {
  const { page, filter = {} } = request;
  if (page) {
    return client.request(customerCollectionSchema, {
      method: 'GET',
      path: resolveApiPath(page.uri),
      headers: page.continuationToken
        ? { 'MS-ContinuationToken': page.continuationToken }
        : undefined,
      ...options,
    });
  }
  return client.request(customerCollectionSchema, {
    method: 'GET',
    path: '/v1/customers',
    query: { size: filter.size ?? MAX_PAGE_SIZE, filter: filterParameter(filter) },
    ...options,
  });
}

export function customersPageQueryOptions(
  client: PartnerCenterClient,
  filter: CustomerListFilter,
  priority: Priority = 'interactive',
) {
  return queryOptions({
    queryKey: customerKeys.list(filter),
    queryFn: ({ signal }) => listCustomers(client, { filter }, { priority, signal }),
  });
}

/** The first page of customers (or of a filter), at interactive priority. */
export function useCustomersPage(filter: CustomerListFilter) {
  return useQuery(customersPageQueryOptions(usePartnerCenterClient(), filter));
}
