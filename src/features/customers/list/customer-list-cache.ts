import {
  createStore,
  del,
  get,
  getMany,
  keys,
  promisifyRequest,
  set,
  setMany,
  update,
  type UseStore,
} from 'idb-keyval';
import { z } from 'zod';
import { customerColumnIds } from './customer-columns';
import type { IndexParts, SearchText } from './customer-index';
import { customerRowSchema, type CustomerRow } from './customer-row';
import {
  allBelow,
  CustomerTable,
  rowsOf,
  storedColumnsFit,
  storedColumnsSchema,
  storedText,
  type CustomerRows,
} from './customer-table';

/**
 * The last complete customer list per partner tenant and account, in IndexedDB, so a reload
 * shows 100,000 rows at once while a fresh copy loads. idb-keyval rather than TanStack Query's
 * persister: the list grows page by page over minutes and is written once, complete, instead of
 * the whole query cache being serialised again after every page.
 */

/**
 * Stored as the list lives in memory (a CustomerTable: each column one string with where its
 * values end, or a code per row), with its search text and its sort orders in entries of their
 * own: IndexedDB reads back a few long strings and typed arrays, the table is made over them
 * without a copy, and a reload neither folds nor sorts.
 *
 * The search text has its own entry because IndexedDB takes no value over ~133 MB: at 500,000
 * customers the list with its search text came to 145 MB, and was never saved.
 *
 * The orders have their own entry because most of them are computed after the list is saved (in
 * the sort worker, seconds later): adding them then writes a few typed arrays, not the whole
 * list again (~25 MB at 100,000 customers, a long task of encoding and cloning). `rowsId` ties
 * them to the rows they order; orders of other rows are never read.
 */
// 4: the search text is kept in one byte per character (toOneByte). 5: long texts as UTF-8.
// 6: sort orders in their own entry. 7: the search text too.
const VERSION = 7;

const storedListSchema = z
  .object({
    version: z.literal(VERSION),
    rowsId: z.string().min(1),
    savedAt: z.number(),
    totalCount: z.number().optional(),
    columns: storedColumnsSchema,
  })
  .refine((list) => storedColumnsFit(list.columns), 'The columns of a saved list do not fit.');
type StoredList = z.infer<typeof storedListSchema>;

const storedSearchSchema = z.object({
  version: z.literal(1),
  /** The rows this is the text of: the saved list's own rowsId. */
  rowsId: z.string(),
  text: storedText,
  starts: z.instanceof(Uint32Array),
  letters: z.instanceof(Uint32Array),
});

/** Ends with the account like the list's key, so signing out clears it with the list. */
const searchKey = (key: string) => `search-text|${key}`;

/** The saved search text of these very rows, if it is there and whole. */
function searchOf(entry: unknown, list: StoredList): SearchText | undefined {
  const parsed = storedSearchSchema.safeParse(entry);
  if (!parsed.success || parsed.data.rowsId !== list.rowsId) return undefined;
  const { text, starts, letters } = parsed.data;
  const { count } = list.columns;
  const fits =
    starts.length === count + 1 && starts[count] === text.length && letters.length === count * 2;
  return fits ? { text, starts, letters } : undefined;
}

/** The search text to save beside the rows, as IndexedDB keeps it (storedText). */
function storedSearch(
  rowsId: string,
  count: number,
  parts: IndexParts | undefined,
): z.input<typeof storedSearchSchema> | undefined {
  if (!parts || parts.search.starts.length !== count + 1) return undefined;
  return z.encode(storedSearchSchema, { version: 1, rowsId, ...parts.search });
}

const storedOrderSchema = z.tuple([
  z.enum(customerColumnIds),
  z.instanceof(Uint32Array),
  z.number().int().min(0),
]);
type StoredOrder = z.infer<typeof storedOrderSchema>;

