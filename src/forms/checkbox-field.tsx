import { Checkbox, Field, type CheckboxProps } from '@fluentui/react-components';
import { useController, type FieldValues } from 'react-hook-form';
import type { BoundFieldProps } from '@/forms/bound-field';
import { fieldId } from '@/forms/field-id';

/** A yes/no value of the form (a tick that grants or attests something), with its error. */
export function CheckboxField<Values extends FieldValues, Output = Values>(
  props: Omit<BoundFieldProps<Values, Output>, 'label'> & { label: CheckboxProps['label'] },
) {
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control: props.control, name: props.name });
  const error = fieldState.error?.message;
  return (
    <Field
      hint={props.hint}
      required={props.required}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? props.note}
    >
      <Checkbox
        id={fieldId(props.formId, props.name)}
        ref={ref}
        checked={value === true}
        label={props.label}
        onChange={(_event, data) => onChange(data.checked === true)}
        onBlur={onBlur}
      />
    </Field>
  );
}
