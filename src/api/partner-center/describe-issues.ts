import type { z } from 'zod';

// Its own module, not resources.ts: the client is on the first screen's path, and importing it
// from there would bring every resource schema (and zod's full build) with it.

/** The first few problems of a failed parse, as `path: message`, for errors and logs. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const shown = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path || '(root)'}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')} (and ${more} more)` : shown.join('; ');
}
