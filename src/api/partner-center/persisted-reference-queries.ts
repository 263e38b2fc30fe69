import { dehydrate, hydrate, type QueryClient } from '@tanstack/react-query';
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { referenceKeys } from './customer-keys';
import { countryValidationRulesSchema } from './resources';

/**
 * Partner Center's country rules, kept across sessions so a form opened tomorrow has them before
 * its first request. Written by hand rather than with TanStack's persister packages: those pin
 * an older query-core than this app's react-query, which would put two cores in the bundle; and
 * only this one kind of query is worth keeping (customer data stays in its own stores).
 */
const KEY = 'reference-queries';
const VERSION = 1;
/** Rules change with Microsoft's releases; a week-old copy is fetched again. */
const MAX_AGE_MS = 7 * 24 * 3600_000;

const storedSchema = z.object({
  version: z.literal(VERSION),
  state: z.object({
    queries: z.array(
      z.looseObject({
        queryKey: z.array(z.unknown()),
        state: z.looseObject({ data: z.unknown(), dataUpdatedAt: z.number() }),
      }),
    ),
  }),
});

let store: UseStore | undefined;
function queryStore(): UseStore {
  store ??= createStore('partner-customers-portal-queries', 'queries');
  return store;
}

const countryRulesPrefix = referenceKeys.countryRules('').slice(0, 2);

function isCountryRulesKey(key: readonly unknown[]): boolean {
  return countryRulesPrefix.every((part, index) => key[index] === part);
}

/** Puts the kept country rules into the cache; what fails its schema or is too old is left out. */
export async function restoreReferenceQueries(queryClient: QueryClient, now = Date.now()) {
  try {
    const parsed = storedSchema.safeParse(await get(KEY, queryStore()));
    if (!parsed.success) return;
    const queries = parsed.data.state.queries.filter(
      (query) =>
        isCountryRulesKey(query.queryKey) &&
        now - query.state.dataUpdatedAt < MAX_AGE_MS &&
        countryValidationRulesSchema.safeParse(query.state.data).success,
    );
    hydrate(queryClient, { mutations: [], queries } as unknown as Parameters<typeof hydrate>[1]);
  } catch {
    // Without IndexedDB the rules are simply fetched, as on a first visit.
  }
}

/** Keeps the cache's successful country rules, once each new one has arrived. */
export function persistReferenceQueries(queryClient: QueryClient): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (!isCountryRulesKey(event.query.queryKey)) return;
    const state = dehydrate(queryClient, {
      shouldDehydrateQuery: (query) =>
        isCountryRulesKey(query.queryKey) && query.state.status === 'success',
    });
    void set(KEY, { version: VERSION, state }, queryStore()).catch(() => undefined);
  });
}
