import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearCachedCustomerLists,
  customerListCacheKey,
  peekFirstScreen,
  prefetchFirstScreen,
  readCachedCustomerList,
  readFirstScreen,
  savedHere,
  updateCachedCustomerRow,
  writeCachedCustomerList,
  writeCachedSortOrders,
  writeFirstScreen,
} from './customer-list-cache';
import { CustomerIndex } from './customer-index';
import { memoryStorage } from './memory-storage';
import type { CustomerRow } from './customer-row';
import { CustomerTable, rowsOf, type CustomerRows } from './customer-table';

/**
 * The module against a real (in-memory) IndexedDB. One database serves the whole file, as one
 * browser profile would, so every test works under its own tenant and account ids.
 */

// The module's own database and object store, opened a second time as another tab would, to
// plant entries it would never write itself and to see what it left behind.
const rawStore = createStore('partner-customers-portal', 'customer-lists');

function uniqueAccount(tenantId = crypto.randomUUID()) {
  return { tenantId, homeAccountId: `${crypto.randomUUID()}.${tenantId}` };
}

function row(id: string, extra: Partial<CustomerRow> = {}): CustomerRow {
  return {
    id,
    companyName: `Company ${id}`,
    domain: `${id}.onmicrosoft.com`,
    relationship: 'reseller',
    tags: [],
    ...extra,
  };
}

const rows: CustomerRow[] = [
  row('c1', { tags: ['Key account', 'EMEA'] }),
  row('c2', { associatedPartnerId: 'c7d4a1e8-2b5f-4e9c-8a3d-6f1b0e2c4d97', commerceId: 'x-2' }),
  row('c3', { companyName: '🚀 Rocket Labs 🌟 Café ☕', relationship: 'none' }),
];

/**
 * A column as the module stores it: the values end to end as UTF-8, and where each one ends
 * (in the string's code units).
 */
const column = (...values: string[]) => {
  let end = 0;
  return {
    text: new TextEncoder().encode(values.join('')),
    ends: Uint32Array.from(values, (value) => (end += value.length)),
  };
};

/** `rows` as the module stores them, written out by hand. */
const stored = {
  version: 7,
  rowsId: 'rows-1',
  savedAt: 1,
  totalCount: 3,
  columns: {
    count: 3,
    ids: column('c1', 'c2', 'c3'),
    companyNames: column('Company c1', 'Company c2', '🚀 Rocket Labs 🌟 Café ☕'),
    domains: column('c1.onmicrosoft.com', 'c2.onmicrosoft.com', 'c3.onmicrosoft.com'),
    commerceIds: column('', 'x-2', ''),
    relationships: { values: ['reseller', 'none'], codes: Uint32Array.of(0, 0, 1) },
    associatedPartnerIds: {
      values: ['', 'c7d4a1e8-2b5f-4e9c-8a3d-6f1b0e2c4d97'],
      codes: Uint32Array.of(0, 1, 0),
    },
    tags: {
      positions: Uint32Array.of(0),
      firsts: Uint32Array.of(0, 2),
      tags: column('Key account', 'EMEA'),
    },
  },
};
/** Tags as stored, with the given parts replaced. */
const withTags = (tags: Record<string, unknown>) =>
  withColumns({ tags: { ...stored.columns.tags, ...tags } });
const withColumns = (columns: Record<string, unknown>) => ({
  ...stored,
  columns: { ...stored.columns, ...columns },
});

