import { Combobox, Field, useComboboxFilter } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { countryName, countryOptions } from '@/countries/countries';
import { fieldId } from '@/forms/field-id';

/**
 * The country, first in an address: one of Partner Center's countries, found by typing part of
 * its name or its code. Picking one calls `onCountryChange`, which re-lays the address block.
 */
export function CountryField<Values extends FieldValues, Output = Values>(props: {
  formId: string;
  control: Control<Values, unknown, Output>;
  name: FieldPath<Values>;
  onCountryChange?: (country: string) => void;
  hint?: string;
}) {
  // Destructured: the React compiler reads `field.ref` as a ref object and every field of it as one.
  const {
    field: { ref, value: raw, onChange, onBlur },
    fieldState,
  } = useController({ control: props.control, name: props.name });
  const value = typeof raw === 'string' ? raw : '';
  const options = useMemo(
    () => countryOptions().map((option) => ({ value: option.code, children: option.name })),
    [],
  );
  // What is typed to find a country; the field's value changes only when one is picked.
  const [query, setQuery] = useState<string | undefined>();
  const shown = query ?? (value ? countryName(value) : '');
  const filtered = useComboboxFilter(query ?? '', options, {
    noOptionsMessage: 'No country matches.',
    optionToText: (option) => `${String(option.children)} ${option.value}`,
  });
  const error = fieldState.error?.message;
  return (
    <Field
      label="Country"
      required
      hint={props.hint}
      validationState={error ? 'error' : 'none'}
      validationMessage={error}
    >
      <Combobox
        id={fieldId(props.formId, props.name)}
        ref={ref}
        autoComplete="off"
        value={shown}
        selectedOptions={value ? [value] : []}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_event, data) => {
          setQuery(undefined);
          if (!data.optionValue || data.optionValue === value) return;
          onChange(data.optionValue);
          props.onCountryChange?.(data.optionValue);
        }}
        onBlur={() => {
          setQuery(undefined);
          onBlur();
        }}
      >
        {filtered}
      </Combobox>
    </Field>
  );
}
