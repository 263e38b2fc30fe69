import { useMsal } from '@azure/msal-react';
import { useEffect, useSyncExternalStore } from 'react';
import { activeAccount } from '@/auth/active-account';
import { usePartnerCenterClient } from '@/api/partner-center/partner-center-context';
import { customerListCacheKey } from './customer-list-cache';
import { customerListStoreFor, type CustomerListStore } from './customer-list-store';

/** The signed-in account's customer list: shown from the browser's copy, crawled, pausable. */
export function useCustomerList() {
  const client = usePartnerCenterClient();
  const { instance } = useMsal();
  const account = activeAccount(instance);
  const store: CustomerListStore = customerListStoreFor(
    client,
    account ? customerListCacheKey(account) : undefined,
  );
  useEffect(() => store.start(), [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { ...snapshot, store };
}
