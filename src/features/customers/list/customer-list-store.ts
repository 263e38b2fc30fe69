import { crawlCustomers } from '@/api/partner-center/crawl-customers';
import type { PageRequest } from '@/api/partner-center/list-customers';
import type { PartnerCenterClient } from '@/api/partner-center/partner-center-client';
import {
  addCachedCustomerRow,
  customerListCacheKey,
  peekFirstScreen,
  readCachedCustomerList,
  readFirstScreen,
  savedHere,
  writeFirstScreen,
  type FirstScreen,
  updateCachedCustomerRow,
  writeCachedCustomerList,
  writeCachedSortOrders,
} from './customer-list-cache';
import { CustomerIndex, growingIndex, type IndexParts } from './customer-index';
import { toCustomerRow, type CustomerRow } from './customer-row';
import { CustomerTable } from './customer-table';
import { openSortFeed, type SortFeedHandle } from './sort-worker-client';

export type CrawlState = 'starting' | 'loading' | 'paused' | 'done' | 'failed';

export interface CustomerListSnapshot {
  /** The rows shown: the saved copy while a refresh runs, else what has loaded so far. */
  rows: CustomerTable;
  /** Rows fetched by the crawl under way (or the last one). */
  loaded: number;
  /** Partner Center's count of all customers, once a page has said it. */
  total: number | undefined;
  state: CrawlState;
  error: Error | undefined;
  /** When the shown rows came from the browser's copy: the time that copy was complete. */
  cachedAt: number | undefined;
  /** The shown rows' search text and sort orders, kept beside the list and saved with it. */
  index: CustomerIndex;
  /** The saved first screen, while the saved list is still being read (and only then). */
  firstScreen: FirstScreen | undefined;
}

/** Rows reach the table at most this often while pages arrive, so it is not rebuilt 200 times. */
const PUBLISH_EVERY_MS = 400;
/**
 * And never oftener than this many times what the last publication cost (indexing the new rows
 * and the renders that follow): at 100,000 rows one costs 100–400 ms, and at a fixed interval
 * publishing would take a quarter of the main thread, which the crawl's pages are waiting for.
 */
const PUBLISH_COST_SHARE = 10;
const PUBLISH_AT_MOST_EVERY_MS = 2_000;

/**
 * The whole customer list of one partner tenant and account: shown from the browser's copy at
 * once, then crawled page by page at background priority (the first page interactive when the
 * user has nothing yet to look at), pausable, and saved again when complete.
 *
 * It outlives the page, so opening a customer and coming back neither loses the rows nor starts
 * the crawl again.
 */
