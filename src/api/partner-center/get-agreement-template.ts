import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceKeys } from './customer-keys';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { agreementMetadataCollectionSchema, type AgreementMetadata } from './resources';

export const CUSTOMER_AGREEMENT = 'MicrosoftCustomerAgreement';

/** The Microsoft Customer Agreement's current template: its id goes into every attestation. */
export async function getAgreementTemplate(
  client: PartnerCenterClient,
  options: { signal?: AbortSignal } = {},
): Promise<AgreementMetadata> {
  const collection = await client.request(agreementMetadataCollectionSchema, {
    method: 'GET',
    path: '/v1/agreements',
    query: { agreementType: CUSTOMER_AGREEMENT },
    signal: options.signal,
  });
  // Partner Center lists the current version first; a highest versionRank wins where given.
  const [current] = [...collection.items].sort(
    (a, b) => (b.versionRank ?? 0) - (a.versionRank ?? 0),
  );
  if (!current) throw new Error('Partner Center has no Microsoft Customer Agreement template.');
  return current;
}

export function agreementTemplateQueryOptions(client: PartnerCenterClient) {
  return queryOptions({
    queryKey: referenceKeys.agreementTemplate(),
    queryFn: ({ signal }) => getAgreementTemplate(client, { signal }),
    staleTime: 60 * 60_000,
  });
}

export function useAgreementTemplate(enabled = true) {
  return useQuery({ ...agreementTemplateQueryOptions(usePartnerCenterClient()), enabled });
}
