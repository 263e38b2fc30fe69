import { Field, Select } from '@fluentui/react-components';
import type { FieldValues } from 'react-hook-form';
import { useBoundText, type BoundFieldProps } from '@/forms/bound-field';
import { fieldId } from '@/forms/field-id';

export interface Choice {
  value: string;
  label: string;
}

export interface ChoiceFieldProps<
  Values extends FieldValues,
  Output = Values,
> extends BoundFieldProps<Values, Output> {
  choices: readonly Choice[];
  placeholder?: string;
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
  const { ref, value, onChange, onBlur, validation } = useBoundText(props);
  const listed = props.choices.some((choice) => choice.value === value);
  return (
    <Field label={props.label} required={props.required} hint={props.hint} {...validation}>
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