const listOf = (rows: CustomerRows | undefined) => (rows ? [...rowsOf(rows)] : undefined);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the cached customer list', () => {
  it('reads back what was written, with its time and count', async () => {
    const key = customerListCacheKey(uniqueAccount());
    await writeCachedCustomerList(key, { rows, totalCount: 1_234, savedAt: 1_700_000_000_000 });
    const read = await readCachedCustomerList(key);
    expect({ ...read, rows: listOf(read?.rows) }).toStrictEqual({
      rowsId: expect.any(String),
      savedAt: 1_700_000_000_000,
      totalCount: 1_234,
      rows,
    });
  });

  it('stores no count when none was known, and a second write replaces the first', async () => {
    const key = customerListCacheKey(uniqueAccount());
    await writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 1 });
    await writeCachedCustomerList(key, {
      rows: rows.slice(0, 1),
      totalCount: undefined,
      savedAt: 2,
    });
    const cached = await readCachedCustomerList(key);
    expect({ ...cached, rows: listOf(cached?.rows) }).toStrictEqual({
      rowsId: expect.any(String),
      savedAt: 2,
      rows: rows.slice(0, 1),
    });
    expect(cached).not.toHaveProperty('totalCount');
  });

  it('keys entries by partner tenant and account: no other pair reads them', async () => {
    const account = uniqueAccount();
    await writeCachedCustomerList(customerListCacheKey(account), {
      rows,
      totalCount: 3,
      savedAt: 1,
    });
    const otherTenant = { ...account, tenantId: crypto.randomUUID() };
    const otherAccount = { ...account, homeAccountId: crypto.randomUUID() };
    expect(customerListCacheKey(otherTenant)).not.toBe(customerListCacheKey(account));
    expect(customerListCacheKey(otherAccount)).not.toBe(customerListCacheKey(account));
    await expect(readCachedCustomerList(customerListCacheKey(otherTenant))).resolves.toBe(
      undefined,
    );
    await expect(readCachedCustomerList(customerListCacheKey(otherAccount))).resolves.toBe(
      undefined,
    );
    // Reading the neighbours left the entry itself alone.
    expect(listOf((await readCachedCustomerList(customerListCacheKey(account)))?.rows)).toEqual(
      rows,
    );
  });

  it('keeps texts UTF-8 cannot carry, and a leading byte order mark, exactly', async () => {
    const key = customerListCacheKey(uniqueAccount());
    const odd = [
      row('c1', { companyName: '\uFEFFBOM Industries', tags: ['\uFEFF'] }),
      row('c2', { companyName: 'Half a pair \uD83D' }),
    ];
    await writeCachedCustomerList(key, { rows: odd, totalCount: 2, savedAt: 1 });
    expect(listOf((await readCachedCustomerList(key))?.rows)).toStrictEqual(odd);
    const raw = (await get(key, rawStore)) as typeof stored;
    // The lone surrogate's column stays a string; the others are bytes.
    expect(typeof raw.columns.companyNames.text).toBe('string');
    expect(raw.columns.ids.text).toBeInstanceOf(Uint8Array);
  });

  it('stores the rows by column, with tags only where there are some', async () => {
    const key = customerListCacheKey(uniqueAccount());
    await writeCachedCustomerList(key, { rows, rowsId: 'rows-1', totalCount: 3, savedAt: 1 });
    await expect(get(key, rawStore)).resolves.toStrictEqual(stored);
  });

  it.each([
    ['not an object', 'rows of 2019'],
    ['the row-by-row shape of version 1', { version: 1, savedAt: 1, rows }],
    ['the shape of version 2', { ...stored, version: 2, ids: ['c1', 'c2', 'c3'] }],
    ['the shape of version 3 (a search text of two-byte folds)', { ...stored, version: 3 }],
    ['no version', { ...stored, version: undefined }],
    ['the shape of version 4 (texts as strings)', { ...stored, version: 4 }],
    ['the shape of version 5 (orders inside)', { ...stored, version: 5, rowsId: undefined }],
    [
      'the shape of version 6 (search text inside)',
      { ...stored, version: 6, search: { text: '', starts: Uint32Array.of(0), letters: [] } },
    ],
    ['a newer version', { ...stored, version: 8 }],
    ['no rows id', { ...stored, rowsId: '' }],
    [
      'a column whose bytes are not UTF-8',
      withColumns({
        domains: { text: Uint8Array.of(0x63, 0xff, 0x31), ends: Uint32Array.of(1, 2, 3) },
      }),
    ],
    ['no ids', withColumns({ ids: undefined })],
    ['a time that is not a number', { ...stored, savedAt: '2024-01-01' }],
    ['ids as a list', withColumns({ ids: ['c1', 'c2', 'c3'] })],
    ['a company name missing', withColumns({ companyNames: column('Company c1', 'c2') })],
    ['ends past the text', withColumns({ domains: { text: 'c1', ends: Uint32Array.of(1, 2, 3) } })],
    ['ends going back', withColumns({ domains: { text: 'abc', ends: Uint32Array.of(2, 1, 3) } })],
    [
      'a code with no value',
      withColumns({ relationships: { values: ['reseller'], codes: Uint32Array.of(0, 0, 1) } }),
    ],
    ['tags in the old shape, a list per row', withColumns({ tags: [[0, ['EMEA']]] })],
    ['tags for a row that does not exist', withTags({ positions: Uint32Array.of(3) })],
    [
      'tagged rows out of order',
      withTags({ positions: Uint32Array.of(1, 0), firsts: Uint32Array.of(0, 1, 2) }),
    ],
    ['tags past the tag text', withTags({ firsts: Uint32Array.of(0, 3) })],
    ['a tag list not starting at the first tag', withTags({ firsts: Uint32Array.of(1, 2) })],
    [
      'tag ends past the tag text',
      withTags({ tags: { text: 'EMEA', ends: Uint32Array.of(2, 9) } }),
    ],
  ])('reads an entry with %s as nothing, and forgets it', async (_case, entry) => {
    const key = customerListCacheKey(uniqueAccount());
    const neighbour = customerListCacheKey(uniqueAccount());
    await set(key, entry, rawStore);
    await writeCachedCustomerList(neighbour, { rows, totalCount: 3, savedAt: 1 });

    await expect(readCachedCustomerList(key)).resolves.toBe(undefined);
    await expect(get(key, rawStore)).resolves.toBe(undefined);
    // Only the damaged entry goes.
    expect(listOf((await readCachedCustomerList(neighbour))?.rows)).toEqual(rows);
  });

  it.each([
    ['a damaged entry', { ...stored, version: 4 }],
    ['no entry', undefined],
  ])('forgets %s it read, but not a list saved meanwhile', async (_case, entry) => {
    const key = customerListCacheKey(uniqueAccount());
    if (entry) await set(key, entry, rawStore);
    // The read's transaction is asked first, the write's next, and the read's forgetting after
    // both: it must not take the list just saved with it.
    const reading = readCachedCustomerList(key);
    const writing = writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 2 });
    await expect(reading).resolves.toBe(undefined);
    await writing;
    expect(listOf((await readCachedCustomerList(key))?.rows)).toEqual(rows);
  });

  it('reads a list damaged in the writing (rows of the wrong shape) as nothing', async () => {
    const key = customerListCacheKey(uniqueAccount());
    const damaged = [row('c1'), { id: 42 }] as unknown as CustomerRow[];
    await writeCachedCustomerList(key, { rows: damaged, totalCount: 2, savedAt: 1 });
    await expect(readCachedCustomerList(key)).resolves.toBe(undefined);
    await expect(get(key, rawStore)).resolves.toBe(undefined);
  });

  it('clears the account’s lists in every partner tenant, and no one else’s', async () => {
    const signingOut = uniqueAccount();
    const sameAccountElsewhere = { ...signingOut, tenantId: crypto.randomUUID() };
    const colleague = uniqueAccount(signingOut.tenantId);
    // An account whose id merely ends like the one signing out.
    const lookalike = { ...colleague, homeAccountId: `x${signingOut.homeAccountId}` };
    // A key the module would never write: not a string.
    const foreignKey = 42;
    await set(foreignKey, 'kept', rawStore);
    for (const account of [signingOut, sameAccountElsewhere, colleague, lookalike]) {
      await writeCachedCustomerList(customerListCacheKey(account), {
        rows,
        totalCount: 3,
        savedAt: 1,
      });
    }

    await clearCachedCustomerLists(signingOut.homeAccountId);

    await expect(readCachedCustomerList(customerListCacheKey(signingOut))).resolves.toBe(undefined);
    await expect(readCachedCustomerList(customerListCacheKey(sameAccountElsewhere))).resolves.toBe(
      undefined,
    );
    expect(listOf((await readCachedCustomerList(customerListCacheKey(colleague)))?.rows)).toEqual(
      rows,
    );
    expect(listOf((await readCachedCustomerList(customerListCacheKey(lookalike)))?.rows)).toEqual(
      rows,
    );
    await expect(get(foreignKey, rawStore)).resolves.toBe('kept');
  });

  it('after clearing, writes still under way for that account leave nothing behind', async () => {
    const signingOut = uniqueAccount();
    const colleague = uniqueAccount(signingOut.tenantId);
    const key = customerListCacheKey(signingOut);
    await writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 1 });

    // The crawl completing, its sort orders and the first screen, all saved as sign-out runs.
    const cleared = clearCachedCustomerLists(signingOut.homeAccountId);
    const late = [
      writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 2 }),
      writeFirstScreen(key, { view: '[]', rows: [...rows], matching: 3, total: 3 }),
      updateCachedCustomerRow(key, 'a', { companyName: 'Renamed' }),
    ];
    await Promise.all([cleared, ...late]);
    await writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 3 });

    await expect(readCachedCustomerList(key)).resolves.toBe(undefined);
    await expect(readFirstScreen(key)).resolves.toBe(undefined);
    // Another account goes on saving as before.
    await writeCachedCustomerList(customerListCacheKey(colleague), {
      rows,
      totalCount: 3,
      savedAt: 1,
    });
    expect(listOf((await readCachedCustomerList(customerListCacheKey(colleague)))?.rows)).toEqual(
      rows,
    );
  });

  it('clearing an account with nothing cached changes nothing', async () => {
    const account = uniqueAccount();
    await writeCachedCustomerList(customerListCacheKey(account), {
      rows,
      totalCount: 3,
      savedAt: 1,
    });
    await clearCachedCustomerLists(crypto.randomUUID());
    expect(listOf((await readCachedCustomerList(customerListCacheKey(account)))?.rows)).toEqual(
      rows,
    );
  });

  it('where IndexedDB is refused, reads nothing and neither writes nor clears throw', async () => {
    // A private window: opening a database fails. A fresh copy of the module, since the one
    // imported above already holds an open connection.
    const open = vi.fn(() => {
      throw new DOMException('IndexedDB is not available here.', 'InvalidStateError');
    });
    vi.stubGlobal('indexedDB', { open });
    vi.resetModules();
    const cache = await import('./customer-list-cache');
    const key = customerListCacheKey(uniqueAccount());

    await expect(
      cache.writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 1 }),
    ).resolves.toBe(undefined);
    await expect(cache.readCachedCustomerList(key)).resolves.toBe(undefined);
    await expect(cache.clearCachedCustomerLists('anyone')).resolves.toBe(undefined);
    // The refusal was met, not side-stepped by a connection opened earlier.
    expect(open).toHaveBeenCalled();
  });
});

