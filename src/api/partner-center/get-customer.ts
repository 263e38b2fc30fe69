import { queryOptions, useQuery } from '@tanstack/react-query';
import { customerKeys } from './customer-keys';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { customerSchema, type Customer } from './resources';

export function customerPath(customerId: string): string {
  return `/v1/customers/${encodeURIComponent(customerId)}`;
}

export function getCustomer(
  client: PartnerCenterClient,
  customerId: string,
  options: { signal?: AbortSignal } = {},
): Promise<Customer> {
  return client.request(customerSchema, {
    method: 'GET',
    path: customerPath(customerId),
    priority: 'interactive',
    signal: options.signal,
  });
}

export function customerQueryOptions(client: PartnerCenterClient, customerId: string) {
  return queryOptions({
    queryKey: customerKeys.detail(customerId),
    queryFn: ({ signal }) => getCustomer(client, customerId, { signal }),
  });
}

export function useCustomer(customerId: string) {
  return useQuery(customerQueryOptions(usePartnerCenterClient(), customerId));
}
