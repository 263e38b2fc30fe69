import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { importRunSchema, type ImportRun } from './import-run';

/**
 * Imports in IndexedDB, one entry per run, so a reload, a crash or a closed tab finds each row
 * where it was. Written through the run's schema, which names no credentials: zod drops every
 * property a shape does not name, so nothing a row carried by mistake is ever stored.
 */
let store: UseStore | undefined;
function importStore(): UseStore {
  store ??= createStore('partner-customers-portal-imports', 'imports');
  return store;
}

export async function saveImportRun(run: ImportRun): Promise<void> {
  await set(run.id, importRunSchema.parse(run), importStore());
}

/** The owner's runs, oldest first; an entry of another shape (a later version's) is left out. */
export async function importRunsOf(owner: string): Promise<ImportRun[]> {
  const runs: ImportRun[] = [];
  for (const [, value] of await entries(importStore())) {
    const parsed = importRunSchema.safeParse(value);
    if (parsed.success && parsed.data.owner === owner) runs.push(parsed.data);
  }
  return runs.sort((a, b) => a.startedAt - b.startedAt);
}

export async function deleteImportRun(id: string): Promise<void> {
  await del(id, importStore());
}
