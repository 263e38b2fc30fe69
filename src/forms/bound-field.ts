import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

/** What every field component here takes: where it sits in which form, and what it says. */
export interface BoundFieldProps<Values extends FieldValues, Output = Values> {
  formId: string;
  control: Control<Values, unknown, Output>;
  name: FieldPath<Values>;
  label: string;
  required?: boolean;
  hint?: string;
  /** Said under the field while it has no error, such as "Changed by someone else". */
  note?: string;
}

/**
 * One text value of the form, with Fluent Field's validation props: the error when there is one,
 * else the note. Destructured from useController because the React compiler reads `field.ref`
 * as a ref object, and every other member of `field` with it.
 */
export function useBoundText<Values extends FieldValues, Output = Values>(
  props: Pick<BoundFieldProps<Values, Output>, 'control' | 'name' | 'note'>,
) {
  const {
    field: { ref, value: raw, onChange, onBlur },
    fieldState,
  } = useController({ control: props.control, name: props.name });
  const error = fieldState.error?.message;
  return {
    ref,
    value: typeof raw === 'string' ? raw : '',
    onChange: (value: string) => onChange(value),
    onBlur,
    validation: {
      validationState: error ? ('error' as const) : ('none' as const),
      validationMessage: error ?? props.note,
    },
  };
}
