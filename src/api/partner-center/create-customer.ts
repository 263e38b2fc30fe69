import { useMutation, useQueryClient } from '@tanstack/react-query';
import { customerKeys } from './customer-keys';
import { usePartnerCenterClient } from './partner-center-context';
import type { PartnerCenterClient } from './partner-center-client';
import {
  createdCustomerSchema,
  type CreateCustomerRequest,
  type CreatedCustomer,
} from './resources';

/**
 * Creates a customer. `requestId` is the operation's MS-RequestId: the client resends it on
 * every automatic retry, and a form that retries after an error passes the same one again, so
 * Partner Center can never create the customer twice.
 */
export function createCustomer(
  client: PartnerCenterClient,
  customer: CreateCustomerRequest,
  options: { requestId?: string; signal?: AbortSignal } = {},
): Promise<CreatedCustomer> {
  return client.request(createdCustomerSchema, {
    method: 'POST',
    path: '/v1/customers',
    body: customer,
    ...options,
  });
}

export function useCreateCustomer() {
  const client = usePartnerCenterClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { customer: CreateCustomerRequest; requestId: string }) =>
      createCustomer(client, input.customer, { requestId: input.requestId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
  });
}
