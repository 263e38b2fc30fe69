import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { customerRowSchema, type CustomerRow } from './customer-row';

/**
 * The last complete customer list per partner tenant and account, in IndexedDB, so a reload
 * shows 100,000 rows at once while a fresh copy loads. idb-keyval rather than TanStack Query's
 * persister: the list grows page by page over minutes and is written once, complete, instead of
 * the whole query cache being serialised again after every page.
 */

const VERSION = 1;

const cachedListSchema = z.object({
  version: z.literal(VERSION),
  savedAt: z.number(),
  totalCount: z.number().optional(),
  rows: z.array(customerRowSchema),
});
export type CachedCustomerList = z.infer<typeof cachedListSchema>;

let store: UseStore | undefined;
function cacheStore(): UseStore {
  store ??= createStore('partner-customers-portal', 'customer-lists');
  return store;
}

/** One entry per partner tenant and signed-in account: two accounts never see each other's. */
export function customerListCacheKey(account: { tenantId: string; homeAccountId: string }) {
  return `${account.tenantId}|${account.homeAccountId}`;
}

export async function readCachedCustomerList(key: string): Promise<CachedCustomerList | undefined> {
  try {
    const parsed = cachedListSchema.safeParse(await get(key, cacheStore()));
    if (parsed.success) return parsed.data;
    // An older shape or a damaged entry: load from Partner Center instead, and forget it.
    await del(key, cacheStore());
  } catch {
    // Private windows and full disks refuse IndexedDB; the list then simply loads as usual.
  }
  return undefined;
}

export async function writeCachedCustomerList(
  key: string,
  list: { rows: readonly CustomerRow[]; totalCount: number | undefined; savedAt: number },
): Promise<void> {
  const entry: CachedCustomerList = {
    version: VERSION,
    savedAt: list.savedAt,
    rows: [...list.rows],
    ...(list.totalCount === undefined ? {} : { totalCount: list.totalCount }),
  };
  try {
    await set(key, entry, cacheStore());
  } catch {
    // Not being able to cache costs the next visit its head start, nothing else.
  }
}

/** Every list cached for this account, in any partner tenant; called on sign-out. */
export async function clearCachedCustomerLists(homeAccountId: string): Promise<void> {
  try {
    const all = await keys(cacheStore());
    await Promise.all(
      all
        .filter((key) => typeof key === 'string' && key.endsWith(`|${homeAccountId}`))
        .map((key) => del(key, cacheStore())),
    );
  } catch {
    // Nothing was cached where IndexedDB is unavailable.
  }
}
