import { Field, Select } from '@fluentui/react-components';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { fieldId } from '@/forms/field-id';

export interface Choice {
  value: string;
  label: string;
}

export interface ChoiceFieldProps<Values extends FieldValues, Output = Values> {
  formId: string;
  control: Control<Values, unknown, Output>;
  name: FieldPath<Values>;
  label: string;
  choices: readonly Choice[];
  required?: boolean;
  hint?: string;
  placeholder?: string;
  note?: string;
}

/**
 * One value from a closed list (a state Partner Center checks against its list, a culture), as
 * a native select: type-ahead, the platform's own list on touch screens, the height of a text
 * field. A value that is not on the list, as an old record may hold, stays shown as it is, and
 * the schema says what is wrong with it.
 */
export function ChoiceField<Values extends FieldValues, Output = Values>(
  props: ChoiceFieldProps<Values, Output>,
) {
  // Destructured: the React compiler reads `field.ref` as a ref object and every field of it as one.
  const {
    field: { ref, value: raw, onChange, onBlur },
    fieldState,
  } = useController({ control: props.control, name: props.name });
  const value = typeof raw === 'string' ? raw : '';
  const listed = props.choices.some((choice) => choice.value === value);
  const error = fieldState.error?.message;
  return (
    <Field
      label={props.label}
      required={props.required}
      hint={props.hint}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? props.note}
    >
      <Select
        id={fieldId(props.formId, props.name)}
        ref={ref}
        value={value}
        onChange={(_event, data) => onChange(data.value)}
        onBlur={onBlur}
      >
        {/* An optional choice can be cleared again; a required one starts unchosen only. */}
        {(!value || !props.required) && <option value="">{props.placeholder ?? 'Choose…'}</option>}
        {value && !listed && <option value={value}>{value} (not on the list)</option>}
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
