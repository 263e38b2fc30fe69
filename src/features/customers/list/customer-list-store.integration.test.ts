import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { ApiError } from '@/api/partner-center/api-error';
import { crawlCustomers, type CrawledPage } from '@/api/partner-center/crawl-customers';
import { classifyFailure, PartnerCenterClient } from '@/api/partner-center/partner-center-client';
import { MemoryLedger } from '@/api/queue/budget-ledger';
import { RequestQueue } from '@/api/queue/request-queue';
import {
  customerListCacheKey,
  prefetchFirstScreen,
  readCachedCustomerList,
  writeCachedCustomerList,
  writeFirstScreen,
} from './customer-list-cache';
import type { CustomerRow } from './customer-row';
import { memoryStorage } from './memory-storage';
import { rowsOf, type CustomerRows } from './customer-table';
import {
  CustomerListStore,
  customerListStoreFor,
  startCustomerListAhead,
  type CrawlState,
  type CustomerListSnapshot,
} from './customer-list-store';

/**
 * The list store with a real client and queue against the emulator over HTTP (started by
 * vitest.global-setup.ts), and a real (in-memory) IndexedDB for the saved copy.
 *
 * Everything reads Fabrikam's customers as Isaiah: no test anywhere writes to that partner
 * tenant, so its count cannot change under a crawl while other files run beside this one.
 * Its 300 customers fit in one page of 500, so the network asks for pages of PAGE_SIZE instead;
 * the emulator's next links then keep that size, and there are pages to pause and fail between.
 */

const { emulator } = inject('partnerCenter');
const PAGE_SIZE = 50;
/** Tries per request for a network error or 5xx, given to the queue below. */
const MAX_ATTEMPTS = 4;

interface SentRequest {
  index: number;
  url: string;
  continuationToken: string | null;
  requestId: string | null;
  status: number | 'unanswered';
}

type Interceptor = (request: SentRequest, send: () => Promise<Response>) => Promise<Response>;

function createClient(intercept: Interceptor = (_request, send) => send()) {
  const queue = new RequestQueue({
    ledger: new MemoryLedger(),
    limits: () => ({
      requests: emulator.rateLimit.requests,
      windowMs: emulator.rateLimit.windowSeconds * 1000,
      backgroundShare: 0.9,
    }),
    classify: classifyFailure,
    maxAttempts: MAX_ATTEMPTS,
    retryBaseMs: 10,
    retryCapMs: 50,
  });
  const sent: SentRequest[] = [];
  const client = new PartnerCenterClient({
    baseUrl: emulator.baseUrl,
    getAccessToken: () => Promise.resolve(emulator.tokens.isaiah),
    budgetKey: () => emulator.tenants.fabrikam,
    queue,
    locale: 'en-GB',
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      const url = String(input).replace(/([?&]size=)\d+/, `$1${PAGE_SIZE}`);
      const request: SentRequest = {
        index: sent.length,
        url,
        continuationToken: headers.get('MS-ContinuationToken'),
        requestId: headers.get('MS-RequestId'),
        status: 'unanswered',
      };
      sent.push(request);
      const response = await intercept(request, () => fetch(url, init));
      request.status = response.status;
      return response;
    },
  });
  return { client, queue, sent };
}

/** Fabrikam's customers as the emulator lists them, read without the client under test. */
async function emulatorListing(): Promise<{ ids: string[]; totalCount: number }> {
  const ids: string[] = [];
  let totalCount = Number.NaN;
  let uri = '/v1/customers?size=500';
  let continuationToken: string | undefined;
  for (;;) {
    const response = await fetch(`${emulator.baseUrl}${uri}`, {
      headers: {
        authorization: `Bearer ${emulator.tokens.isaiah}`,
        accept: 'application/json',
        ...(continuationToken ? { 'MS-ContinuationToken': continuationToken } : {}),
      },
    });
    if (!response.ok) throw new Error(`the emulator answered ${response.status} to ${uri}`);
    const page = (await response.json()) as {
      totalCount: number;
      items: { id: string }[];
      links: { next?: { uri: string; headers?: { key: string; value: string }[] } };
    };
    totalCount = page.totalCount;
    ids.push(...page.items.map((item) => item.id));
    const next = page.links.next;
    if (!next) return { ids, totalCount };
    uri = next.uri;
    continuationToken = next.headers?.find(
      (header) => header.key.toLowerCase() === 'ms-continuationtoken',
    )?.value;
  }
}

