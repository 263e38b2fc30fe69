import { createStore, get, set, type UseStore } from 'idb-keyval';
import { countryValidationRulesSchema, type CountryValidationRules } from './resources';

/**
 * Partner Center's country rules, kept in the browser across sessions, so a form opened tomorrow
 * has them before its first request. Per country, read back through the rules' own schema (a
 * damaged or foreign entry is no rules at all). Kept here rather than by a TanStack persister:
 * those pin an older query-core than this app's react-query, and these rules are the only
 * query worth keeping (customer data has stores of its own).
 */

/** Rules change with Microsoft's releases; a week-old copy is fetched again. */
export const KEPT_RULES_MAX_AGE_MS = 7 * 24 * 3600_000;
const VERSION = 1;

let store: UseStore | undefined;
function rulesStore(): UseStore {
  store ??= createStore('partner-customers-portal-country-rules', 'rules');
  return store;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export async function readKeptCountryRules(
  country: string,
  now = Date.now(),
): Promise<CountryValidationRules | undefined> {
  try {
    const kept: unknown = await get(country.toUpperCase(), rulesStore());
    if (!isRecord(kept) || kept.version !== VERSION || typeof kept.savedAt !== 'number') {
      return undefined;
    }
    if (now - kept.savedAt >= KEPT_RULES_MAX_AGE_MS) return undefined;
    const rules = countryValidationRulesSchema.safeParse(kept.rules);
    return rules.success ? rules.data : undefined;
  } catch {
    // Without IndexedDB the rules are simply fetched, as on a first visit.
    return undefined;
  }
}

export async function keepCountryRules(
  country: string,
  rules: CountryValidationRules,
  now = Date.now(),
): Promise<void> {
  try {
    await set(country.toUpperCase(), { version: VERSION, savedAt: now, rules }, rulesStore());
  } catch {
    // A refused write costs the next session one request, nothing else.
  }
}
