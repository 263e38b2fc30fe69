import type { Priority } from '@/api/queue/sliding-window';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { customerKeys } from './customer-keys';
import { CUSTOMER_AGREEMENT } from './get-agreement-template';
import { customerPath } from './get-customer';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import {
  agreementCollectionSchema,
  agreementSchema,
  type Agreement,
  type AgreementRequest,
} from './resources';

/**
 * Attests that the customer accepted the Microsoft Customer Agreement. `requestId` is kept by
 * the caller across its retries, so the attestation is recorded once.
 */
export function attestAgreement(
  client: PartnerCenterClient,
  customerId: string,
  agreement: AgreementRequest,
  options: { requestId?: string; signal?: AbortSignal; priority?: Priority } = {},
): Promise<Agreement> {
  return client.request(agreementSchema, {
    method: 'POST',
    path: `${customerPath(customerId)}/agreements`,
    body: agreement,
    successOverBody: true,
    ...options,
  });
}

export async function listAgreements(
  client: PartnerCenterClient,
  customerId: string,
  options: { signal?: AbortSignal } = {},
): Promise<Agreement[]> {
  const collection = await client.request(agreementCollectionSchema, {
    method: 'GET',
    path: `${customerPath(customerId)}/agreements`,
    query: { agreementType: CUSTOMER_AGREEMENT },
    signal: options.signal,
  });
  return collection.items;
}

export function agreementsQueryOptions(client: PartnerCenterClient, customerId: string) {
  return queryOptions({
    queryKey: customerKeys.agreements(customerId),
    queryFn: ({ signal }) => listAgreements(client, customerId, { signal }),
  });
}

export function useAgreements(customerId: string) {
  return useQuery(agreementsQueryOptions(usePartnerCenterClient(), customerId));
}