export class CustomerListStore {
  readonly #client: PartnerCenterClient;
  readonly #cacheKey: string | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #now: () => number;
  #snapshot: CustomerListSnapshot = {
    rows: CustomerTable.empty(),
    loaded: 0,
    total: undefined,
    state: 'starting',
    error: undefined,
    cachedAt: undefined,
    index: new CustomerIndex(CustomerTable.empty()),
    firstScreen: undefined,
  };
  readonly #indexOf = growingIndex();
  /** The saved copy's index, used when its rows are published. */
  #cachedParts: IndexParts | undefined;
  #started = false;
  #controller: AbortController | undefined;
  /** The crawl the user paused: a page it had already fetched is still taken in. */
  #paused: AbortController | undefined;
  #resumeFrom: PageRequest | undefined;
  /** The crawl's rows so far, and the rows fetched since that are not in it yet. */
  #crawled = CustomerTable.empty();
  #pending: CustomerRow[] = [];
  /** Each fetched customer's place: one that moves between pages while paging counts once. */
  #positions = new Map<string, number>();
  /** Customers fetched again at a place already in #crawled, with their newer row. */
  #replaced = new Map<number, CustomerRow>();
  #publishTimer: ReturnType<typeof setTimeout> | undefined;
  #publishDelayMs = PUBLISH_EVERY_MS;
  /** When the list on screen was completed, so a refresh says how old the rows it keeps are. */
  #completedAt: number | undefined;
  /** The saved copy of the rows on screen, when they are the saved ones (see saveIndex). */
  #savedRowsId: string | undefined;
  /** Every column's order of the crawl's rows, made in the sort worker as pages arrive. */
  #sortFeed: SortFeedHandle | undefined;

  constructor(client: PartnerCenterClient, cacheKey: string | undefined, now = Date.now) {
    this.#client = client;
    this.#cacheKey = cacheKey;
    this.#now = now;
    if (cacheKey) this.#snapshot.firstScreen = peekFirstScreen(cacheKey);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): CustomerListSnapshot => this.#snapshot;

  /** Shows the saved copy, then crawls; later calls do nothing. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    void this.#loadCacheThenCrawl();
  }

  pause(): void {
    if (this.#snapshot.state !== 'loading' && this.#snapshot.state !== 'starting') return;
    this.#paused = this.#controller;
    this.#controller?.abort();
    this.#controller = undefined;
    this.#publishNow({ state: 'paused' });
  }

  /** Continues a paused or failed crawl from the page it stopped at. */
  resume(): void {
    if (this.#snapshot.state !== 'paused' && this.#snapshot.state !== 'failed') return;
    this.#crawl(this.#resumeFrom);
  }

  /** Loads the whole list again, keeping the current rows on screen until it is complete. */
  refresh(): void {
    if (this.#snapshot.state === 'loading') return;
    this.#controller?.abort();
    this.#resetCrawl();
    this.#resumeFrom = undefined;
    this.#crawl(undefined, {
      cachedAt: this.#snapshot.cachedAt ?? this.#completedAt ?? this.#now(),
      loaded: 0,
    });
  }

  /**
   * A customer changed elsewhere in the portal (a billing edit renamed it, its relationship was
   * removed): the list shows it at once, and so does the saved copy, without crawling again.
   */
  updateRow(
    customerId: string,
    change: Partial<Pick<CustomerRow, 'companyName' | 'relationship'>>,
  ): void {
    const fetchedAt = this.#positions.get(customerId);
    const { rows: shown, state, cachedAt } = this.#snapshot;
    const position = shown.positionOf(customerId);
    if (position >= 0 && cachedAt !== undefined) {
      // The saved copy is on screen while a refresh runs: it is what must show the change.
      this.#publishNow({ rows: shown.withRow(position, change) });
    } else if (position >= 0 && state === 'done') {
      this.#crawled = shown.withRow(position, change);
      this.#publishNow({});
    }
    // The saved copy is rewritten under a new rowsId: orders of these rows would not fit it.
    if (position >= 0) this.#savedRowsId = undefined;
    if (fetchedAt !== undefined && state !== 'done') {
      const row = this.#fetchedRow(fetchedAt);
      if (row) this.#place(fetchedAt, { ...row, ...change });
      if (cachedAt === undefined) this.#publishNow({});
    }
    if (this.#cacheKey) void updateCachedCustomerRow(this.#cacheKey, customerId, change);
  }

  /**
   * A customer onboarded in this portal: shown in the list at once and added to the saved copy,
   * without crawling again (the next crawl brings Partner Center's own row for it).
   */
  async addRow(row: CustomerRow): Promise<void> {
    // Not started: nothing is on screen, and the saved copy is what the first visit shows.
    if (this.#started && !this.#knows(row.id)) {
      const shown = this.#snapshot.rows;
      const total = this.#snapshot.total === undefined ? undefined : this.#snapshot.total + 1;
      this.#savedRowsId = undefined;
      if (this.#snapshot.cachedAt !== undefined) {
        this.#publishNow({ rows: shown.has(row.id) ? shown : shown.append([row]), total });
      } else if (this.#snapshot.state === 'done') {
        this.#crawled = this.#crawled.append([row]);
        this.#publishNow({ total, loaded: this.#crawled.length });
      } else {
        this.#fetch(row);
        this.#publishNow({ total, loaded: this.#positions.size });
      }
    }
    if (this.#cacheKey) await addCachedCustomerRow(this.#cacheKey, row);
  }

  #knows(customerId: string): boolean {
    return this.#positions.has(customerId) || this.#crawled.has(customerId);
  }

  #resetCrawl() {
    this.#sortFeed?.drop();
    this.#sortFeed = undefined;
    this.#crawled = CustomerTable.empty();
    this.#pending = [];
    this.#positions = new Map();
    this.#replaced = new Map();
  }

  /** A row of the crawl: appended, or in its earlier place when the customer was seen. */
  #fetch(row: CustomerRow) {
    const position = this.#positions.get(row.id);
    if (position === undefined) {
      const at = this.#crawled.length + this.#pending.length;
      this.#positions.set(row.id, at);
      this.#pending.push(row);
      // Fed from the first row on, or not at all: a feed that missed rows would have none.
      if (at === 0) this.#sortFeed = openSortFeed();
      this.#sortFeed?.append(at, row);
    } else {
      this.#place(position, row);
    }
  }

  #place(position: number, row: CustomerRow) {
    this.#sortFeed?.replace(position, row);
    if (position >= this.#crawled.length) this.#pending[position - this.#crawled.length] = row;
    else this.#replaced.set(position, row);
  }

  #fetchedRow(position: number): CustomerRow | undefined {
    if (position >= this.#crawled.length) return this.#pending[position - this.#crawled.length];
    return this.#replaced.get(position) ?? this.#crawled.at(position);
  }

  /** The crawl's rows as a table, with what was fetched since the last time. */
  #crawledRows(): CustomerTable {
    if (this.#replaced.size > 0) {
      const rows = [...this.#crawledTableRows(), ...this.#pending];
      this.#crawled = CustomerTable.of(rows);
      this.#replaced = new Map();
      this.#pending = [];
    } else if (this.#pending.length > 0) {
      this.#crawled = this.#crawled.append(this.#pending);
      this.#pending = [];
    }
    return this.#crawled;
  }

  *#crawledTableRows(): Generator<CustomerRow> {
    for (let position = 0; position < this.#crawled.length; position += 1) {
      const row = this.#replaced.get(position) ?? this.#crawled.at(position);
      if (row) yield row;
    }
  }

  /** Keeps the rows now on the list's first screen for the next visit's first paint. */
  saveFirstScreen(screen: FirstScreen): void {
    if (this.#cacheKey) void writeFirstScreen(this.#cacheKey, screen);
  }

  async #loadCacheThenCrawl() {
    // Nothing saved here to show first (a first sign-in on this browser): the first page is
    // what the user waits for, so it is asked for now, not once IndexedDB, made afresh on a
    // first visit, has said there is nothing. A saved list found all the same is still shown
    // if it comes back before the first page, and the crawl then refreshes it.
    if (this.#cacheKey && savedHere(this.#cacheKey) === false) this.#crawl(undefined);
    if (this.#cacheKey) {
      const firstScreen = await readFirstScreen(this.#cacheKey);
      if (firstScreen && this.#snapshot.rows.length === 0) {
        if (this.#snapshot.firstScreen !== firstScreen) this.#publishNow({ firstScreen });
        // Painted before the whole list is read: its reading holds the main thread a while.
        await afterNextPaint();
      }
    }
    const cached = this.#cacheKey ? await readCachedCustomerList(this.#cacheKey) : undefined;
    if (cached && this.#snapshot.rows.length === 0) {
      this.#savedRowsId = cached.rowsId;
      this.#cachedParts = cached.parts;
      this.#publishNow({ rows: cached.rows, total: cached.totalCount, cachedAt: cached.savedAt });
      this.#cachedParts = undefined;
      this.#snapshot.index.complete();
    }
    if (this.#snapshot.state === 'starting') this.#crawl(undefined);
  }

  #crawl(from: PageRequest | undefined, change: Partial<CustomerListSnapshot> = {}) {
    const controller = new AbortController();
    this.#controller = controller;
    this.#paused = undefined;
    this.#publishNow({ ...change, state: 'loading', error: undefined });
    const showingNothing = this.#snapshot.rows.length === 0;
    void (async () => {
      try {
        const pages = crawlCustomers(this.#client, {
          from,
          // The first rows are what the user waits for; a refresh behind saved rows is not.
          firstPagePriority: !from && showingNothing ? 'interactive' : 'background',
          signal: controller.signal,
        });
        let firstPage = true;
        for await (const { page, next } of pages) {
          // A page that answered before the pause is kept, so resuming asks for the one after
          // it; a crawl another one replaced keeps nothing.
          const paused = this.#paused === controller;
          if (controller.signal.aborted && !paused) return;
          for (const item of page.items) this.#fetch(toCustomerRow(item));
          // The first page's rows go to the sort worker with the second page's: sending them
          // (and making the worker) now would hold the first rows' paint.
          if (!firstPage) this.#sortFeed?.flush();
          firstPage = false;
          this.#resumeFrom = next;
          // Paused on the last page, the list is complete all the same.
          if (paused && next) return this.#publishNow({ loaded: this.#positions.size });
          const total = page.totalCount ?? this.#snapshot.total;
          if (next) {
            this.#indexArrived();
            this.#publishSoon({ total, loaded: this.#positions.size });
          } else {
            this.#finish(total);
          }
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        this.#publishNow({
          state: 'failed',
          error: error instanceof Error ? error : new Error(String(error)),
        });
      }
    })();
  }

  #finish(total: number | undefined) {
    const rows = this.#crawledRows();
    // The list is complete: its places are needed no more (100,000 map entries).
    this.#positions = new Map();
    const savedAt = this.#now();
    this.#completedAt = savedAt;
    this.#publishNow({
      rows,
      loaded: rows.length,
      total: total ?? rows.length,
      state: 'done',
      cachedAt: undefined,
    });
    const { index } = this.#snapshot;
    index.complete();
    const rowsId = crypto.randomUUID();
    this.#savedRowsId = rowsId;
    void this.#adoptFedOrders(index, rows.length);
    const key = this.#cacheKey;
    if (!key) return;
    // After the complete list has painted: encoding it for IndexedDB holds the main thread
    // for a few hundred milliseconds at 100,000 rows, which "All loaded" must not wait for.
    void afterNextPaint().then(() =>
      writeCachedCustomerList(key, {
        rows,
        rowsId,
        totalCount: total,
        savedAt,
        parts: index.parts,
      }),
    );
  }

  /** The sort feed's orders for the completed list: any column's first sort is one pass. */
  async #adoptFedOrders(index: CustomerIndex, count: number) {
    const feed = this.#sortFeed;
    this.#sortFeed = undefined;
    const orders = await feed?.finish(count);
    if (!orders || this.#snapshot.index !== index) return;
    for (const [column, order] of orders) index.adoptOrder(column, order);
    this.saveIndex();
  }

  /**
   * Saves the shown list's sort orders as they are now, beside its saved copy: orders computed
   * since (in the sort worker) then need no computing on the next visit.
   */
  saveIndex(): void {
    const { rows, index, cachedAt, state } = this.#snapshot;
    const saved = cachedAt !== undefined || state === 'done';
    if (!this.#cacheKey || !saved || !this.#savedRowsId || rows.length === 0) return;
    void writeCachedSortOrders(this.#cacheKey, {
      rowsId: this.#savedRowsId,
      count: rows.length,
      parts: index.parts,
    });
  }

  /**
   * Takes a page's rows into the table and its index as the page arrives, while the next page
   * is on the wire: a few milliseconds each time, where indexing a publication's worth of pages
   * at once held the main thread for tens of milliseconds, and the next response waited for it.
   * Only for a crawl whose rows are on screen: behind a saved list, its rows show once complete.
   */
  #indexArrived() {
    if (this.#snapshot.cachedAt !== undefined) return;
    // The rows about to be appended, unless rows fetched again replace some (rare: then the
    // table is made again, and read as it is).
    const added = this.#replaced.size === 0 ? this.#pending : undefined;
    this.#indexOf(this.#crawledRows(), undefined, added);
  }

  #publishSoon(change: Partial<CustomerListSnapshot>) {
    const first = this.#snapshot.rows.length === 0;
    this.#snapshot = { ...this.#snapshot, ...change };
    if (first) return this.#publishNow({});
    this.#publishTimer ??= setTimeout(() => this.#publishMeasured(), this.#publishDelayMs);
  }

  /** Publishes, then sets the next delay from what it cost, renders included. */
  #publishMeasured() {
    const started = performance.now();
    this.#publishNow({});
    // React renders a store's change in a microtask of this task: the next task comes after.
    setTimeout(() => {
      const cost = performance.now() - started;
      this.#publishDelayMs = Math.min(
        PUBLISH_AT_MOST_EVERY_MS,
        Math.max(PUBLISH_EVERY_MS, cost * PUBLISH_COST_SHARE),
      );
    }, 0);
  }

  #publishNow(change: Partial<CustomerListSnapshot>) {
    if (this.#publishTimer !== undefined) clearTimeout(this.#publishTimer);
    this.#publishTimer = undefined;
    const next = { ...this.#snapshot, ...change };
    // While a saved or completed list is on screen, the growing one stays hidden until complete.
    if (!('rows' in change) && next.cachedAt === undefined) next.rows = this.#crawledRows();
    next.index = this.#indexOf(next.rows, this.#cachedParts);
    // The first screen stands in for rows still being read or fetched, never for a failure.
    if (next.rows.length > 0 || (next.state !== 'starting' && next.state !== 'loading'))
      next.firstScreen = undefined;
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }
}

