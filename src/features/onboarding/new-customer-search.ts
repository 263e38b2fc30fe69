import * as z from 'zod/mini';
import { stepIdSchema } from '@/features/onboarding/model/step-ids';

/**
 * `/customers/new` in the URL: which draft is open and on which step, so a reload, the back
 * button and a bookmark return to the same place; or the existing-customer link.
 */
export const newCustomerSearchSchema = z.object({
  draft: z.catch(z.optional(z.uuid()), undefined),
  step: z.catch(z.optional(stepIdSchema), undefined),
  existing: z.catch(z.optional(z.boolean()), undefined),
});
export type NewCustomerSearch = z.infer<typeof newCustomerSearchSchema>;
