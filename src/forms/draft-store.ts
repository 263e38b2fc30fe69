import { del, entries, get, set } from 'idb-keyval';
import { z } from 'zod';
import { draftDatabase, draftKeyOf, type DraftKey } from '@/forms/draft-keys';

/**
 * Unsaved form input, kept in IndexedDB so that nothing typed is lost to a reload, a crash, a
 * closed tab or a sign-in round trip. A draft belongs to one partner tenant, one account, one
 * form and one subject (a customer, or a new customer's session), and holds the values the form
 * started from with their etag, so a stale draft can be merged three ways. Drafts hold personal
 * data: they never leave this browser and are deleted after a save, on Discard and on sign-out.
 */

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
  /**
   * What the form keeps beside the values: an operation's MS-RequestId (so a create retried after
   * a reload is still the same create), the step the user was on.
   */
  meta: z.record(z.string(), z.string()).optional(),
});
export type Draft = Omit<z.infer<typeof storedDraftSchema>, 'version'>;

export async function readDraft(key: DraftKey): Promise<Draft | undefined> {
  try {
    const stored: unknown = await get(draftKeyOf(key), draftDatabase());
    if (stored === undefined) return undefined;
    const parsed = storedDraftSchema.safeParse(stored);
    if (parsed.success) {
      const { version: _version, ...draft } = parsed.data;
      return draft;
    }
    // Another version's shape or damage: it cannot be restored, so it must not linger either.
    await del(draftKeyOf(key), draftDatabase());
    return undefined;
  } catch {
    // Without IndexedDB there are no drafts; the form itself still works.
    return undefined;
  }
}

export async function writeDraft(key: DraftKey, draft: Draft): Promise<void> {
  try {
    await set(draftKeyOf(key), { version: VERSION, ...draft }, draftDatabase());
  } catch {
    // A full or refused IndexedDB costs the safety net, not the form.
  }
}

export async function deleteDraft(key: DraftKey): Promise<void> {
  try {
    await del(draftKeyOf(key), draftDatabase());
  } catch {
    // Nothing was kept where IndexedDB is unavailable.
  }
}

/** Every draft of one form of this account in this partner tenant, newest first. */
export async function listDrafts(
  owner: Omit<DraftKey, 'subject'>,
): Promise<{ subject: string; draft: Draft }[]> {
  const prefix = draftKeyOf({ ...owner, subject: '' });
  try {
    const all = await entries(draftDatabase());
    const found: { subject: string; draft: Draft }[] = [];
    for (const [key, stored] of all) {
      if (typeof key !== 'string' || !key.startsWith(prefix)) continue;
      const parsed = storedDraftSchema.safeParse(stored);
      if (!parsed.success) continue;
      const { version: _version, ...draft } = parsed.data;
      found.push({ subject: key.slice(prefix.length), draft });
    }
    return found.sort((a, b) => b.draft.savedAt - a.draft.savedAt);
  } catch {
    return [];
  }
}
