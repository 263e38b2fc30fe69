import { useMutation, useQueryClient } from '@tanstack/react-query';
import { customerKeys } from './customer-keys';
import { customerPath } from './get-customer';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import { customerSchema, type Customer } from './resources';

/** Ends the reseller relationship; Partner Center accepts `none` as the only new value. */
export function removeRelationship(
  client: PartnerCenterClient,
  customerId: string,
  options: { requestId?: string; signal?: AbortSignal } = {},
): Promise<Customer> {
  return client.request(customerSchema, {
    method: 'PATCH',
    path: customerPath(customerId),
    body: { relationshipToPartner: 'none', attributes: { objectType: 'Customer' } },
    ...options,
  });
}

export function useRemoveRelationship(customerId: string) {
  const client = usePartnerCenterClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { requestId: string }) =>
      removeRelationship(client, customerId, { requestId: input.requestId }),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customerId), customer);
      void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    },
  });
}