let listed: ReturnType<typeof emulatorListing> | undefined;
const listing = () => (listed ??= emulatorListing());

/** Resolves with the first snapshot that satisfies the predicate, published or current. */
function until(
  store: CustomerListStore,
  predicate: (snapshot: CustomerListSnapshot) => boolean,
  timeoutMs = 5_000,
): Promise<CustomerListSnapshot> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const snapshot = store.getSnapshot();
      if (!predicate(snapshot)) return;
      stop();
      resolve(snapshot);
    };
    const timer = setTimeout(() => {
      stop();
      const { state, loaded, error } = store.getSnapshot();
      reject(new Error(`the store stayed ${state} (${loaded} loaded, error: ${error?.message})`));
    }, timeoutMs);
    const unsubscribe = store.subscribe(check);
    const stop = () => {
      clearTimeout(timer);
      unsubscribe();
    };
    check();
  });
}

const done = (store: CustomerListStore) => until(store, (snapshot) => snapshot.state === 'done');

/** Every snapshot the store publishes, in order. */
function record(store: CustomerListStore): CustomerListSnapshot[] {
  const snapshots: CustomerListSnapshot[] = [];
  store.subscribe(() => snapshots.push(store.getSnapshot()));
  return snapshots;
}

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open: () => open() };
}

const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function newKey() {
  const homeAccountId = crypto.randomUUID();
  return `${emulator.tenants.fabrikam}|${homeAccountId}.${emulator.tenants.fabrikam}`;
}
const idsOf = (rows: readonly CustomerRow[] = []) => rows.map((row) => row.id);
const listOf = (rows: CustomerRows) => [...rowsOf(rows)];
const sorted = (ids: readonly string[]) => [...ids].sort();

function savedRow(id: string): CustomerRow {
  return {
    id,
    companyName: `Saved ${id}`,
    domain: `${id}.onmicrosoft.com`,
    relationship: 'reseller',
    tags: [],
  };
}

describe('crawling the whole list', () => {
  it('loads every customer once, counting as far as Partner Center’s total', async () => {
    const expected = await listing();
    expect(expected.totalCount).toBeGreaterThan(2 * PAGE_SIZE);
    const { client, sent } = createClient();
    const store = customerListStoreFor(client, newKey());
    const states: CrawlState[] = [];
    store.subscribe(() => states.push(store.getSnapshot().state));

    store.start();
    store.start();
    const finished = await done(store);

    expect(finished.error).toBe(undefined);
    expect(finished.total).toBe(expected.totalCount);
    expect(finished.loaded).toBe(expected.totalCount);
    expect(listOf(finished.rows)).toHaveLength(expected.totalCount);
    expect(sorted(idsOf(listOf(finished.rows)))).toEqual(sorted(expected.ids));
    expect(finished.cachedAt).toBe(undefined);
    expect(states).not.toContain('failed');
    // One request per page: a second start() did not start a second crawl.
    expect(sent).toHaveLength(Math.ceil(expected.totalCount / PAGE_SIZE));
    expect(sent.filter((request) => request.continuationToken === null)).toHaveLength(1);
  });

  it('shows the first page as soon as it arrives, with the total it gives', async () => {
    const expected = await listing();
    const { client } = createClient();
    const store = new CustomerListStore(client, newKey());
    store.start();
    const first = await until(store, (snapshot) => snapshot.rows.length > 0);
    expect(idsOf(listOf(first.rows))).toEqual(expected.ids.slice(0, PAGE_SIZE));
    expect(first.total).toBe(expected.totalCount);
    await done(store);
  });

  it('asks for the first page ahead of other work only when there is nothing to show', async () => {
    const withNothing = createClient();
    const withSaved = createClient();
    const key = newKey();
    await writeCachedCustomerList(key, { rows: [savedRow('s1')], totalCount: 1, savedAt: 1 });
    const priorities = [withNothing, withSaved].map(({ queue }) => {
      const schedule = vi.spyOn(queue, 'schedule');
      return () => schedule.mock.calls.map(([, options]) => options.priority);
    });
    const stores = [
      new CustomerListStore(withNothing.client, newKey()),
      new CustomerListStore(withSaved.client, key),
    ];
    for (const store of stores) store.start();
    await Promise.all(stores.map(done));

    const [nothing, saved] = priorities.map((of) => of());
    expect(nothing?.[0]).toBe('interactive');
    expect(nothing?.slice(1).every((priority) => priority === 'background')).toBe(true);
    expect(nothing?.length).toBeGreaterThan(1);
    expect(saved?.length).toBe(nothing?.length);
    expect(saved?.every((priority) => priority === 'background')).toBe(true);
  });

  it('asks for the next page before the caller has taken in the one before', async () => {
    const { client, sent } = createClient();
    const pages = crawlCustomers(client);
    const first = await pages.next();
    expect(first.done).toBe(false);
    // Without asking for the second page: its request is already on its way, with the token.
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]?.continuationToken).toBeTruthy();
    const second = await pages.next();
    const idsOfPage = (result: IteratorResult<CrawledPage>) =>
      result.done ? [] : result.value.page.items.map((item) => item.id);
    expect(idsOfPage(second)).not.toEqual(idsOfPage(first));
    expect(idsOfPage(second)).toHaveLength(PAGE_SIZE);
    await pages.return(undefined);
  });

  it('shares one store per client and account', () => {
    const { client } = createClient();
    const { client: otherClient } = createClient();
    const key = newKey();
    const store = customerListStoreFor(client, key);
    expect(customerListStoreFor(client, key)).toBe(store);
    expect(customerListStoreFor(client, newKey())).not.toBe(store);
    expect(customerListStoreFor(client, undefined)).not.toBe(store);
    expect(customerListStoreFor(client, undefined)).toBe(customerListStoreFor(client, undefined));
    expect(customerListStoreFor(otherClient, key)).not.toBe(store);
  });
});

