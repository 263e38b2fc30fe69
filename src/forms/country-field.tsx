import { Combobox, Field, useComboboxFilter } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { countryName, countryOptions } from '@/countries/countries';
import { useBoundText } from '@/forms/bound-field';
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
  const { ref, value, onChange, onBlur, validation } = useBoundText(props);
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
  return (
    <Field label="Country" required hint={props.hint} {...validation}>
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
