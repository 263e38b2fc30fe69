import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearCachedCustomerLists,
  customerListCacheKey,
  readCachedCustomerList,
  updateCachedCustomerRow,
  writeCachedCustomerList,
} from './customer-list-cache';
import type { CustomerRow } from './customer-row';

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

/** `rows` as the module stores them, written out by hand. */
const stored = {
  version: 2,
  savedAt: 1,
  totalCount: 3,
  ids: ['c1', 'c2', 'c3'],
  companyNames: ['Company c1', 'Company c2', '🚀 Rocket Labs 🌟 Café ☕'],
  domains: ['c1.onmicrosoft.com', 'c2.onmicrosoft.com', 'c3.onmicrosoft.com'],
  relationships: ['reseller', 'reseller', 'none'],
  associatedPartnerIds: ['', 'c7d4a1e8-2b5f-4e9c-8a3d-6f1b0e2c4d97', ''],
  commerceIds: ['', 'x-2', ''],
  tags: [[0, ['Key account', 'EMEA']]],
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the cached customer list', () => {
  it('reads back what was written, with its time and count', async () => {
    const key = customerListCacheKey(uniqueAccount());
    await writeCachedCustomerList(key, { rows, totalCount: 1_234, savedAt: 1_700_000_000_000 });
    await expect(readCachedCustomerList(key)).resolves.toStrictEqual({
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
    expect(cached).toStrictEqual({ savedAt: 2, rows: rows.slice(0, 1) });
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
    expect((await readCachedCustomerList(customerListCacheKey(account)))?.rows).toEqual(rows);
  });

  it('stores the rows by column, with tags only where there are some', async () => {
    const key = customerListCacheKey(uniqueAccount());
    await writeCachedCustomerList(key, { rows, totalCount: 3, savedAt: 1 });
    await expect(get(key, rawStore)).resolves.toStrictEqual(stored);
  });

  it.each([
    ['not an object', 'rows of 2019'],
    ['the row-by-row shape of version 1', { version: 1, savedAt: 1, rows }],
    ['no version', { ...stored, version: undefined }],
    ['a newer version', { ...stored, version: 3 }],
    ['no ids', { ...stored, ids: undefined }],
    ['a time that is not a number', { ...stored, savedAt: '2024-01-01' }],
    ['an id that is not a string', { ...stored, ids: ['c1', 42, 'c3'] }],
    ['a company name missing', { ...stored, companyNames: stored.companyNames.slice(1) }],
    ['tags that are not a list', { ...stored, tags: [[0, 'EMEA']] }],
    ['tags for a row that does not exist', { ...stored, tags: [[3, ['EMEA']]] }],
  ])('reads an entry with %s as nothing, and forgets it', async (_case, entry) => {
    const key = customerListCacheKey(uniqueAccount());
    const neighbour = customerListCacheKey(uniqueAccount());
    await set(key, entry, rawStore);
    await writeCachedCustomerList(neighbour, { rows, totalCount: 3, savedAt: 1 });

    await expect(readCachedCustomerList(key)).resolves.toBe(undefined);
    await expect(get(key, rawStore)).resolves.toBe(undefined);
    // Only the damaged entry goes.
    expect((await readCachedCustomerList(neighbour))?.rows).toEqual(rows);
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
    expect((await readCachedCustomerList(customerListCacheKey(colleague)))?.rows).toEqual(rows);
    expect((await readCachedCustomerList(customerListCacheKey(lookalike)))?.rows).toEqual(rows);
    await expect(get(foreignKey, rawStore)).resolves.toBe('kept');
  });

  it('clearing an account with nothing cached changes nothing', async () => {
    const account = uniqueAccount();
    await writeCachedCustomerList(customerListCacheKey(account), {
      rows,
      totalCount: 3,
      savedAt: 1,
    });
    await clearCachedCustomerLists(crypto.randomUUID());
    expect((await readCachedCustomerList(customerListCacheKey(account)))?.rows).toEqual(rows);
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
    expect(after?.rows).toEqual([
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
