import { Combobox, Field, useComboboxFilter } from '@fluentui/react-components';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import type { Choice } from '@/forms/choice-field';
import { fieldId } from '@/forms/field-id';

export interface SuggestFieldProps<Values extends FieldValues, Output = Values> {
  formId: string;
  control: Control<Values, unknown, Output>;
  name: FieldPath<Values>;
  label: string;
  suggestions: readonly Choice[];
  required?: boolean;
  hint?: string;
  note?: string;
}

/**
 * Free text with suggestions (a state where only Google's list is known, which Partner Center
 * does not enforce). Fluent's freeform Combobox sends no change when typed text is left as it
 * is, so the text is committed on every keystroke and a picked option replaces it.
 */
export function SuggestField<Values extends FieldValues, Output = Values>(
  props: SuggestFieldProps<Values, Output>,
) {
  // Destructured: the React compiler reads `field.ref` as a ref object and every field of it as one.
  const {
    field: { ref, value: raw, onChange, onBlur },
    fieldState,
  } = useController({ control: props.control, name: props.name });
  const value = typeof raw === 'string' ? raw : '';
  const error = fieldState.error?.message;
  const options = useComboboxFilter(
    value,
    props.suggestions.map((choice) => ({ value: choice.value, children: choice.label })),
    {
      noOptionsMessage: 'No suggestion matches; what you typed is kept.',
      optionToText: (option) => `${option.value} ${String(option.children)}`,
    },
  );
  const picked = props.suggestions.find((choice) => choice.value === value);
  return (
    <Field
      label={props.label}
      required={props.required}
      hint={props.hint}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? props.note}
    >
      <Combobox
        id={fieldId(props.formId, props.name)}
        ref={ref}
        freeform
        autoComplete="off"
        value={value}
        selectedOptions={picked ? [picked.value] : []}
        onChange={(event) => onChange(event.target.value)}
        onOptionSelect={(_event, data) => {
          if (data.optionValue !== undefined) onChange(data.optionValue);
        }}
        onBlur={onBlur}
      >
        {options}
      </Combobox>
    </Field>
  );
}