/**
 * Holds IndexedDB's customer-lists store in a read-write transaction until released, as a slow
 * disk (or a database still being made) would: every read of the saved copy waits behind it.
 */
async function holdSavedLists(): Promise<() => Promise<void>> {
  await writeCachedCustomerList(newKey(), { rows: [], totalCount: 0, savedAt: 0 });
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('partner-customers-portal');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  let holding = true;
  const transaction = db.transaction('customer-lists', 'readwrite');
  const lists = transaction.objectStore('customer-lists');
  // A transaction lives while it has requests: one more each time the last one answers.
  const keepAlive = () => {
    if (holding) lists.get('held').onsuccess = keepAlive;
  };
  keepAlive();
  const finished = new Promise<void>((resolve) => (transaction.oncomplete = () => resolve()));
  return async () => {
    holding = false;
    await finished;
    db.close();
  };
}

describe('starting ahead of the page (a sign-in)', () => {
  // A browser's localStorage, empty: nothing saved here yet.
  beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  const newAccount = () => {
    const tenantId = emulator.tenants.fabrikam;
    return { tenantId, homeAccountId: `${crypto.randomUUID()}.${tenantId}` };
  };

  it('where nothing is saved here, asks for the first page and settles once its rows are in', async () => {
    const account = newAccount();
    const { client } = createClient();
    await startCustomerListAhead(client, account, 60_000);
    const store = customerListStoreFor(client, customerListCacheKey(account));
    expect(store.getSnapshot().rows.length).toBe(PAGE_SIZE);
    await done(store);
  });

  it('where a list is saved here, starts nothing: the page shows the saved copy first', async () => {
    const account = newAccount();
    const key = customerListCacheKey(account);
    await writeCachedCustomerList(key, { rows: [savedRow('s1')], totalCount: 1, savedAt: 1 });
    const { client, sent } = createClient();
    await startCustomerListAhead(client, account, 60_000);
    expect(customerListStoreFor(client, key).getSnapshot().state).toBe('starting');
    expect(sent).toHaveLength(0);
  });

  it('settles after its longest wait when Partner Center does not answer', async () => {
    const account = newAccount();
    const { client, sent } = createClient(() => new Promise<Response>(() => {}));
    await startCustomerListAhead(client, account, 20);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const store = customerListStoreFor(client, customerListCacheKey(account));
    expect(store.getSnapshot()).toMatchObject({ state: 'loading', loaded: 0 });
    store.pause();
  });

  it('settles at once when the first page is refused', async () => {
    const account = newAccount();
    const { client } = createClient(() =>
      Promise.resolve(Response.json({ code: 403, description: 'No.' }, { status: 403 })),
    );
    await startCustomerListAhead(client, account, 60_000);
    const store = customerListStoreFor(client, customerListCacheKey(account));
    expect(store.getSnapshot().state).toBe('failed');
  });
});

