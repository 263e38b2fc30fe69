import { z } from 'zod';
import type { CustomerListItem } from '@/api/partner-center/resources';

/**
 * One line of the customer list: only what the list shows, flat, so 100,000 of them stay small
 * in memory and in the IndexedDB cache. Built from the list response, which was already parsed.
 */
export const customerRowSchema = z.object({
  id: z.string(),
  companyName: z.string(),
  domain: z.string(),
  relationship: z.string(),
  tags: z.array(z.string()),
  associatedPartnerId: z.string().optional(),
  commerceId: z.string().optional(),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export function toCustomerRow(item: CustomerListItem): CustomerRow {
  const row: CustomerRow = {
    id: item.id,
    companyName: item.companyProfile.companyName,
    domain: item.companyProfile.domain,
    relationship: item.relationshipToPartner,
    tags: item.tags ?? [],
  };
  // Absent rather than undefined: the row is stored as is, and structured clone keeps keys.
  if (item.associatedPartnerId) row.associatedPartnerId = item.associatedPartnerId;
  if (item.commerceId) row.commerceId = item.commerceId;
  return row;
}
