import * as z from 'zod/mini';
import {
  customerColumnIds,
  defaultVisibleColumns,
  type CustomerColumnId,
} from './customer-columns';
import type { CustomerQuery, CustomerSort } from './customer-index';

const columnId = z.enum(customerColumnIds);

/**
 * The list's whole view state as the URL holds it. Every field falls back to its default when
 * a link carries something unusable (a hand-edited or outdated URL opens the list, not an
 * error), and defaults are stripped from the URL so a plain /customers stays plain.
 */
export const customersSearchSchema = z.object({
  q: z._default(z.catch(z.string().check(z.maxLength(200)), ''), ''),
  /** Relationship values to show; empty means every relationship. */
  relationship: z._default(
    z.catch(z.array(z.string().check(z.maxLength(60))).check(z.maxLength(20)), []),
    [],
  ),
  /** `any`, `direct`, `indirect`, or one indirect reseller's tenant id. */
  reseller: z._default(
    z.catch(z.union([z.enum(['any', 'direct', 'indirect']), z.guid()]), 'any'),
    'any',
  ),
  /** A column id, descending with a leading minus; `none` keeps Partner Center's order. */
  sort: z._default(
    z.catch(
      z.string().check(z.regex(new RegExp(`^(none|-?(${customerColumnIds.join('|')}))$`))),
      'companyName',
    ),
    'companyName',
  ),
  columns: z._default(
    z.catch(
      z.array(columnId).check(
        z.minLength(1),
        z.refine((columns) => new Set(columns).size === columns.length, 'a column appears twice'),
      ),
      [...defaultVisibleColumns],
    ),
    [...defaultVisibleColumns],
  ),
  density: z._default(z.catch(z.enum(['comfortable', 'compact']), 'comfortable'), 'comfortable'),
});
export type CustomersSearch = z.infer<typeof customersSearchSchema>;

/** The defaults, which the router strips from URLs. */
export const defaultCustomersSearch: CustomersSearch = customersSearchSchema.parse({});

export function parseSort(sort: string): CustomerSort | undefined {
  if (sort === 'none') return undefined;
  const desc = sort.startsWith('-');
  return { column: (desc ? sort.slice(1) : sort) as CustomerColumnId, desc };
}

export function formatSort(sort: CustomerSort | undefined): string {
  if (!sort) return 'none';
  return `${sort.desc ? '-' : ''}${sort.column}`;
}

export function queryOf(search: CustomersSearch): CustomerQuery {
  return {
    search: search.q,
    relationships: search.relationship,
    reseller: search.reseller,
    sort: parseSort(search.sort),
  };
}