describe('the saved copy', () => {
  it('is not waited for where nothing is saved here: the first page is asked for at once', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const release = await holdSavedLists();
    try {
      const expected = await listing();
      const { client } = createClient();
      const store = new CustomerListStore(client, newKey());
      store.start();
      const first = await until(store, (snapshot) => snapshot.rows.length > 0);
      expect(idsOf(listOf(first.rows))).toEqual(expected.ids.slice(0, PAGE_SIZE));
      expect(first.cachedAt).toBe(undefined);
      await release();
      await done(store);
    } finally {
      await release();
      vi.unstubAllGlobals();
    }
  });

  it('saves the complete list, which a new session shows before its first page arrives', async () => {
    const expected = await listing();
    const key = newKey();
    const before = Date.now();
    const { client } = createClient();
    const first = customerListStoreFor(client, key);
    first.start();
    const finished = await done(first);
    const saved = await untilSaved(key, (entry) => entry.rows.length === finished.rows.length);
    expect(listOf(saved.rows)).toEqual(listOf(finished.rows));
    expect(saved.totalCount).toBe(expected.totalCount);
    expect(saved.savedAt).toBeGreaterThanOrEqual(before);
    expect(saved.savedAt).toBeLessThanOrEqual(Date.now());

    // A reload: a new client, so a new store, whose requests are held until the saved rows show.
    const held = gate();
    const reload = createClient(async (_request, send) => {
      await held.opened;
      return send();
    });
    const second = customerListStoreFor(reload.client, key);
    expect(second).not.toBe(first);
    second.start();
    const shown = await until(second, (snapshot) => snapshot.rows.length > 0);
    expect(listOf(shown.rows)).toEqual(listOf(finished.rows));
    expect(shown.cachedAt).toBe(saved.savedAt);
    expect(shown.total).toBe(expected.totalCount);
    expect(reload.sent.every((request) => request.status === 'unanswered')).toBe(true);

    held.open();
    const refreshed = await done(second);
    expect(refreshed.cachedAt).toBe(undefined);
    expect(sorted(idsOf(listOf(refreshed.rows)))).toEqual(sorted(expected.ids));
  });

  it('starts with the first screen read ahead, so the page’s first render shows its rows', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    try {
      const key = newKey();
      const screen = { view: 'v', rows: [savedRow('a')], matching: 1, total: 1 };
      await writeFirstScreen(key, screen);
      await prefetchFirstScreen(key);
      const { client } = createClient(() => new Promise<Response>(() => {}));
      const store = customerListStoreFor(client, key);
      expect(store.getSnapshot().firstScreen).toEqual(screen);
      expect(store.getSnapshot().rows.length).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps the saved rows on screen while the crawl runs, then shows and saves the new list', async () => {
    const expected = await listing();
    const key = newKey();
    const savedRows = ['s1', 's2', 's3'].map(savedRow);
    await writeCachedCustomerList(key, { rows: savedRows, totalCount: 3, savedAt: 1_000 });
    const { client } = createClient(async (request, send) => {
      // What the table had while this page was on its way.
      if (request.index > 0) during.push(store.getSnapshot());
      return send();
    });
    const during: CustomerListSnapshot[] = [];
    const store = new CustomerListStore(client, key, () => 2_000);
    const published = record(store);

    store.start();
    const finished = await done(store);

    expect(during.length).toBeGreaterThan(1);
    for (const [page, snapshot] of during.entries()) {
      expect(snapshot.state).toBe('loading');
      expect(listOf(snapshot.rows)).toEqual(savedRows);
      expect(snapshot.cachedAt).toBe(1_000);
      // The next page is asked for before the page before it is taken in (crawlCustomers).
      expect(snapshot.loaded).toBe(page * PAGE_SIZE);
    }
    // Before the crawl completed, nothing but the saved rows (or, before they were read, none).
    for (const snapshot of published.filter((each) => each.state !== 'done')) {
      expect([[], savedRows]).toContainEqual(listOf(snapshot.rows));
    }
    expect(finished.cachedAt).toBe(undefined);
    expect(finished.loaded).toBe(expected.totalCount);
    expect(sorted(idsOf(listOf(finished.rows)))).toEqual(sorted(expected.ids));
    const saved = await untilSaved(key, (entry) => entry.savedAt === 2_000);
    expect(sorted(idsOf(listOf(saved.rows)))).toEqual(sorted(expected.ids));
    expect(saved.totalCount).toBe(expected.totalCount);
  });
});

