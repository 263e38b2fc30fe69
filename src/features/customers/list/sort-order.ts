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

/** Below this many rows a range is sorted by comparing keys; above it, by their characters. */
const COMPARE_BELOW = 48;

/**
 * The order `compareSortKeys` gives, made by a most-significant-character radix sort: at
 * 100,000 rows a comparison sort calls its comparator about 1.7 million times, which made a
 * first click on a column header a long task (~140 ms); spreading the rows into buckets by
 * one character at a time, and comparing only within small buckets, is about twice as fast.
 * Every spreading is stable, so equal keys keep their positions' order.
 */
export function sortOrderOf(
  keys: readonly string[],
  /** Tests set it low, so that small lists are spread by character too. */
  compareBelow = COMPARE_BELOW,
): SortOrder {
  const count = keys.length;
  const positions = new Uint32Array(count);
  let filled = 0;
  for (let position = 0; position < count; position += 1) if (keys[position]) filled += 1;
  let empty = filled;
  let next = 0;
  for (let position = 0; position < count; position += 1) {
    if (keys[position]) positions[next++] = position;
    else positions[empty++] = position;
  }
  const spare = new Uint32Array(filled);
  // A key's character at a depth, plus one; 0 once the key has ended (so it sorts first).
  const codes = new Uint32Array(filled);
  const sizes = new Uint32Array(0x10001);
  const starts = new Uint32Array(0x10001);
  const present: number[] = [];
  const ranges: number[] = filled > 1 ? [0, filled, 0] : [];
  while (ranges.length) {
    const depth = ranges.pop() ?? 0;
    const to = ranges.pop() ?? 0;
    const from = ranges.pop() ?? 0;
    if (to - from < compareBelow) {
      positions
        .subarray(from, to)
        .sort((a, b) => compareFrom(keys[a] ?? '', keys[b] ?? '', depth, a, b));
      continue;
    }
    present.length = 0;
    for (let at = from; at < to; at += 1) {
      const key = keys[positions[at] ?? 0] ?? '';
      const code = depth < key.length ? key.charCodeAt(depth) + 1 : 0;
      codes[at] = code;
      if (sizes[code] === 0) present.push(code);
      sizes[code] = (sizes[code] ?? 0) + 1;
    }
    if (present.length === 1 && present[0] !== 0) {
      // Every key shares this character: look at the next one.
      sizes[present[0] ?? 0] = 0;
      ranges.push(from, to, depth + 1);
      continue;
    }
    present.sort((a, b) => a - b);
    let start = from;
    for (const code of present) {
      starts[code] = start;
      start += sizes[code] ?? 0;
    }
    for (let at = from; at < to; at += 1) {
      const code = codes[at] ?? 0;
      const place = starts[code] ?? 0;
      starts[code] = place + 1;
      spare[place] = positions[at] ?? 0;
    }
    positions.set(spare.subarray(from, to), from);
    start = from;
    for (const code of present) {
      const size = sizes[code] ?? 0;
      sizes[code] = 0;
      // Keys that ended here are equal, and already in their positions' order.
      if (code !== 0 && size > 1) ranges.push(start, start + size, depth + 1);
      start += size;
    }
  }
  return { positions, filled };
}

/**
 * `order` over more rows: the rows from `start` on, whose keys `added` holds in position order,
 * sorted alone, then each placed by binary search among the old rows (read through `keyOf`),
 * from where the one before it went. A crawl's page costs ~500 binary searches this way, where
 * sorting the whole list again would cost 100,000 rows' worth, page after page.
 */
export function extendSortOrder(
  order: SortOrder,
  keyOf: (position: number) => string,
  added: readonly string[],
  start: number,
): SortOrder {
  const fresh = sortOrderOf(added).positions;
  const old = order.positions;
  const positions = new Uint32Array(old.length + fresh.length);
  let copied = 0;
  let out = 0;
  let low = 0;
  for (const offset of fresh) {
    const position = start + offset;
    const key = added[offset] ?? '';
    // The first old row that sorts after this one, at or after the last insertion point.
    let high = old.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = old[middle] ?? 0;
      if (compareSortKeys(keyOf(other), key, other, position) < 0) low = middle + 1;
      else high = middle;
    }
    positions.set(old.subarray(copied, low), out);
    out += low - copied;
    copied = low;
    positions[out++] = position;
  }
  positions.set(old.subarray(copied), out);
  let filled = order.filled;
  for (const key of added) if (key) filled += 1;
  return { positions, filled };
}

/** Two keys equal before `depth`, compared from there as `<` would; ties by position. */
function compareFrom(left: string, right: string, depth: number, a: number, b: number): number {
  if (left === right) return a - b;
  for (let at = depth; ; at += 1) {
    const l = at < left.length ? left.charCodeAt(at) + 1 : 0;
    const r = at < right.length ? right.charCodeAt(at) + 1 : 0;
    if (l !== r) return l - r;
  }
}