const storedOrdersSchema = z.object({
  version: z.literal(1),
  /** The rows these orders order: the saved list's own rowsId. */
  rowsId: z.string(),
  // Each read on its own: one that does not fit costs only itself.
  orders: z.array(z.unknown()),
});

/** Ends with the account like the list's key, so signing out clears it with the list. */
const ordersKey = (key: string) => `sort-orders|${key}`;

/** The saved orders that order these very rows, each a permutation's worth of positions. */
function ordersOf(entry: unknown, list: StoredList): StoredOrder[] {
  const parsed = storedOrdersSchema.safeParse(entry);
  if (!parsed.success || parsed.data.rowsId !== list.rowsId) return [];
  const { count } = list.columns;
  return parsed.data.orders.flatMap((order) => {
    const read = storedOrderSchema.safeParse(order);
    if (!read.success) return [];
    const [, positions, filled] = read.data;
    const fits = positions.length === count && filled <= count && allBelow(positions, count);
    return fits ? [read.data] : [];
  });
}

function storedOrders(
  rowsId: string,
  count: number,
  parts: IndexParts | undefined,
): z.infer<typeof storedOrdersSchema> {
  return {
    version: 1,
    rowsId,
    orders: [...(parts?.orders ?? [])]
      .filter(([, order]) => order.positions.length === count)
      .map(([column, order]) => [column, order.positions, order.filled]),
  };
}

/** The list as IndexedDB keeps it: its long texts as bytes (storedText). */
function encoded(list: StoredList): z.input<typeof storedListSchema> {
  return z.encode(storedListSchema, list);
}

export interface CachedCustomerList {
  /** Which rows these are: sort orders saved later name it. */
  rowsId: string;
  savedAt: number;
  totalCount?: number;
  rows: CustomerTable;
  /** The search text and sort orders saved with the rows, when the text was. */
  parts?: IndexParts;
}

function tableOf(rows: CustomerRows): CustomerTable {
  return rows instanceof CustomerTable ? rows : CustomerTable.of([...rowsOf(rows)]);
}

function toStored(list: {
  rows: CustomerTable;
  rowsId: string;
  totalCount: number | undefined;
  savedAt: number;
}): StoredList {
  const { rows: table } = list;
  return {
    version: VERSION,
    rowsId: list.rowsId,
    savedAt: list.savedAt,
    ...(list.totalCount === undefined ? {} : { totalCount: list.totalCount }),
    columns: table.toStored(),
  };
}

