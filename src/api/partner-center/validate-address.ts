import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceKeys } from './customer-keys';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import {
  addressValidationResponseSchema,
  type AddressValidationRequest,
  type AddressValidationResponse,
} from './resources';

/** A POST that changes nothing: Partner Center's verdict on an address, with suggestions. */
export function validateAddress(
  client: PartnerCenterClient,
  address: AddressValidationRequest,
  options: { signal?: AbortSignal } = {},
): Promise<AddressValidationResponse> {
  return client.request(addressValidationResponseSchema, {
    method: 'POST',
    path: '/v1/validations/address',
    body: address,
    signal: options.signal,
  });
}

export function addressValidationQueryOptions(
  client: PartnerCenterClient,
  address: AddressValidationRequest,
) {
  return queryOptions({
    queryKey: referenceKeys.addressValidation(address),
    queryFn: ({ signal }) => validateAddress(client, address, { signal }),
    staleTime: Infinity,
  });
}

export function useAddressValidation(address: AddressValidationRequest, enabled = true) {
  return useQuery({
    ...addressValidationQueryOptions(usePartnerCenterClient(), address),
    enabled,
  });
}
