import { Field, Input } from '@fluentui/react-components';
import type { FieldValues } from 'react-hook-form';
import { useBoundText, type BoundFieldProps } from '@/forms/bound-field';
import { fieldId } from '@/forms/field-id';

export interface TextFieldProps<
  Values extends FieldValues,
  Output = Values,
> extends BoundFieldProps<Values, Output> {
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  /** Reshapes what was typed when the field is left (postal codes, phones); undefined keeps it. */
  normalize?: (value: string) => string | undefined;
  readOnly?: boolean;
}

/**
 * A text input bound to react-hook-form: Fluent's Field shows the label, the required mark and
 * the error, which is announced with the input (aria-describedby) and linked from the summary.
 */
export function TextField<Values extends FieldValues, Output = Values>(
  props: TextFieldProps<Values, Output>,
) {
  const { ref, value, onChange, onBlur, validation } = useBoundText(props);
  return (
    <Field label={props.label} required={props.required} hint={props.hint} {...validation}>
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
