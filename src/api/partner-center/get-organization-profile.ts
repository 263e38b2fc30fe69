import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceKeys } from './customer-keys';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { organizationProfileSchema, type OrganizationProfile } from './resources';

/** The partner's own organization: its name, domain and country (where new customers default to). */
export function getOrganizationProfile(
  client: PartnerCenterClient,
  options: { signal?: AbortSignal } = {},
): Promise<OrganizationProfile> {
  return client.request(organizationProfileSchema, {
    method: 'GET',
    path: '/v1/profiles/organization',
    signal: options.signal,
  });
}

export function organizationProfileQueryOptions(client: PartnerCenterClient) {
  return queryOptions({
    queryKey: referenceKeys.organizationProfile(),
    queryFn: ({ signal }) => getOrganizationProfile(client, { signal }),
    staleTime: 60 * 60_000,
    retry: 1,
  });
}

export function useOrganizationProfile() {
  return useQuery(organizationProfileQueryOptions(usePartnerCenterClient()));
}
