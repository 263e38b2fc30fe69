import { useMsal } from '@azure/msal-react';
import { useMemo } from 'react';
import type { DraftKey } from '@/forms/draft-keys';

/** Where the signed-in account's unsaved billing contact edit of a customer is kept. */
export function useBillingDraftKey(customerId: string): DraftKey | undefined {
  const { instance } = useMsal();
  const account = instance.getActiveAccount();
  const tenantId = account?.tenantId;
  const homeAccountId = account?.homeAccountId;
  return useMemo(
    () =>
      tenantId && homeAccountId
        ? { tenantId, homeAccountId, form: 'billing-contact', subject: customerId }
        : undefined,
    [tenantId, homeAccountId, customerId],
  );
}