describe('the saved sort orders', () => {
  const byDomain = {
    search: '',
    relationships: [],
    reseller: 'any',
    sort: { column: 'domain', desc: false },
  } as const;

  it('are saved beside the list when computed later, for a reload to sort by', async () => {
    const key = newKey();
    const { client } = createClient();
    const first = customerListStoreFor(client, key);
    first.start();
    const finished = await done(first);
    const saved = await untilSaved(key, (entry) => entry.rows.length === finished.rows.length);
    expect(saved.parts?.orders.has('domain')).toBe(false);

    // A sort computed after completion (as the sort worker's are), then saved: only the orders
    // are written, for the rows already saved.
    finished.index.query(byDomain);
    first.saveIndex();
    const withOrder = await untilSaved(key, (entry) => entry.parts?.orders.has('domain') === true);
    expect(withOrder.rowsId).toBe(saved.rowsId);
    expect(withOrder.savedAt).toBe(saved.savedAt);

    const held = gate();
    const reload = createClient(async (_request, send) => {
      await held.opened;
      return send();
    });
    const second = customerListStoreFor(reload.client, key);
    second.start();
    const shown = await until(second, (snapshot) => snapshot.rows.length > 0);
    expect(shown.index.hasOrder('domain')).toBe(true);
    held.open();
    await done(second);
  });

  it('are not saved for rows changed since the list was saved', async () => {
    const key = newKey();
    const { client } = createClient();
    const store = customerListStoreFor(client, key);
    store.start();
    const finished = await done(store);
    const saved = await untilSaved(key, (entry) => entry.rows.length === finished.rows.length);
    const renamed = finished.rows.at(0)!;
    store.updateRow(renamed.id, { companyName: 'Renamed in the portal' });
    const changed = await untilSaved(key, (entry) => entry.rowsId !== saved.rowsId);
    store.getSnapshot().index.query(byDomain);
    store.saveIndex();
    // Read after the save's write: IndexedDB runs transactions on one store in the order asked.
    const read = await readCachedCustomerList(key);
    expect(read?.rowsId).toBe(changed.rowsId);
    expect(read?.rows.at(0)?.companyName).toBe('Renamed in the portal');
    expect(read?.parts?.orders.has('domain') ?? false).toBe(false);
  });
});

async function untilSaved(
  key: string,
  predicate: (entry: NonNullable<Awaited<ReturnType<typeof readCachedCustomerList>>>) => boolean,
) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const entry = await readCachedCustomerList(key);
    if (entry && predicate(entry)) return entry;
    if (Date.now() > deadline) throw new Error(`no list was saved under ${key}`);
    await quiet(10);
  }
}

