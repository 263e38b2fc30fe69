import { createStore, del, get, keys, set, update, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import type { CustomerRow } from './customer-row';

/**
 * The last complete customer list per partner tenant and account, in IndexedDB, so a reload
 * shows 100,000 rows at once while a fresh copy loads. idb-keyval rather than TanStack Query's
 * persister: the list grows page by page over minutes and is written once, complete, instead of
 * the whole query cache being serialised again after every page.
 */

/**
 * Stored by column, not as 100,000 row objects: IndexedDB's structured clone and zod then handle
 * a few long arrays of strings, which reads several times faster on reload. Optional values are
 * '' when absent, and tags are kept only for the rows that have some.
 */
const VERSION = 2;

const storedListSchema = z
  .object({
    version: z.literal(VERSION),
    savedAt: z.number(),
    totalCount: z.number().optional(),
    ids: z.array(z.string()),
    companyNames: z.array(z.string()),
    domains: z.array(z.string()),
    relationships: z.array(z.string()),
    associatedPartnerIds: z.array(z.string()),
    commerceIds: z.array(z.string()),
    tags: z.array(z.tuple([z.number().int().nonnegative(), z.array(z.string())])),
  })
  .refine(
    (list) =>
      [
        list.companyNames,
        list.domains,
        list.relationships,
        list.associatedPartnerIds,
        list.commerceIds,
      ].every((column) => column.length === list.ids.length) &&
      list.tags.every(([position]) => position < list.ids.length),
    'The columns of a saved list differ in length.',
  );
type StoredList = z.infer<typeof storedListSchema>;

export interface CachedCustomerList {
  savedAt: number;
  totalCount?: number;
  rows: CustomerRow[];
}

function toStored(list: {
  rows: readonly CustomerRow[];
  totalCount: number | undefined;
  savedAt: number;
}): StoredList {
  const { rows } = list;
  const tags: StoredList['tags'] = [];
  rows.forEach((row, position) => {
    if (row.tags.length) tags.push([position, row.tags]);
  });
  return {
    version: VERSION,
    savedAt: list.savedAt,
    ...(list.totalCount === undefined ? {} : { totalCount: list.totalCount }),
    ids: rows.map((row) => row.id),
    companyNames: rows.map((row) => row.companyName),
    domains: rows.map((row) => row.domain),
    relationships: rows.map((row) => row.relationship),
    associatedPartnerIds: rows.map((row) => row.associatedPartnerId ?? ''),
    commerceIds: rows.map((row) => row.commerceId ?? ''),
    tags,
  };
}

function fromStored(stored: StoredList): CachedCustomerList {
  const tagsAt = new Map(stored.tags);
  const rows = stored.ids.map((id, position): CustomerRow => {
    const row: CustomerRow = {
      id,
      companyName: stored.companyNames[position] ?? '',
      domain: stored.domains[position] ?? '',
      relationship: stored.relationships[position] ?? '',
      tags: tagsAt.get(position) ?? [],
    };
    // Absent rather than undefined, as toCustomerRow makes them.
    const associatedPartnerId = stored.associatedPartnerIds[position];
    if (associatedPartnerId) row.associatedPartnerId = associatedPartnerId;
    const commerceId = stored.commerceIds[position];
    if (commerceId) row.commerceId = commerceId;
    return row;
  });
  return {
    savedAt: stored.savedAt,
    ...(stored.totalCount === undefined ? {} : { totalCount: stored.totalCount }),
    rows,
  };
}

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
    const parsed = storedListSchema.safeParse(await get(key, cacheStore()));
    if (parsed.success) return fromStored(parsed.data);
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
  try {
    await set(key, toStored(list), cacheStore());
  } catch {
    // Not being able to cache costs the next visit its head start, nothing else.
  }
}

/**
 * One customer's row changed in place (renamed, or its relationship removed), so the saved list shows the
 * change on the next reload without a new crawl. Atomic: a read-modify-write in one transaction.
 */
export async function updateCachedCustomerRow(
  key: string,
  customerId: string,
  change: Partial<Pick<CustomerRow, 'companyName' | 'relationship'>>,
): Promise<void> {
  try {
    // Only an entry that is there and sound is changed: update() would write whatever it got.
    if (!storedListSchema.safeParse(await get(key, cacheStore())).success) return;
    await update(
      key,
      (stored: unknown) => {
        const parsed = storedListSchema.safeParse(stored);
        if (!parsed.success) return stored;
        const position = parsed.data.ids.indexOf(customerId);
        if (position < 0) return stored;
        const companyNames = [...parsed.data.companyNames];
        const relationships = [...parsed.data.relationships];
        if (change.companyName !== undefined) companyNames[position] = change.companyName;
        if (change.relationship !== undefined) relationships[position] = change.relationship;
        return { ...parsed.data, companyNames, relationships };
      },
      cacheStore(),
    );
  } catch {
    // Without IndexedDB there is no saved list to keep current.
  }
}

/**
 * A new customer appended to the saved list (when there is one), so a reload shows it without a
 * new crawl. Atomic like the update above; a customer already there is left as it is.
 */
export async function addCachedCustomerRow(key: string, row: CustomerRow): Promise<void> {
  try {
    if (!storedListSchema.safeParse(await get(key, cacheStore())).success) return;
    await update(
      key,
      (stored: unknown) => {
        const parsed = storedListSchema.safeParse(stored);
        if (!parsed.success || parsed.data.ids.includes(row.id)) return stored;
        const list = parsed.data;
        const position = list.ids.length;
        return {
          ...list,
          ...(list.totalCount === undefined ? {} : { totalCount: list.totalCount + 1 }),
          ids: [...list.ids, row.id],
          companyNames: [...list.companyNames, row.companyName],
          domains: [...list.domains, row.domain],
          relationships: [...list.relationships, row.relationship],
          associatedPartnerIds: [...list.associatedPartnerIds, row.associatedPartnerId ?? ''],
          commerceIds: [...list.commerceIds, row.commerceId ?? ''],
          tags: row.tags.length ? [...list.tags, [position, row.tags]] : list.tags,
        };
      },
      cacheStore(),
    );
  } catch {
    // Without IndexedDB there is no saved list to add to.
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
