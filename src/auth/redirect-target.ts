import * as z from 'zod/mini';

/**
 * Where to go after sign-in: a path on this origin only. `//evil.example` and `/\evil.example`
 * are protocol-relative URLs that browsers resolve to another host, so they are refused.
 */
export function isSafeRedirectTarget(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}

export const signInSearchSchema = z.object({
  redirect: z.catch(z.optional(z.string().check(z.refine(isSafeRedirectTarget))), undefined),
});
