import { useMsal } from '@azure/msal-react';
import { usePartnerCenterClient } from '@/api/partner-center/partner-center-context';
import type { CustomerListItem } from '@/api/partner-center/resources';
import { customerListCacheKey } from '@/features/customers/list/customer-list-cache';
import { customerListStoreFor } from '@/features/customers/list/customer-list-store';
import { toCustomerRow } from '@/features/customers/list/customer-row';
import { NewCustomerPage } from '@/features/onboarding/routes/new-customer-page';

/**
 * Onboarding, composed with the customer list: a created customer joins the list on screen and
 * its saved copy at once, without a new crawl. Features never import each other; the app joins
 * them here.
 */
export function NewCustomerRoute() {
  const client = usePartnerCenterClient();
  const { instance } = useMsal();
  const account = instance.getActiveAccount();
  const addToList = async (customer: CustomerListItem) => {
    if (!account) return;
    await customerListStoreFor(client, customerListCacheKey(account)).addRow(
      toCustomerRow(customer),
    );
  };
  return <NewCustomerPage addToList={addToList} />;
}
