import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { customersSearchSchema, type CustomersSearch } from './customers-search';

/** A named view of the list, kept per user in this browser. */
const savedViewSchema = z.object({
  name: z.string().min(1).max(80),
  search: customersSearchSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;

const savedViewsSchema = z.array(savedViewSchema).max(100);

const storageKey = (userKey: string) => `partner-customers-portal:saved-views:${userKey}`;
const listeners = new Set<() => void>();
const snapshots = new Map<string, { raw: string | null; views: SavedView[] }>();

export function readSavedViews(userKey: string): SavedView[] {
  const raw = localStorage.getItem(storageKey(userKey));
  const known = snapshots.get(userKey);
  if (known && known.raw === raw) return known.views;
  let views: SavedView[] = [];
  try {
    const parsed = savedViewsSchema.safeParse(raw ? JSON.parse(raw) : []);
    // A damaged entry is dropped rather than breaking the list page.
    if (parsed.success) views = parsed.data;
  } catch {
    views = [];
  }
  snapshots.set(userKey, { raw, views });
  return views;
}

function writeSavedViews(userKey: string, views: SavedView[]) {
  localStorage.setItem(storageKey(userKey), JSON.stringify(views));
  for (const listener of listeners) listener();
}

/** Saves under the name, replacing a view of the same name (names compare case-insensitively). */
export function saveView(userKey: string, name: string, search: CustomersSearch): void {
  const trimmed = name.trim();
  const others = readSavedViews(userKey).filter(
    (view) => view.name.toLowerCase() !== trimmed.toLowerCase(),
  );
  writeSavedViews(userKey, [...others, { name: trimmed, search }]);
}

export function deleteView(userKey: string, name: string): void {
  writeSavedViews(
    userKey,
    readSavedViews(userKey).filter((view) => view.name !== name),
  );
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab saving a view updates this one too.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export function useSavedViews(userKey: string) {
  const views = useSyncExternalStore(subscribe, () => readSavedViews(userKey));
  const save = useCallback(
    (name: string, search: CustomersSearch) => saveView(userKey, name, search),
    [userKey],
  );
  const remove = useCallback((name: string) => deleteView(userKey, name), [userKey]);
  return { views, save, remove };
}
