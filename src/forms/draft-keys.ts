import { createStore, del, keys, type UseStore } from 'idb-keyval';

/**
 * Where drafts live and how they are keyed, without reading one: sign-out counts and deletes an
 * account's drafts from the shell, which should not carry the draft schema for that.
 */
export interface DraftKey {
  tenantId: string;
  homeAccountId: string;
  /** 'billing-contact', 'new-customer', … */
  form: string;
  /** The customer id, or another id the form chooses. */
  subject: string;
}

// A database of its own: idb-keyval adds a store only to a database it creates.
let store: UseStore | undefined;
export function draftDatabase(): UseStore {
  store ??= createStore('partner-customers-portal-drafts', 'drafts');
  return store;
}

/** Parts joined by a character none of them contains (ids, GUIDs and form names). */
export function draftKeyOf(key: DraftKey): string {
  return [key.tenantId, key.homeAccountId, key.form, key.subject].join('|');
}

function accountOf(storedKey: IDBValidKey): string | undefined {
  return typeof storedKey === 'string' ? storedKey.split('|')[1] : undefined;
}

/** The keys of every draft of this account, in any partner tenant and form. */
async function accountDraftKeys(homeAccountId: string): Promise<IDBValidKey[]> {
  try {
    const all = await keys(draftDatabase());
    return all.filter((key) => accountOf(key) === homeAccountId);
  } catch {
    return [];
  }
}

/** How many drafts sign-out would delete, so it can say so first. */
export async function countDrafts(homeAccountId: string): Promise<number> {
  return (await accountDraftKeys(homeAccountId)).length;
}

/** Deletes every draft of the account; called on sign-out. */
export async function deleteAccountDrafts(homeAccountId: string): Promise<void> {
  const owned = await accountDraftKeys(homeAccountId);
  try {
    await Promise.all(owned.map((key) => del(key, draftDatabase())));
  } catch {
    // Nothing was kept where IndexedDB is unavailable.
  }
}