function fromStored(
  stored: StoredList,
  orders: StoredOrder[] = [],
  search?: SearchText,
): CachedCustomerList {
  return {
    rowsId: stored.rowsId,
    savedAt: stored.savedAt,
    ...(stored.totalCount === undefined ? {} : { totalCount: stored.totalCount }),
    rows: CustomerTable.fromStored(stored.columns),
    ...(search
      ? {
          parts: {
            search,
            orders: new Map(
              orders.map(([column, positions, filled]) => [column, { positions, filled }]),
            ),
          },
        }
      : {}),
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

/**
 * Accounts whose lists sign-out has cleared. A write still under way then (the list saved as a
 * crawl completes, sort orders added seconds later, the first screen kept) must not put the
 * list back once the clear has read which entries there are. Kept until the page is left: a
 * sign-out ends in a redirect.
 */
const signedOut = new Set<string>();

/** Whether an entry is the account's: every key ends with it (the list's, its first screen's). */
function ofAccount(key: IDBValidKey, homeAccountId: string): boolean {
  return typeof key === 'string' && key.endsWith(`|${homeAccountId}`);
}

/** Whether an entry may be written now: checked right before its write's transaction is asked. */
function mayWrite(key: string): boolean {
  for (const account of signedOut) if (ofAccount(key, account)) return false;
  return true;
}

/** Saved lists read before the list's page could ask; see prefetchFirstScreen. */
const prefetchedLists = new Map<string, Promise<CachedCustomerList | undefined>>();

/** The saved list: the prefetched read when there is one, else a new one. */
export function readCachedCustomerList(key: string): Promise<CachedCustomerList | undefined> {
  const read = prefetchedLists.get(key);
  prefetchedLists.delete(key);
  return read ?? readSavedList(key);
}

async function readSavedList(key: string): Promise<CachedCustomerList | undefined> {
  try {
    const [list, orders, search] = await getMany(
      [key, ordersKey(key), searchKey(key)],
      cacheStore(),
    );
    const parsed = storedListSchema.safeParse(list);
    if (parsed.success) {
      return fromStored(parsed.data, ordersOf(orders, parsed.data), searchOf(search, parsed.data));
    }
    // An older shape or a damaged entry: load from Partner Center instead, and forget it.
    if (list !== undefined) await forgetUnsound(key);
  } catch {
    // Private windows and full disks refuse IndexedDB; the list then simply loads as usual.
  }
  return undefined;
}

/**
 * Deletes the saved list if it is still unsound, in one transaction with the check: a list
 * saved since it was read (a crawl completing just then) is sound, and stays.
 */
function forgetUnsound(key: string): Promise<void> {
  return cacheStore()('readwrite', async (store) => {
    if (storedListSchema.safeParse(await promisifyRequest(store.get(key))).success) return;
    store.delete(key);
    store.delete(ordersKey(key));
    store.delete(searchKey(key));
    await promisifyRequest(store.transaction);
  });
}

/**
 * The rows that filled the list's first screen when it was last shown, with the view they
 * answer: a few dozen rows read back in a few milliseconds, so a reload paints them with the
 * shell while the whole list is still being read.
 */
const firstScreenSchema = z.object({
  version: z.literal(1),
  /** The view (search, filters, sort) the rows answer; only that view may show them. */
  view: z.string(),
  rows: z.array(customerRowSchema).max(200),
  /** How many customers that view matched, and of how many. */
  matching: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type FirstScreen = Omit<z.infer<typeof firstScreenSchema>, 'version'>;

/** Ends with the account like the list's key, so signing out clears it with the list. */
const firstScreenKey = (key: string) => `first-screen|${key}`;

/** First screens read before the list's page could ask; see prefetchFirstScreen. */
const prefetched = new Map<string, Promise<FirstScreen | undefined>>();
/** And those of them already read, for the page's very first render (see peekFirstScreen). */
const settled = new Map<string, FirstScreen>();

/**
 * Which lists have something saved on this browser (a first screen, the whole list), in
 * localStorage, which is read at once. Where there is, the shell waits a moment for the first
 * screen; where there is not (a first sign-in here), the list asks Partner Center for its first
 * page at once. IndexedDB could only say so later: on a first sign-in it does not exist yet, and
 * making it takes longer than the shell takes to render.
 */
const savedMark = (key: string) => `partner-customers-portal.saved|${key}`;

/** The marks' earlier name, which marked first screens only: it still says a list was saved. */
const EARLIER_MARK = 'partner-customers-portal.first-screen|';

/** Whether this list has something saved here; undefined where localStorage cannot tell. */
export function savedHere(key: string): boolean | undefined {
  try {
    const marked = (name: string) => localStorage.getItem(name) !== null;
    return marked(savedMark(key)) || marked(`${EARLIER_MARK}${key}`);
  } catch {
    return undefined;
  }
}

function markSaved(key: string) {
  try {
    localStorage.setItem(savedMark(key), '1');
  } catch {
    // Then the shell does not wait for the first screen: the rows paint a moment after it.
  }
}

function forgetSavedMarks(homeAccountId: string) {
  try {
    const names = Array.from({ length: localStorage.length }, (_, at) => localStorage.key(at));
    for (const name of names) {
      const mark = name?.startsWith(savedMark('')) || name?.startsWith(EARLIER_MARK);
      if (name && mark && ofAccount(name, homeAccountId)) localStorage.removeItem(name);
    }
  } catch {
    // Nothing was marked where localStorage is unavailable.
  }
}

/**
 * Starts reading the first screen while the app still proves the session and loads the list's
 * code, so it is there for the page's first render. A read nobody takes is dropped soon: it is
 * a few dozen rows, but a later visit must read a fresh one.
 *
 * Resolves once the first screen is read, or at once when none was saved here: the shell waits
 * for it, so that the first rows paint with it. A slow or blocked IndexedDB holds the shell no
 * longer than FIRST_SCREEN_WAIT_MS.
 */
export function prefetchFirstScreen(
  key: string,
  /**
   * The whole list too, once its first screen is in: IndexedDB reads it from disk while the
   * shell still renders, instead of after the first rows have painted. Only for a list the
   * page has not loaded yet: decoding 100,000 rows again on the way back to a list already in
   * memory would hold the main thread for nothing.
   */
  options: { withList?: boolean } = {},
): Promise<unknown> {
  const already = prefetched.get(key);
  if (already) return waitedFor(key, already);
  const firstScreen = readSavedFirstScreen(key).then((screen) => {
    if (screen && prefetched.get(key) === firstScreen) settled.set(key, screen);
    return screen;
  });
  prefetched.set(key, firstScreen);
  if (options.withList) {
    prefetchedLists.set(
      key,
      firstScreen.then(() => readSavedList(key)),
    );
  }
  setTimeout(() => {
    if (prefetched.get(key) === firstScreen) forgetPrefetched(key);
    prefetchedLists.delete(key);
  }, 10_000);
  return waitedFor(key, firstScreen);
}

/** A few dozen rows from IndexedDB take a few milliseconds; a few frames is already slow. */
const FIRST_SCREEN_WAIT_MS = 100;

function waitedFor(key: string, read: Promise<FirstScreen | undefined>): Promise<unknown> {
  if (savedHere(key) !== true) return Promise.resolve(undefined);
  return Promise.race([read, new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
}

function forgetPrefetched(key: string) {
  prefetched.delete(key);
  settled.delete(key);
}

/**
 * The prefetched first screen when it has already been read: the list's page starts with it,
 * so the shell and the first rows paint in one frame rather than one after the other.
 */
export function peekFirstScreen(key: string): FirstScreen | undefined {
  return settled.get(key);
}

/** The saved first screen: the prefetched read when there is one, else a new one. */
export function readFirstScreen(key: string): Promise<FirstScreen | undefined> {
  const read = prefetched.get(key);
  forgetPrefetched(key);
  return read ?? readSavedFirstScreen(key);
}

async function readSavedFirstScreen(key: string): Promise<FirstScreen | undefined> {
  try {
    const parsed = firstScreenSchema.safeParse(await get(firstScreenKey(key), cacheStore()));
    if (!parsed.success) return undefined;
    const { view, rows, matching, total } = parsed.data;
    return { view, rows, matching, total };
  } catch {
    return undefined;
  }
}

export async function writeFirstScreen(key: string, screen: FirstScreen): Promise<void> {
  try {
    if (!mayWrite(key)) return;
    await set(firstScreenKey(key), { version: 1, ...screen }, cacheStore());
    if (mayWrite(key)) markSaved(key);
  } catch {
    // The next reload then waits for the whole list, as it did before this existed.
  }
}

/** The list with its search text and sort orders, in one transaction. */
export async function writeCachedCustomerList(
  key: string,
  list: {
    rows: CustomerRows;
    /** Names these rows for the orders saved later (writeCachedSortOrders); new when absent. */
    rowsId?: string;
    totalCount: number | undefined;
    savedAt: number;
    parts?: IndexParts;
  },
): Promise<void> {
  try {
    const rows = tableOf(list.rows);
    const rowsId = list.rowsId ?? crypto.randomUUID();
    const value = encoded(toStored({ ...list, rows, rowsId }));
    const orders = storedOrders(rowsId, rows.length, list.parts);
    const search = storedSearch(rowsId, rows.length, list.parts);
    if (!mayWrite(key)) return;
    await setMany(
      [
        [key, value],
        [ordersKey(key), orders],
        ...(search ? [[searchKey(key), search] as [string, unknown]] : []),
      ],
      cacheStore(),
    );
    if (mayWrite(key)) markSaved(key);
  } catch {
    // Not being able to cache costs the next visit its head start, nothing else.
  }
}

/**
 * Sort orders computed after the list was saved, for the rows `rowsId` names: a reload then
 * sorts by them without computing them. Orders for rows since replaced are never read.
 */
export async function writeCachedSortOrders(
  key: string,
  saved: { rowsId: string; count: number; parts: IndexParts },
): Promise<void> {
  try {
    const orders = storedOrders(saved.rowsId, saved.count, saved.parts);
    if (!mayWrite(key)) return;
    await set(ordersKey(key), orders, cacheStore());
  } catch {
    // The next visit computes them again.
  }
}

/**
 * One customer's row changed in place (renamed, or its relationship removed), so the saved list
 * shows the change on the next reload without a new crawl. Atomic: a read-modify-write in one
 * transaction. The saved search text and orders are dropped (the rows get a new rowsId): the
 * next reload indexes afresh.
 */
export async function updateCachedCustomerRow(
  key: string,
  customerId: string,
  change: Partial<Pick<CustomerRow, 'companyName' | 'relationship'>>,
): Promise<void> {
  await rewriteCachedList(key, (list) => {
    const position = list.rows.positionOf(customerId);
    if (position < 0) return undefined;
    return { ...list, rows: list.rows.withRow(position, change) };
  });
}

/**
 * A new customer appended to the saved list (when there is one), so a reload shows it without a
 * new crawl. Atomic like the update above; a customer already there is left as it is.
 */
export async function addCachedCustomerRow(key: string, row: CustomerRow): Promise<void> {
  await rewriteCachedList(key, (list) => {
    if (list.rows.has(row.id)) return undefined;
    return {
      ...list,
      ...(list.totalCount === undefined ? {} : { totalCount: list.totalCount + 1 }),
      rows: list.rows.append([row]),
    };
  });
}

/** Replaces a sound saved list by what `change` makes of it; undefined leaves it as it is. */
async function rewriteCachedList(
  key: string,
  change: (list: CachedCustomerList) => CachedCustomerList | undefined,
): Promise<void> {
  try {
    // Only an entry that is there and sound is changed: update() would write whatever it got.
    if (!storedListSchema.safeParse(await get(key, cacheStore())).success) return;
    if (!mayWrite(key)) return;
    await update(
      key,
      (stored: unknown) => {
        const parsed = storedListSchema.safeParse(stored);
        if (!parsed.success) return stored;
        const changed = change(fromStored(parsed.data));
        if (!changed) return stored;
        return encoded(
          toStored({
            rows: changed.rows,
            rowsId: crypto.randomUUID(),
            totalCount: changed.totalCount,
            savedAt: changed.savedAt,
          }),
        );
      },
      cacheStore(),
    );
  } catch {
    // Without IndexedDB there is no saved list to keep current.
  }
}

/** Every list cached for this account, in any partner tenant; called on sign-out. */
export async function clearCachedCustomerLists(homeAccountId: string): Promise<void> {
  signedOut.add(homeAccountId);
  // A read made before signing out must not show the list to the next sign-in.
  for (const reads of [prefetched, settled, prefetchedLists] as Map<string, unknown>[]) {
    for (const key of [...reads.keys()]) if (ofAccount(key, homeAccountId)) reads.delete(key);
  }
  forgetSavedMarks(homeAccountId);
  try {
    const all = await keys(cacheStore());
    await Promise.all(
      all.filter((key) => ofAccount(key, homeAccountId)).map((key) => del(key, cacheStore())),
    );
  } catch {
    // Nothing was cached where IndexedDB is unavailable.
  }
}
