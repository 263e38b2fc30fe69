import { z } from 'zod';
import { stepIdSchema } from '@/features/onboarding/model/onboarding-steps';

/**
 * `/customers/new` in the URL: which draft is open and on which step, so a reload, the back
 * button and a bookmark return to the same place; or the existing-customer link.
 */
export const newCustomerSearchSchema = z.object({
  draft: z.uuid().optional().catch(undefined),
  step: stepIdSchema.optional().catch(undefined),
  existing: z.boolean().optional().catch(undefined),
});
export type NewCustomerSearch = z.infer<typeof newCustomerSearchSchema>;
