import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceKeys } from './customer-keys';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { partnerRelationshipCollectionSchema, type PartnerRelationship } from './resources';

/**
 * The indirect resellers of an indirect provider; empty for everyone else, who then onboards
 * direct customers only.
 */
export async function listIndirectResellers(
  client: PartnerCenterClient,
  options: { signal?: AbortSignal } = {},
): Promise<PartnerRelationship[]> {
  const collection = await client.request(partnerRelationshipCollectionSchema, {
    method: 'GET',
    path: '/v1/relationships',
    query: { relationship_type: 'IsIndirectCloudSolutionProviderOf' },
    signal: options.signal,
  });
  return collection.items;
}

export function indirectResellersQueryOptions(client: PartnerCenterClient) {
  return queryOptions({
    queryKey: referenceKeys.indirectResellers(),
    queryFn: ({ signal }) => listIndirectResellers(client, { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useIndirectResellers() {
  return useQuery(indirectResellersQueryOptions(usePartnerCenterClient()));
}
