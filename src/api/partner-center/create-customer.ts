import type { Priority } from '@/api/queue/sliding-window';
import type { PartnerCenterClient } from './partner-center-client';
import {
  createdCustomerSchema,
  type CreateCustomerRequest,
  type CreatedCustomer,
} from './resources';

/**
 * Creates a customer. `requestId` is the operation's MS-RequestId: the client resends it on
 * every automatic retry, and a form that retries after an error, a reload or a dropped
 * connection passes the same one again, so Partner Center can never create the customer twice.
 *
 * No mutation hook on purpose: TanStack Query would keep the answer, and with it the one-time
 * password, in its mutation cache; the caller holds the credentials in memory only.
 */
export function createCustomer(
  client: PartnerCenterClient,
  customer: CreateCustomerRequest,
  options: { requestId?: string; signal?: AbortSignal; priority?: Priority } = {},
): Promise<CreatedCustomer> {
  return client.request(createdCustomerSchema, {
    method: 'POST',
    path: '/v1/customers',
    body: customer,
    successOverBody: true,
    ...options,
  });
}
