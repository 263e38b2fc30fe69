import { z } from 'zod';

/**
 * Where to go after sign-in: a path on this origin only. `//evil.example` and `/\evil.example`
 * are protocol-relative URLs that browsers resolve to another host, so they are refused.
 */
export function isSafeRedirectTarget(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}

export const signInSearchSchema = z.object({
  redirect: z.string().refine(isSafeRedirectTarget).optional().catch(undefined),
});
