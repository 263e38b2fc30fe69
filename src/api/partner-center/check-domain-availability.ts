import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceKeys } from './customer-keys';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';

/** HEAD /v1/domains/{domain}: 200 means taken, 404 means free (empty bodies either way). */
export async function checkDomainAvailability(
  client: PartnerCenterClient,
  domain: string,
  options: { signal?: AbortSignal } = {},
): Promise<{ domain: string; available: boolean }> {
  const response = await client.send({
    method: 'HEAD',
    path: `/v1/domains/${encodeURIComponent(domain.trim().toLowerCase())}`,
    acceptStatuses: [404],
    signal: options.signal,
  });
  return { domain, available: response.status === 404 };
}

export function domainAvailabilityQueryOptions(client: PartnerCenterClient, domain: string) {
  return queryOptions({
    queryKey: referenceKeys.domain(domain),
    queryFn: ({ signal }) => checkDomainAvailability(client, domain, { signal }),
    enabled: domain.trim().length > 0,
  });
}

export function useDomainAvailability(domain: string) {
  return useQuery(domainAvailabilityQueryOptions(usePartnerCenterClient(), domain));
}