describe('updateCachedCustomerRow', () => {
  it('changes one customer of the saved list in place, and nothing else', async () => {
    const key = customerListCacheKey(uniqueAccount());
    await writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 1 });
    await updateCachedCustomerRow(key, 'c2', { companyName: 'Renamed GmbH', relationship: 'none' });
    const after = await readCachedCustomerList(key);
    expect(listOf(after?.rows)).toEqual([
      rows[0],
      { ...rows[1], companyName: 'Renamed GmbH', relationship: 'none' },
      rows[2],
    ]);
    expect(after?.savedAt).toBe(1);
  });

  it('writes nothing where no list is saved, or the customer is not in it', async () => {
    const key = customerListCacheKey(uniqueAccount());
    await updateCachedCustomerRow(key, 'c2', { companyName: 'Renamed GmbH' });
    expect(await get(key, rawStore)).toBeUndefined();
    await set(key, stored, rawStore);
    await updateCachedCustomerRow(key, 'nobody', { companyName: 'Renamed GmbH' });
    expect(await get(key, rawStore)).toEqual(stored);
  });
});

describe('the saved index', () => {
  it('reads back the search text and sort orders, and the index they make answers as a fresh one', async () => {
    const key = customerListCacheKey(uniqueAccount());
    const table = CustomerTable.of(rows);
    const index = new CustomerIndex(table);
    const query = {
      search: 'co',
      relationships: [],
      reseller: 'any',
      sort: { column: 'companyName', desc: true },
    } as const;
    index.query(query);
    await writeCachedCustomerList(key, {
      rows: table,
      totalCount: 3,
      savedAt: 1,
      parts: index.parts,
    });
    const read = await readCachedCustomerList(key);
    expect(read?.parts?.orders.has('companyName')).toBe(true);
    const reloaded = new CustomerIndex(read?.rows ?? CustomerTable.empty(), undefined, read?.parts);
    for (const search of ['', 'co', 'c', 'café', 'rocket 🌟', 'emea']) {
      expect(listOf(reloaded.query({ ...query, search }))).toEqual(
        listOf(index.query({ ...query, search })),
      );
    }
  });

  it.each([
    ['for fewer rows', { text: 'c1\n', starts: Uint32Array.of(0, 3), letters: new Uint32Array(2) }],
    ['of other rows', { rowsId: 'r0' }],
    ['that is not UTF-8', { text: Uint8Array.of(0xff) }],
    ['with too few letter masks', { letters: new Uint32Array(2) }],
  ])('reads the list without a saved search text %s', async (_case, change) => {
    const key = customerListCacheKey(uniqueAccount());
    const parts = new CustomerIndex(CustomerTable.of(rows)).parts;
    await writeCachedCustomerList(key, { rows, rowsId: 'r1', totalCount: 3, savedAt: 1, parts });
    const searchKey = `search-text|${key}`;
    const saved = (await get(searchKey, rawStore)) as Record<string, unknown>;
    expect(saved).toMatchObject({ version: 1, rowsId: 'r1' });
    expect((await readCachedCustomerList(key))?.parts?.search.starts).toHaveLength(4);

    await set(searchKey, { ...saved, ...change }, rawStore);
    const read = await readCachedCustomerList(key);
    expect(read?.parts).toBeUndefined();
    expect(listOf(read?.rows)).toEqual(rows);
  });

  it('reads back sort orders saved later for the same rows, and none saved for other rows', async () => {
    const key = customerListCacheKey(uniqueAccount());
    const table = CustomerTable.of(rows);
    const index = new CustomerIndex(table);
    await writeCachedCustomerList(key, {
      rows: table,
      rowsId: 'r1',
      totalCount: 3,
      savedAt: 1,
      parts: index.parts,
    });
    expect((await readCachedCustomerList(key))?.parts?.orders.size).toBe(0);

    index.query({
      search: '',
      relationships: [],
      reseller: 'any',
      sort: { column: 'domain', desc: false },
    });
    await writeCachedSortOrders(key, { rowsId: 'r1', count: 3, parts: index.parts });
    const read = await readCachedCustomerList(key);
    expect(read?.rowsId).toBe('r1');
    expect([...(read?.parts?.orders.keys() ?? [])]).toEqual(['domain']);

    // Orders of rows since replaced (a save that landed late) are not theirs.
    await writeCachedSortOrders(key, { rowsId: 'r0', count: 3, parts: index.parts });
    const replaced = await readCachedCustomerList(key);
    expect(replaced?.parts?.orders.size).toBe(0);
    expect(listOf(replaced?.rows)).toEqual(rows);
  });

  it.each([
    ['pointing past the rows', ['companyName', Uint32Array.of(0, 1, 7), 3]],
    ['for fewer rows', ['companyName', Uint32Array.of(0, 1), 2]],
    ['filled past the rows', ['companyName', Uint32Array.of(0, 1, 2), 4]],
    ['of an unknown column', ['name', Uint32Array.of(0, 1, 2), 3]],
  ])('reads the list without a saved sort order %s', async (_case, order) => {
    const key = customerListCacheKey(uniqueAccount());
    const parts = new CustomerIndex(CustomerTable.of(rows)).parts;
    await writeCachedCustomerList(key, { rows, rowsId: 'r1', totalCount: 3, savedAt: 1, parts });
    const fits = ['domain', Uint32Array.of(2, 1, 0), 3];
    await set(`sort-orders|${key}`, { version: 1, rowsId: 'r1', orders: [fits, order] }, rawStore);
    const read = await readCachedCustomerList(key);
    expect(listOf(read?.rows)).toEqual(rows);
    expect([...(read?.parts?.orders.keys() ?? [])]).toEqual(['domain']);
  });

  it('clears the saved sort orders with the account’s lists', async () => {
    const account = uniqueAccount();
    const key = customerListCacheKey(account);
    const parts = new CustomerIndex(CustomerTable.of(rows)).parts;
    await writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 1, parts });
    expect(await get(`sort-orders|${key}`, rawStore)).toBeDefined();
    await clearCachedCustomerLists(account.homeAccountId);
    expect(await get(`sort-orders|${key}`, rawStore)).toBeUndefined();
    await writeCachedSortOrders(key, { rowsId: 'r1', count: 3, parts });
    expect(await get(`sort-orders|${key}`, rawStore)).toBeUndefined();
  });

  it('drops the saved index when a row changes, so the next reload indexes afresh', async () => {
    const key = customerListCacheKey(uniqueAccount());
    const index = new CustomerIndex(CustomerTable.of(rows));
    await writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 1, parts: index.parts });
    await updateCachedCustomerRow(key, 'c2', { companyName: 'Renamed' });
    const read = await readCachedCustomerList(key);
    expect(read?.parts).toBe(undefined);
    expect(read?.rows.at(1)?.companyName).toBe('Renamed');
  });
});