describe('pausing', () => {
  it('stops asking, keeps what loaded, and resumes from the page it stopped at', async () => {
    const expected = await listing();
    const pauseAt = 2;
    const { client, sent } = createClient(async (request, send) => {
      const response = await send();
      // The answer to this request arrives just after the user pressed pause: it is dropped.
      if (request.index === pauseAt) store.pause();
      return response;
    });
    const store = new CustomerListStore(client, newKey());
    store.start();

    // The page that answered before the pause is taken in even if the pause came first.
    const paused = await until(
      store,
      (snapshot) => snapshot.state === 'paused' && snapshot.loaded === pauseAt * PAGE_SIZE,
    );
    expect(idsOf(listOf(paused.rows))).toEqual(expected.ids.slice(0, pauseAt * PAGE_SIZE));
    await quiet(200);
    expect(sent).toHaveLength(pauseAt + 1);
    expect(store.getSnapshot().state).toBe('paused');

    store.resume();
    const finished = await done(store);
    const afterResume = sent.slice(pauseAt + 1);
    // The page whose answer was dropped is asked for again, and nothing before it.
    expect(afterResume[0]?.continuationToken).toBe(sent[pauseAt]?.continuationToken);
    expect(afterResume.every((request) => request.continuationToken !== null)).toBe(true);
    const tokens = afterResume.map((request) => request.continuationToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(afterResume).toHaveLength(Math.ceil(expected.totalCount / PAGE_SIZE) - pauseAt);
    expect(finished.loaded).toBe(expected.totalCount);
    expect(listOf(finished.rows)).toHaveLength(expected.totalCount);
    expect(sorted(idsOf(listOf(finished.rows)))).toEqual(sorted(expected.ids));
  });

  it('paused before the first page, asks for nothing until resumed', async () => {
    const expected = await listing();
    const { client, sent } = createClient();
    const store = new CustomerListStore(client, newKey());
    store.start();
    store.pause();
    expect(store.getSnapshot().state).toBe('paused');
    await quiet(200);
    expect(sent).toHaveLength(0);
    expect(store.getSnapshot().state).toBe('paused');

    store.resume();
    const finished = await done(store);
    expect(finished.loaded).toBe(expected.totalCount);
    expect(sent.filter((request) => request.continuationToken === null)).toHaveLength(1);
  });

  it('ignores resume while loading and pause once done', async () => {
    const { client, sent } = createClient();
    const store = new CustomerListStore(client, newKey());
    store.start();
    await until(store, (snapshot) => snapshot.state === 'loading');
    store.resume();
    const finished = await done(store);
    store.pause();
    expect(store.getSnapshot()).toBe(finished);
    expect(sent.filter((request) => request.continuationToken === null)).toHaveLength(1);
  });
});

describe('failures', () => {
  it('fails with the error once the queue’s retries are spent, and a retry continues', async () => {
    const expected = await listing();
    const failFrom = 2;
    let failuresLeft = MAX_ATTEMPTS;
    const { client, sent } = createClient((request, send) => {
      if (request.index >= failFrom && failuresLeft > 0) {
        failuresLeft -= 1;
        return Promise.reject(new TypeError('fetch failed'));
      }
      return send();
    });
    const store = new CustomerListStore(client, newKey());
    store.start();

    const failed = await until(store, (snapshot) => snapshot.state === 'failed');
    expect(failed.error).toBeInstanceOf(ApiError);
    expect(failed.error).toMatchObject({ kind: 'network' });
    expect(failed.loaded).toBe(failFrom * PAGE_SIZE);
    expect(idsOf(listOf(failed.rows))).toEqual(expected.ids.slice(0, failFrom * PAGE_SIZE));
    // Every try was the same page, the same operation.
    const tries = sent.slice(failFrom);
    expect(tries).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(tries.map((request) => request.continuationToken)).size).toBe(1);
    expect(new Set(tries.map((request) => request.requestId)).size).toBe(1);
    await quiet(200);
    expect(sent).toHaveLength(failFrom + MAX_ATTEMPTS);

    store.resume();
    expect(store.getSnapshot()).toMatchObject({ state: 'loading', error: undefined });
    const finished = await done(store);
    const afterRetry = sent.slice(failFrom + MAX_ATTEMPTS);
    expect(afterRetry[0]?.continuationToken).toBe(tries[0]?.continuationToken);
    expect(afterRetry.every((request) => request.continuationToken !== null)).toBe(true);
    expect(finished.error).toBe(undefined);
    expect(finished.loaded).toBe(expected.totalCount);
    expect(sorted(idsOf(listOf(finished.rows)))).toEqual(sorted(expected.ids));
  });

  it('never shows a failure the queue retried away', async () => {
    const expected = await listing();
    let failuresLeft = MAX_ATTEMPTS - 1;
    const { client, sent } = createClient((request, send) => {
      if (request.index >= 1 && failuresLeft > 0) {
        failuresLeft -= 1;
        return Promise.resolve(new Response('{"description":"busy"}', { status: 503 }));
      }
      return send();
    });
    const store = new CustomerListStore(client, newKey());
    const states: CrawlState[] = [];
    store.subscribe(() => states.push(store.getSnapshot().state));
    store.start();

    const finished = await done(store);
    expect(sent.filter((request) => request.status === 503)).toHaveLength(MAX_ATTEMPTS - 1);
    expect(states).not.toContain('failed');
    expect(finished.loaded).toBe(expected.totalCount);
  });

  it('fails on a refused first page with nothing to show, and a retry starts over', async () => {
    const expected = await listing();
    let refuse = true;
    const { client, sent } = createClient((_request, send) =>
      refuse ? Promise.resolve(new Response('{}', { status: 500 })) : send(),
    );
    const store = new CustomerListStore(client, newKey());
    store.start();
    const failed = await until(store, (snapshot) => snapshot.state === 'failed');
    expect(failed.error).toMatchObject({ kind: 'server', status: 500 });
    expect(listOf(failed.rows)).toEqual([]);
    expect(sent).toHaveLength(MAX_ATTEMPTS);

    refuse = false;
    store.resume();
    const finished = await done(store);
    expect(sent[MAX_ATTEMPTS]?.continuationToken).toBe(null);
    expect(finished.loaded).toBe(expected.totalCount);
  });
});

