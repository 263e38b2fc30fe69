/**
 * Form values as flat `path → string` records (`defaultAddress.city`), the shape the merge, the
 * change list and the draft store work on. Forms here hold strings only: an absent value is ''.
 */
export type FlatValues = Record<string, string>;

type Nested = { readonly [key: string]: string | undefined | Nested };

export function flatten(values: Nested, prefix = ''): FlatValues {
  const flat: FlatValues = {};
  for (const [key, value] of Object.entries(values)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') Object.assign(flat, flatten(value, path));
    else flat[path] = value ?? '';
  }
  return flat;
}

/** The nested values of `template`'s shape, each taken from `flat` (or kept where it lacks one). */
export function unflatten<T extends Nested>(
  template: T,
  flat: Readonly<FlatValues>,
  prefix = '',
): T {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    const path = prefix ? `${prefix}.${key}` : key;
    result[key] =
      value !== null && typeof value === 'object'
        ? unflatten(value, flat, path)
        : (flat[path] ?? value ?? '');
  }
  return result as T;
}
