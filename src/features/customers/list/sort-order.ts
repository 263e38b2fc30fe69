/**
 * A column's sort order as row positions, ascending, rows with an empty value last; `filled`
 * of them hold a value. Pure, so the sort worker and the page compute the very same order.
 */
export interface SortOrder {
  positions: Uint32Array<ArrayBuffer>;
  filled: number;
}

/** Folded keys compared with `<`; ties keep Partner Center's order, so a view is stable. */
export function compareSortKeys(left: string, right: string, a: number, b: number): number {
  if (left === right) return a - b;
  if (!left) return 1;
  if (!right) return -1;
  return left < right ? -1 : 1;
}

export function sortOrderOf(keys: readonly string[]): SortOrder {
  const positions = new Uint32Array(keys.length);
  for (let position = 0; position < keys.length; position += 1) positions[position] = position;
  // A typed array sorts numbers without boxing them; the comparator reads the keys.
  positions.sort((a, b) => compareSortKeys(keys[a] ?? '', keys[b] ?? '', a, b));
  let filled = 0;
  while (filled < positions.length && keys[positions[filled] ?? 0]) filled += 1;
  return { positions, filled };
}
