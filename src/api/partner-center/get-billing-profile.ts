import { queryOptions, useQuery } from '@tanstack/react-query';
import { customerKeys } from './customer-keys';
import { customerPath } from './get-customer';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { billingProfileSchema, type BillingProfile } from './resources';

export function billingProfilePath(customerId: string): string {
  return `${customerPath(customerId)}/profiles/billing`;
}

/** The billing profile with its etag, which an edit must send back. */
export function getBillingProfile(
  client: PartnerCenterClient,
  customerId: string,
  options: { signal?: AbortSignal } = {},
): Promise<BillingProfile> {
  return client.request(billingProfileSchema, {
    method: 'GET',
    path: billingProfilePath(customerId),
    // Someone opened this customer and is waiting: it goes ahead of the background list crawl.
    priority: 'interactive',
    signal: options.signal,
  });
}

export function billingProfileQueryOptions(client: PartnerCenterClient, customerId: string) {
  return queryOptions({
    queryKey: customerKeys.billingProfile(customerId),
    queryFn: ({ signal }) => getBillingProfile(client, customerId, { signal }),
  });
}

export function useBillingProfile(customerId: string) {
  return useQuery(billingProfileQueryOptions(usePartnerCenterClient(), customerId));
}
