import { queryOptions, useQuery } from '@tanstack/react-query';
import { customerKeys } from './customer-keys';
import { customerPath } from './get-customer';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { companyProfileSchema, type CompanyProfile } from './resources';

export function getCompanyProfile(
  client: PartnerCenterClient,
  customerId: string,
  options: { signal?: AbortSignal } = {},
): Promise<CompanyProfile> {
  return client.request(companyProfileSchema, {
    method: 'GET',
    path: `${customerPath(customerId)}/profiles/company`,
    // Someone opened this customer and is waiting: it goes ahead of the background list crawl.
    priority: 'interactive',
    signal: options.signal,
  });
}

export function companyProfileQueryOptions(client: PartnerCenterClient, customerId: string) {
  return queryOptions({
    queryKey: customerKeys.companyProfile(customerId),
    queryFn: ({ signal }) => getCompanyProfile(client, customerId, { signal }),
  });
}

export function useCompanyProfile(customerId: string) {
  return useQuery(companyProfileQueryOptions(usePartnerCenterClient(), customerId));
}
