/**
 * Merging a stale edit with what someone else saved meanwhile, field by field, the way a
 * version control system merges lines: `base` is what the form started from, `mine` what the
 * user has now, `theirs` what Partner Center holds now. Pure; values are compared as the
 * schemas send them (trimmed), so a stray space is no change but a change of case is.
 */

export type FieldValues<Field extends string = string> = Readonly<Record<Field, string>>;

export interface MergeConflict<Field extends string> {
  field: Field;
  base: string;
  mine: string;
  theirs: string;
}

export interface MergeResult<Field extends string> {
  /** The values to continue with: mine, plus theirs where only they changed; mine on conflicts. */
  merged: Record<Field, string>;
  /** Fields only they changed, now taken into `merged`: the form marks them. */
  takenFromTheirs: Field[];
  /** Fields both changed to different values: the user settles each. */
  conflicts: MergeConflict<Field>[];
}

/** How a value compares: absent and empty are the same, surrounding space does not count. */
export function comparable(value: string | undefined): string {
  return (value ?? '').trim();
}

export function sameValue(a: string | undefined, b: string | undefined): boolean {
  return comparable(a) === comparable(b);
}

export function mergeThreeWay<Field extends string>(
  base: FieldValues<Field>,
  mine: FieldValues<Field>,
  theirs: FieldValues<Field>,
): MergeResult<Field> {
  const fields = [
    ...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]),
  ] as Field[];
  const merged = {} as Record<Field, string>;
  const takenFromTheirs: Field[] = [];
  const conflicts: MergeConflict<Field>[] = [];
  for (const field of fields) {
    const b = base[field] ?? '';
    const m = mine[field] ?? '';
    const t = theirs[field] ?? '';
    const iChanged = !sameValue(m, b);
    const theyChanged = !sameValue(t, b);
    if (!iChanged && theyChanged) {
      merged[field] = t;
      takenFromTheirs.push(field);
    } else {
      merged[field] = m;
      if (iChanged && theyChanged && !sameValue(m, t)) {
        conflicts.push({ field, base: b, mine: m, theirs: t });
      }
    }
  }
  return { merged, takenFromTheirs, conflicts };
}
