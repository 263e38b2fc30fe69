import { Combobox, Field, useComboboxFilter } from '@fluentui/react-components';
import type { FieldValues } from 'react-hook-form';
import { useBoundText, type BoundFieldProps } from '@/forms/bound-field';
import type { Choice } from '@/forms/choice-field';
import { fieldId } from '@/forms/field-id';

export interface SuggestFieldProps<
  Values extends FieldValues,
  Output = Values,
> extends BoundFieldProps<Values, Output> {
  suggestions: readonly Choice[];
}

/**
 * Free text with suggestions (a state where only Google's list is known, which Partner Center
 * does not enforce). Fluent's freeform Combobox sends no change when typed text is left as it
 * is, so the text is committed on every keystroke and a picked option replaces it.
 */
export function SuggestField<Values extends FieldValues, Output = Values>(
  props: SuggestFieldProps<Values, Output>,
) {
  const { ref, value, onChange, onBlur, validation } = useBoundText(props);
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
    <Field label={props.label} required={props.required} hint={props.hint} {...validation}>
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
