import { createStore, del, delMany, entries, set, setMany, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { importRowRunSchema, importRunSchema, type ImportRun } from './import-run';

/**
 * Imports in IndexedDB, so a reload, a crash or a closed tab finds each row where it was: the
 * run once (its rows' inputs and request ids), and each row's state in an entry of its own,
 * rewritten alone as the row moves on. Written through the run's schemas, which name no
 * credentials: zod drops every property a shape does not name, so nothing a row carried by
 * mistake is ever stored.
 */
let store: UseStore | undefined;
function importStore(): UseStore {
  store ??= createStore('partner-customers-portal-imports', 'imports');
  return store;
}

const storedRowSchema = importRunSchema.shape.rows.element.omit({ run: true }).extend({
  requestId: z.uuid(),
  agreementRequestId: z.uuid(),
});
const storedRunSchema = importRunSchema.omit({ rows: true }).extend({
  rows: z.array(storedRowSchema),
});

const runKey = (id: string) => `run|${id}`;
const rowKey = (id: string, index: number) => `row|${id}|${index}`;

/** Saves a new run whole: its rows' inputs and ids, and where each row stands. */
export async function saveImportRun(run: ImportRun): Promise<void> {
  const parsed = importRunSchema.parse(run);
  const stored = storedRunSchema.parse({
    ...parsed,
    rows: parsed.rows.map((row) => ({
      ...row,
      requestId: row.run.requestId,
      agreementRequestId: row.run.agreementRequestId,
    })),
  });
  await setMany(
    [
      [runKey(run.id), stored],
      ...parsed.rows.map((row, index) => [rowKey(run.id, index), row.run] as [string, unknown]),
    ],
    importStore(),
  );
}

/** Saves where one row of a saved run stands. */
export async function saveImportRowState(run: ImportRun, index: number): Promise<void> {
  const row = run.rows[index];
  if (!row) return;
  await set(rowKey(run.id, index), importRowRunSchema.parse(row.run), importStore());
}

/**
 * The owner's runs, oldest first, each row where it was last saved. An entry of another shape
 * (a later version's) is left out; a row whose state is missing was never sent (its state is
 * saved before its request goes), and waits.
 */
export async function importRunsOf(owner: string): Promise<ImportRun[]> {
  const all = new Map(await entries(importStore()));
  const runs: ImportRun[] = [];
  for (const [key, value] of all) {
    if (typeof key !== 'string' || !key.startsWith('run|')) continue;
    const parsed = storedRunSchema.safeParse(value);
    if (!parsed.success || parsed.data.owner !== owner) continue;
    const { rows, ...header } = parsed.data;
    runs.push({
      ...header,
      rows: rows.map(({ requestId, agreementRequestId, ...row }, index) => {
        const state = importRowRunSchema.safeParse(all.get(rowKey(header.id, index)));
        return {
          ...row,
          run: state.success ? state.data : { status: 'waiting', requestId, agreementRequestId },
        };
      }),
    });
  }
  return runs.sort((a, b) => a.startedAt - b.startedAt);
}

export async function deleteImportRun(run: ImportRun): Promise<void> {
  await del(runKey(run.id), importStore());
  await delMany(
    run.rows.map((_, index) => rowKey(run.id, index)),
    importStore(),
  );
}
