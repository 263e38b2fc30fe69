import { Field, Input } from '@fluentui/react-components';
import { useId } from 'react';
import { useWatch, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import type { CountryValidationRules } from '@/api/partner-center/resources';
import { cultureLabel, cultureOptions, languageOfCulture } from '@/countries/cultures';
import { ChoiceField } from '@/forms/choice-field';

/**
 * The culture, among those Partner Center supports in the billing country, and the language,
 * which follows it: Partner Center takes the culture's two-letter language, so there is nothing
 * for the user to choose there, only to see.
 */
export function CultureFields<Values extends FieldValues, Output = Values>(props: {
  formId: string;
  control: Control<Values, unknown, Output>;
  name: FieldPath<Values>;
  country: string;
  partnerCenterRules: CountryValidationRules | undefined;
  note?: string;
}) {
  const culture = useWatch({ control: props.control, name: props.name }) as unknown;
  const language = typeof culture === 'string' ? languageOfCulture(culture) : '';
  const languageId = useId();
  const choices = cultureOptions(props.country, 'en', props.partnerCenterRules).map((option) => ({
    value: option.culture,
    label: `${option.label} (${option.culture})`,
  }));
  return (
    <>
      <ChoiceField
        formId={props.formId}
        control={props.control}
        name={props.name}
        label="Culture"
        required
        choices={choices}
        placeholder="Choose a culture"
        note={props.note}
      />
      <Field label="Language" hint="Follows the culture.">
        <Input
          id={languageId}
          readOnly
          value={language ? `${language} (${cultureLabel(language)})` : ''}
        />
      </Field>
    </>
  );
}
