import { Field, Input } from '@fluentui/react-components';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { fieldId } from '@/forms/field-id';

export interface TextFieldProps<Values extends FieldValues, Output = Values> {
  formId: string;
  control: Control<Values, unknown, Output>;
  name: FieldPath<Values>;
  label: string;
  required?: boolean;
  hint?: string;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  /** Reshapes what was typed when the field is left (postal codes, phones); undefined keeps it. */
  normalize?: (value: string) => string | undefined;
  /** Said under the field while it has no error, such as "Changed by someone else". */
  note?: string;
  readOnly?: boolean;
}

/**
 * A text input bound to react-hook-form: Fluent's Field shows the label, the required mark and
 * the error, which is announced with the input (aria-describedby) and linked from the summary.
 */
export function TextField<Values extends FieldValues, Output = Values>(
  props: TextFieldProps<Values, Output>,
) {
  // Destructured: the React compiler reads `field.ref` as a ref object and every field of it as one.
  const {
    field: { ref, value: raw, onChange, onBlur },
    fieldState,
  } = useController({ control: props.control, name: props.name });
  const value = typeof raw === 'string' ? raw : '';
  const error = fieldState.error?.message;
  return (
    <Field
      label={props.label}
      required={props.required}
      hint={props.hint}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? props.note}
    >
      <Input
        id={fieldId(props.formId, props.name)}
        name={props.name}
        ref={ref}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete ?? 'off'}
        value={value}
        readOnly={props.readOnly}
        onChange={(_event, data) => onChange(data.value)}
        onBlur={() => {
          const reshaped = props.normalize?.(value);
          if (reshaped !== undefined && reshaped !== value) onChange(reshaped);
          onBlur();
        }}
      />
    </Field>
  );
}
