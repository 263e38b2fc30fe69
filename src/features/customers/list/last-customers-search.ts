import { useSyncExternalStore } from 'react';
import type { CustomersSearch } from './customers-search';

/**
 * The list view last shown, so the "Customers" link in the navigation returns to it (with its
 * search, filters and sort) instead of a blank list.
 */
let last: Partial<CustomersSearch> = {};
const listeners = new Set<() => void>();

export function rememberCustomersSearch(search: Partial<CustomersSearch>) {
  if (search === last) return;
  last = search;
  for (const listener of listeners) listener();
}

export function useLastCustomersSearch(): Partial<CustomersSearch> {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => last,
  );
}