describe('the first screen', () => {
  it('reads back the rows and the view they answer, once prefetched or read directly', async () => {
    const key = customerListCacheKey(uniqueAccount());
    const screen = { view: '["",[],"any","companyName"]', rows, matching: 3, total: 3 };
    await expect(readFirstScreen(key)).resolves.toBe(undefined);
    await writeFirstScreen(key, screen);
    await expect(readFirstScreen(key)).resolves.toEqual(screen);
    prefetchFirstScreen(key);
    await expect(readFirstScreen(key)).resolves.toEqual(screen);
  });

  it('brings the whole list with it when prefetched, and neither once the account signs out', async () => {
    const account = uniqueAccount();
    const key = customerListCacheKey(account);
    await writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 5 });
    prefetchFirstScreen(key, { withList: true });
    await expect(readFirstScreen(key)).resolves.toBe(undefined);
    expect(listOf((await readCachedCustomerList(key))?.rows)).toEqual(rows);
    // Taken once: a list saved since is what the next read brings.
    await writeCachedCustomerList(key, { rows: rows.slice(0, 1), totalCount: 1, savedAt: 6 });
    expect(listOf((await readCachedCustomerList(key))?.rows)).toEqual(rows.slice(0, 1));

    prefetchFirstScreen(key, { withList: true });
    // By now the list's read has been made too, before the sign-out deletes it.
    await readFirstScreen(key);
    await clearCachedCustomerLists(account.homeAccountId);
    await expect(readCachedCustomerList(key)).resolves.toBe(undefined);
  });

  it('is waited for only where one was saved, and is there for the first render once read', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    try {
      const account = uniqueAccount();
      const key = customerListCacheKey(account);
      // Nothing saved: nothing to wait for, and no read's result to start with.
      await expect(prefetchFirstScreen(key)).resolves.toBe(undefined);
      expect(peekFirstScreen(key)).toBe(undefined);
      await readFirstScreen(key);

      const screen = { view: 'v', rows, matching: 3, total: 3 };
      await writeFirstScreen(key, screen);
      const read = prefetchFirstScreen(key);
      expect(peekFirstScreen(key)).toBe(undefined);
      await expect(read).resolves.toEqual(screen);
      expect(peekFirstScreen(key)).toEqual(screen);
      // The page's own read takes it; a later visit reads afresh.
      await expect(readFirstScreen(key)).resolves.toEqual(screen);
      expect(peekFirstScreen(key)).toBe(undefined);

      await prefetchFirstScreen(key);
      await clearCachedCustomerLists(account.homeAccountId);
      expect(peekFirstScreen(key)).toBe(undefined);
      expect(localStorage.length).toBe(0);
      await expect(prefetchFirstScreen(key)).resolves.toBe(undefined);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is marked as saved here, as a saved list is, until sign-out; unknown without localStorage', async () => {
    const [one, other] = [uniqueAccount(), uniqueAccount()];
    const [first, second] = [customerListCacheKey(one), customerListCacheKey(other)];
    expect(savedHere(first)).toBe(undefined);
    vi.stubGlobal('localStorage', memoryStorage());
    try {
      expect(savedHere(first)).toBe(false);
      await writeFirstScreen(first, { view: 'v', rows, matching: 3, total: 3 });
      expect(savedHere(first)).toBe(true);
      await writeCachedCustomerList(second, { rows, totalCount: 3, savedAt: 1 });
      expect(savedHere(second)).toBe(true);
      expect(savedHere(customerListCacheKey(uniqueAccount(one.tenantId)))).toBe(false);
      // A mark of the earlier name (a first screen saved by an earlier version) counts, and goes
      // with the rest.
      const third = customerListCacheKey(other).replace(/^[^|]+/, crypto.randomUUID());
      const earlier = `partner-customers-portal.first-screen|${third}`;
      localStorage.setItem(earlier, '1');
      expect(savedHere(third)).toBe(true);
      await clearCachedCustomerLists(other.homeAccountId);
      expect([savedHere(first), savedHere(second)]).toEqual([true, false]);
      expect(localStorage.getItem(earlier)).toBe(null);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is cleared with the account’s lists', async () => {
    const account = uniqueAccount();
    const key = customerListCacheKey(account);
    await writeFirstScreen(key, { view: 'v', rows, matching: 3, total: 3 });
    await clearCachedCustomerLists(account.homeAccountId);
    await expect(readFirstScreen(key)).resolves.toBe(undefined);
  });
});
