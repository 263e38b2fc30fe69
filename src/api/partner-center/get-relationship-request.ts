import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceKeys } from './customer-keys';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { relationshipRequestSchema, type RelationshipRequest } from './resources';

/**
 * The reseller relationship request link an existing Microsoft customer accepts, instead of
 * being created again; an indirect provider asks on behalf of one of its resellers.
 */
export function getRelationshipRequest(
  client: PartnerCenterClient,
  options: { indirectResellerId?: string; signal?: AbortSignal } = {},
): Promise<RelationshipRequest> {
  return client.request(relationshipRequestSchema, {
    method: 'GET',
    path: '/v1/customers/relationshiprequests',
    query: { indirectResellerId: options.indirectResellerId },
    signal: options.signal,
  });
}

export function relationshipRequestQueryOptions(
  client: PartnerCenterClient,
  indirectResellerId: string | undefined,
) {
  return queryOptions({
    queryKey: referenceKeys.relationshipRequest(indirectResellerId),
    queryFn: ({ signal }) => getRelationshipRequest(client, { indirectResellerId, signal }),
    // The link is the partner's own and does not change within a session.
    staleTime: Infinity,
  });
}

export function useRelationshipRequest(indirectResellerId: string | undefined) {
  return useQuery(relationshipRequestQueryOptions(usePartnerCenterClient(), indirectResellerId));
}
