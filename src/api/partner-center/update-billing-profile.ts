import { useMutation, useQueryClient } from '@tanstack/react-query';
import { customerKeys } from './customer-keys';
import { billingProfilePath } from './get-billing-profile';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { billingProfileSchema, type BillingProfile } from './resources';

/**
 * Replaces the billing profile, but only if nobody changed it since `profile` was read: the
 * etag goes in If-Match and in attributes (the SDK's way), and a stale one is an ApiError with
 * `isConflict`, never a silent overwrite.
 */
export function updateBillingProfile(
  client: PartnerCenterClient,
  customerId: string,
  profile: BillingProfile,
  options: { requestId?: string; signal?: AbortSignal } = {},
): Promise<BillingProfile> {
  return client.request(billingProfileSchema, {
    method: 'PUT',
    path: billingProfilePath(customerId),
    body: profile,
    ifMatch: profile.attributes.etag,
    ...options,
  });
}

export function useUpdateBillingProfile(customerId: string) {
  const client = usePartnerCenterClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { profile: BillingProfile; requestId?: string }) =>
      updateBillingProfile(client, customerId, input.profile, { requestId: input.requestId }),
    onSuccess: (updated) => {
      queryClient.setQueryData(customerKeys.billingProfile(customerId), updated);
      // The customer itself (its embedded billing copy and listed name), not the profile just
      // answered: `exact`, or the profiles below the key would be fetched again for nothing.
      void queryClient.invalidateQueries({
        queryKey: customerKeys.detail(customerId),
        exact: true,
      });
    },
  });
}
