import { comparable, sameValue, type FieldValues } from './three-way-merge';

export interface ChangedField<Field extends string> {
  field: Field;
  from: string;
  to: string;
}

/**
 * The fields whose value differs from the base, in the order `fields` gives: what Save will
 * send, for "Save 3 changes" and the old → new list. A change of case is a change; clearing a
 * field is a change to ''.
 */
export function changedFields<Field extends string>(
  fields: readonly Field[],
  base: FieldValues<Field>,
  current: FieldValues<Field>,
): ChangedField<Field>[] {
  return fields
    .filter((field) => !sameValue(base[field], current[field]))
    .map((field) => ({ field, from: comparable(base[field]), to: comparable(current[field]) }));
}
