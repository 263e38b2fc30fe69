import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';

/**
 * Unsaved form input, kept in IndexedDB so that nothing typed is lost to a reload, a crash, a
 * closed tab or a sign-in round trip. A draft belongs to one partner tenant, one account, one
 * form and one subject (a customer, or a new customer's session), and holds the values the form
 * started from with their etag, so a stale draft can be merged three ways. Drafts hold personal
 * data: they never leave this browser and are deleted after a save, on Discard and on sign-out.
 */

export interface DraftKey {
  tenantId: string;
  homeAccountId: string;
  /** 'billing-contact', 'new-customer', … */
  form: string;
  /** The customer id, or another id the form chooses. */
  subject: string;
}

const VERSION = 1;

const flatValuesSchema = z.record(z.string(), z.string());

const storedDraftSchema = z.object({
  version: z.literal(VERSION),
  savedAt: z.number(),
  /** The form's values, flattened to field paths. */
  values: flatValuesSchema,
  /** What the form started from, flattened the same way; `undefined` for a new resource. */
  base: flatValuesSchema.optional(),
  baseEtag: z.string().optional(),
});
export type Draft = Omit<z.infer<typeof storedDraftSchema>, 'version'>;

// A database of its own: idb-keyval adds a store only to a database it creates.
let store: UseStore | undefined;
function draftStore(): UseStore {
  store ??= createStore('partner-customers-portal-drafts', 'drafts');
  return store;
}

/** Parts joined by a character none of them contains (ids, GUIDs and form names). */
function keyOf(key: DraftKey): string {
  return [key.tenantId, key.homeAccountId, key.form, key.subject].join('|');
}

function accountOf(storedKey: IDBValidKey): string | undefined {
  return typeof storedKey === 'string' ? storedKey.split('|')[1] : undefined;
}

export async function readDraft(key: DraftKey): Promise<Draft | undefined> {
  try {
    const stored: unknown = await get(keyOf(key), draftStore());
    if (stored === undefined) return undefined;
    const parsed = storedDraftSchema.safeParse(stored);
    if (parsed.success) {
      const { version: _version, ...draft } = parsed.data;
      return draft;
    }
    // Another version's shape or damage: it cannot be restored, so it must not linger either.
    await del(keyOf(key), draftStore());
    return undefined;
  } catch {
    // Without IndexedDB there are no drafts; the form itself still works.
    return undefined;
  }
}

export async function writeDraft(key: DraftKey, draft: Draft): Promise<void> {
  try {
    await set(keyOf(key), { version: VERSION, ...draft }, draftStore());
  } catch {
    // A full or refused IndexedDB costs the safety net, not the form.
  }
}

export async function deleteDraft(key: DraftKey): Promise<void> {
  try {
    await del(keyOf(key), draftStore());
  } catch {
    // Nothing was kept where IndexedDB is unavailable.
  }
}

/** The keys of every draft of this account, in any partner tenant and form. */
async function accountDraftKeys(homeAccountId: string): Promise<IDBValidKey[]> {
  try {
    const all = await keys(draftStore());
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
    await Promise.all(owned.map((key) => del(key, draftStore())));
  } catch {
    // As above: nothing to delete without IndexedDB.
  }
}
