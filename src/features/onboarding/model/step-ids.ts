// Apart from the steps' fields and titles: the router checks /customers/new's URL with the
// schema, so it ships with the first screen, which needs nothing else of onboarding.
import * as z from 'zod/mini';

export const stepIds = [
  'reseller',
  'company',
  'domain',
  'contact',
  'preferences',
  'agreement',
  'review',
] as const;
export const stepIdSchema = z.enum(stepIds);
export type StepId = z.infer<typeof stepIdSchema>;
