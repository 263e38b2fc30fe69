import { queryOptions, useQuery } from '@tanstack/react-query';
import { describeIssues } from './describe-issues';
import type { Priority } from '@/api/queue/sliding-window';
import { customerKeys } from './customer-keys';
import type { CustomerListFilter } from './customer-list-filter';
import { usePartnerCenterClient } from './partner-center-context';
import { invalidResponseError } from './api-error';
import type {
  PartnerCenterClient,
  RawResponse,
  RequestAddress,
  RequestOptions,
} from './partner-center-client';
import {
  customerCollectionSchema,
  nextPageOf,
  resolveApiPath,
  type CustomerCollection,
} from './resources';

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
export async function listCustomers(
  client: PartnerCenterClient,
  request: { filter?: CustomerListFilter; page?: PageRequest },
  options: { priority?: Priority; signal?: AbortSignal } = {},
): Promise<CustomerCollection> {
  return parseCustomerPage(await sendListCustomers(client, request, options));
}

/** The request for one page, its body not yet read: see crawlCustomers for why. */
export function sendListCustomers(
  client: PartnerCenterClient,
  request: { filter?: CustomerListFilter; page?: PageRequest },
  options: Pick<RequestOptions, 'priority' | 'signal' | 'onUnderway'> = {},
): Promise<RawResponse> {
  const { page, filter = {} } = request;
  if (page) return client.send({ method: 'GET', ...pageAddress(page), ...options });
  return client.send({
    method: 'GET',
    path: '/v1/customers',
    query: { size: filter.size ?? MAX_PAGE_SIZE, filter: filterParameter(filter) },
    ...options,
  });
}

/** The request for the page a link points at, its slot claimed before the link is known. */
export function sendListCustomersAhead(
  client: PartnerCenterClient,
  page: Promise<PageRequest>,
  options: Pick<RequestOptions, 'priority' | 'signal' | 'onUnderway'> = {},
): Promise<RawResponse> {
  return client.sendAhead(page.then(pageAddress), { method: 'GET', ...options });
}

function pageAddress(page: PageRequest): RequestAddress {
  return {
    path: resolveApiPath(page.uri),
    headers: page.continuationToken
      ? { 'MS-ContinuationToken': page.continuationToken }
      : undefined,
  };
}

/** A page's body read with the collection schema, as PartnerCenterClient.request reads one. */
export function parseCustomerPage(response: RawResponse): CustomerCollection {
  const parsed = customerCollectionSchema.safeParse(response.body);
  if (!parsed.success) {
    throw invalidResponseError(describeIssues(parsed.error), response.ids, response.status);
  }
  return parsed.data;
}

/** Only where the next page is: read before the page's items, which take far longer. */
const pageLinksSchema = customerCollectionSchema.pick({ links: true, continuationToken: true });

export function nextPageOfResponse(response: RawResponse): PageRequest | undefined {
  const parsed = pageLinksSchema.safeParse(response.body);
  return parsed.success ? nextPageOf(parsed.data) : undefined;
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