describe('refreshing', () => {
  // refresh() empties the crawl's rows; the published snapshot must keep the completed ones.
  it('keeps the completed list on screen until the new list is complete', async () => {
    const expected = await listing();
    const { client, sent } = createClient();
    let clock = 5_000;
    const store = new CustomerListStore(client, newKey(), () => clock);
    store.start();
    const first = await done(store);
    const requestsBefore = sent.length;
    const published = record(store);

    clock = 9_000;
    store.refresh();
    // "Showing the list saved …" tells when the rows kept on screen were complete.
    expect(store.getSnapshot()).toMatchObject({ state: 'loading', loaded: 0, cachedAt: 5_000 });
    const second = await done(store);

    expect(sent.length - requestsBefore).toBe(Math.ceil(expected.totalCount / PAGE_SIZE));
    expect(published.length).toBeGreaterThan(1);
    // Every snapshot up to the completing one, including refresh()'s own.
    for (const snapshot of published.slice(0, -1)) {
      expect(snapshot.rows.length, 'rows on screen during the refresh').toBe(first.rows.length);
      expect(listOf(snapshot.rows)).toEqual(listOf(first.rows));
    }
    expect(published.at(-1)).toBe(second);
    expect(second.loaded).toBe(expected.totalCount);
    expect(second.cachedAt).toBe(undefined);
    expect(sorted(idsOf(listOf(second.rows)))).toEqual(sorted(expected.ids));
  });

  it('from a paused crawl behind the saved copy, keeps that copy until the new list is complete', async () => {
    const expected = await listing();
    const key = newKey();
    const savedRows = ['s1', 's2'].map(savedRow);
    await writeCachedCustomerList(key, { rows: savedRows, totalCount: 2, savedAt: 1_000 });
    const pauseAt = 2;
    const { client, sent } = createClient(async (request, send) => {
      const response = await send();
      if (request.index === pauseAt) store.pause();
      return response;
    });
    const store = new CustomerListStore(client, key);
    store.start();
    const paused = await until(store, (snapshot) => snapshot.state === 'paused');
    expect(listOf(paused.rows)).toEqual(savedRows);
    const published = record(store);

    store.refresh();
    expect(store.getSnapshot()).toMatchObject({ state: 'loading', loaded: 0, cachedAt: 1_000 });
    const finished = await done(store);

    // The whole list again, from its first page.
    expect(sent[pauseAt + 1]?.continuationToken).toBe(null);
    for (const snapshot of published.filter((each) => each.state !== 'done')) {
      expect(listOf(snapshot.rows)).toEqual(savedRows);
    }
    expect(finished.cachedAt).toBe(undefined);
    expect(finished.loaded).toBe(expected.totalCount);
    expect(sorted(idsOf(listOf(finished.rows)))).toEqual(sorted(expected.ids));
  });

  it('does nothing while a crawl is loading', async () => {
    const expected = await listing();
    const { client, sent } = createClient((request, send) => {
      if (request.index === 1) store.refresh();
      return send();
    });
    const store = new CustomerListStore(client, newKey());
    store.start();
    const finished = await done(store);
    expect(sent).toHaveLength(Math.ceil(expected.totalCount / PAGE_SIZE));
    expect(sent.filter((request) => request.continuationToken === null)).toHaveLength(1);
    expect(finished.loaded).toBe(expected.totalCount);
  });
});
