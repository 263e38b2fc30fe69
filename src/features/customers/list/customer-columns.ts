import { relationshipLabel } from '@/features/customers/relationship-label';
import type { CustomerRow } from './customer-row';

/** The list's columns, in their default order; ids are what the URL and saved views hold. */
export const customerColumnIds = [
  'companyName',
  'domain',
  'id',
  'relationship',
  'tags',
  'associatedPartnerId',
  'commerceId',
] as const;
export type CustomerColumnId = (typeof customerColumnIds)[number];

export interface CustomerColumn {
  id: CustomerColumnId;
  label: string;
  /** The cell as text: what is shown, sorted, searched and exported. */
  text: (row: CustomerRow) => string;
  /** A starting width in pixels; the grid lets long values wrap or clip with a tooltip. */
  width: number;
}

export const customerColumns: readonly CustomerColumn[] = [
  { id: 'companyName', label: 'Company name', text: (row) => row.companyName, width: 300 },
  { id: 'domain', label: 'Domain', text: (row) => row.domain, width: 260 },
  { id: 'id', label: 'Customer tenant ID', text: (row) => row.id, width: 310 },
  {
    id: 'relationship',
    label: 'Relationship',
    text: (row) => relationshipLabel(row.relationship),
    width: 150,
  },
  { id: 'tags', label: 'Tags', text: (row) => row.tags.join(', '), width: 200 },
  {
    id: 'associatedPartnerId',
    label: 'Associated partner',
    text: (row) => row.associatedPartnerId ?? '',
    width: 310,
  },
  { id: 'commerceId', label: 'Commerce ID', text: (row) => row.commerceId ?? '', width: 310 },
];

export const defaultVisibleColumns: readonly CustomerColumnId[] = [
  'companyName',
  'domain',
  'id',
  'relationship',
  'tags',
  'associatedPartnerId',
];

export function customerColumn(id: CustomerColumnId): CustomerColumn {
  const column = customerColumns.find((candidate) => candidate.id === id);
  if (!column) throw new Error(`Unknown customer column ${id}`);
  return column;
}
