import type { SortOrder } from './sort-order';

/**
 * A column's values for the sort worker, in parts made in separate idle moments: each part its
 * values joined by NUL (one string crosses to the worker as a single copy), or, when one of them
 * holds a NUL, the values as a list.
 */
export interface SortJob {
  id: number;
  parts: (string | string[])[];
  count: number;
}

export interface SortJobResult {
  id: number;
  order: SortOrder | undefined;
}

/** One part of a job: `values` in the form that costs the main thread least to send. */
export function sortJobPart(values: readonly string[]): string | string[] {
  return values.every((value) => !value.includes('\0')) ? values.join('\0') : [...values];
}

/** The job's values, one list again; undefined when the parts do not add up to its count. */
export function sortJobValues(job: SortJob): string[] | undefined {
  const values: string[] = [];
  for (const part of job.parts) {
    const list = typeof part === 'string' ? part.split('\0') : part;
    values.push(...list);
  }
  return values.length === job.count ? values : undefined;
}