function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/**
 * Starts the account's list before its page renders, where nothing saved here can show first
 * (a first sign-in on this browser), and settles once its first rows are in, or the crawl has
 * stopped, or after `longestWaitMs`: the shell that waits for it paints with the first rows
 * instead of a frame or two before them. Elsewhere the page starts the list itself, with its
 * saved first screen, and this settles at once.
 */
export function startCustomerListAhead(
  client: PartnerCenterClient,
  account: { tenantId: string; homeAccountId: string },
  longestWaitMs: number,
): Promise<void> {
  const cacheKey = customerListCacheKey(account);
  if (savedHere(cacheKey) !== false) return Promise.resolve();
  const store = customerListStoreFor(client, cacheKey);
  store.start();
  return new Promise<void>((resolve) => {
    const settle = () => {
      const { rows, state } = store.getSnapshot();
      if (rows.length === 0 && (state === 'starting' || state === 'loading')) return;
      stop();
    };
    const timer = setTimeout(() => stop(), longestWaitMs);
    const unsubscribe = store.subscribe(settle);
    const stop = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    settle();
  });
}

const stores = new WeakMap<PartnerCenterClient, Map<string, CustomerListStore>>();

/** The one list store per client and account, so every mount shares one crawl. */
export function customerListStoreFor(
  client: PartnerCenterClient,
  cacheKey: string | undefined,
): CustomerListStore {
  let byKey = stores.get(client);
  if (!byKey) {
    byKey = new Map();
    stores.set(client, byKey);
  }
  const key = cacheKey ?? '';
  let store = byKey.get(key);
  if (!store) {
    store = new CustomerListStore(client, cacheKey);
    byKey.set(key, store);
  }
  return store;
}
