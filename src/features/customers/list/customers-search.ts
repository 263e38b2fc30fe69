import { z } from 'zod';
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
  q: z.string().max(200).catch('').default(''),
  /** Relationship values to show; empty means every relationship. */
  relationship: z.array(z.string().max(60)).max(20).catch([]).default([]),
  /** `any`, `direct`, `indirect`, or one indirect reseller's tenant id. */
  reseller: z
    .union([z.enum(['any', 'direct', 'indirect']), z.guid()])
    .catch('any')
    .default('any'),
  /** A column id, descending with a leading minus; `none` keeps Partner Center's order. */
  sort: z
    .string()
    .regex(new RegExp(`^(none|-?(${customerColumnIds.join('|')}))$`))
    .catch('companyName')
    .default('companyName'),
  columns: z
    .array(columnId)
    .min(1)
    .refine((columns) => new Set(columns).size === columns.length, 'a column appears twice')
    .catch([...defaultVisibleColumns])
    .default([...defaultVisibleColumns]),
  density: z.enum(['comfortable', 'compact']).catch('comfortable').default('comfortable'),
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
