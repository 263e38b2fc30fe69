import type { SortOrder } from './sort-order';

/** A column's values for the sort worker: joined by NUL when none holds one, else as a list. */
export interface SortJob {
  id: number;
  values: string | string[];
  count: number;
}

export interface SortJobResult {
  id: number;
  order: SortOrder | undefined;
}

/** The job for `values`, in the form that costs the main thread least to send. */
export function sortJobOf(id: number, values: readonly string[]): SortJob {
  // One string crosses to the worker as a single copy; 100,000 strings are cloned one by one.
  const joinable = values.every((value) => !value.includes('\0'));
  return { id, values: joinable ? values.join('\0') : [...values], count: values.length };
}
