import { useState, type ReactNode } from 'react';
import { useWatch, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import type { CountryValidationRules } from '@/api/partner-center/resources';
import {
  validatePostalCode,
  type AddressRules,
  type PlacedAddressField,
} from '@/countries/addresses';
import { phoneExample, validatePhoneNumber } from '@/countries/phones';
import { addressFieldLabel, type AddressFieldName } from '@/forms/address-labels';
import { ChoiceField } from '@/forms/choice-field';
import { SuggestField } from '@/forms/suggest-field';
import { TextField } from '@/forms/text-field';
import { useFieldsetStyles } from '@/forms/use-fieldset-styles';

export interface AddressBlockProps<Values extends FieldValues, Output = Values> {
  formId: string;
  control: Control<Values, unknown, Output>;
  /** Where the address sits in the form's values: `defaultAddress`, `billingProfile.defaultAddress`. */
  prefix: string;
  legend: string;
  /** The rules of the address's country, Partner Center's where the client has them. */
  rules: AddressRules;
  partnerCenterRules: CountryValidationRules | undefined;
  /** The country control: a picker where it may change, a read-only field where it may not. */
  countryField: ReactNode;
  /** A note under a field, such as "Changed by someone else". */
  noteFor?: (field: AddressFieldName) => string | undefined;
  /**
   * Whether the contact's names are asked here; a form that asks them once for the whole
   * contact (onboarding) leaves them out and fills the address's from its own.
   */
  contactNames?: boolean;
}

type LineField = Exclude<AddressFieldName, 'country'>;

const extraFields: readonly PlacedAddressField[] = ['city', 'district', 'state', 'postalCode'];

/**
 * The fields after line 1 in the country's order, lines 2 and 3 right after line 1; a field the
 * country does not use is left out unless it holds a value, which is never hidden away.
 */
function orderedFields(
  order: readonly PlacedAddressField[],
  shown: ReadonlySet<PlacedAddressField>,
): LineField[] {
  const fields: LineField[] = [];
  for (const field of order) {
    fields.push(field);
    if (field === 'addressLine1') fields.push('addressLine2', 'addressLine3');
  }
  if (!fields.includes('addressLine1'))
    fields.unshift('addressLine1', 'addressLine2', 'addressLine3');
  for (const field of extraFields) {
    if (!fields.includes(field) && shown.has(field)) fields.push(field);
  }
  fields.push('region');
  return fields;
}

/**
 * A Partner Center address laid out for its country: the country first, then the country's own
 * field order and labels (an oblast in Russia, a PIN code in India, a post town in Britain), the
 * state from the list Partner Center checks, postal codes and phones reshaped when left, and
 * the contact at the address. Rules come from `src/countries`; this adds none of its own.
 */
export function AddressBlock<Values extends FieldValues, Output = Values>(
  props: AddressBlockProps<Values, Output>,
) {
  const styles = useFieldsetStyles();
  const { rules, control, formId } = props;
  const path = (field: AddressFieldName) => `${props.prefix}.${field}` as FieldPath<Values>;
  const watched = useWatch({ control, name: path('country') as FieldPath<Values> }) as unknown;
  const country = typeof watched === 'string' ? watched : rules.country;
  const lineValues = (useWatch({ control, name: props.prefix as FieldPath<Values> }) ??
    {}) as Partial<Record<LineField, string>>;
  // A field the country does not use shows while it holds a value, and stays once shown:
  // clearing it must not take the box away from under the cursor.
  const [shown, setShown] = useState<ReadonlySet<PlacedAddressField>>(() => new Set());
  const holding = extraFields.filter((field) => lineValues[field]?.trim() && !shown.has(field));
  // React's "adjust state while rendering": the set only grows, so this settles at once.
  if (holding.length > 0) setShown(new Set([...shown, ...holding]));
  const visible = new Set([...shown, ...holding]);
  const label = (field: AddressFieldName) => addressFieldLabel(field, rules);
  const note = (field: AddressFieldName) => props.noteFor?.(field);
  const common = { formId, control };

  const fieldFor = (field: LineField): ReactNode => {
    switch (field) {
      case 'state':
        if (rules.states.length > 0 && rules.statesStrict) {
          return (
            <ChoiceField
              key={field}
              {...common}
              name={path(field)}
              label={label(field)}
              required={rules.stateRequired}
              choices={rules.states}
              placeholder={`Choose a ${label(field).toLowerCase()}`}
              note={note(field)}
            />
          );
        }
        if (rules.states.length > 0) {
          return (
            <SuggestField
              key={field}
              {...common}
              name={path(field)}
              label={label(field)}
              required={rules.stateRequired}
              suggestions={rules.states}
              note={note(field)}
            />
          );
        }
        break;
      case 'postalCode':
        return (
          <TextField
            key={field}
            {...common}
            name={path(field)}
            label={label(field)}
            required={rules.postalCodeRequired}
            hint={rules.postalCodeExample ? `For example ${rules.postalCodeExample}` : undefined}
            autoComplete="postal-code"
            normalize={(value) => {
              const result = validatePostalCode(country, value, props.partnerCenterRules);
              return result.valid && value.trim() ? result.normalized : undefined;
            }}
            note={note(field)}
          />
        );
      default:
        break;
    }
    const required =
      field === 'addressLine1' ||
      (field === 'city' && rules.cityRequired) ||
      (field === 'state' && rules.stateRequired);
    return (
      <TextField
        key={field}
        {...common}
        name={path(field)}
        label={label(field)}
        required={required}
        autoComplete={autoCompleteOf[field]}
        note={note(field)}
      />
    );
  };

  const example = phoneExample(country);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{props.legend}</legend>
      {props.countryField}
      {orderedFields(rules.fieldOrder, visible).map(fieldFor)}
      {props.contactNames !== false && (
        <div className={styles.row}>
          <TextField
            {...common}
            name={path('firstName')}
            label={label('firstName')}
            required
            autoComplete="given-name"
            note={note('firstName')}
          />
          <TextField
            {...common}
            name={path('middleName')}
            label={label('middleName')}
            autoComplete="additional-name"
            note={note('middleName')}
          />
          <TextField
            {...common}
            name={path('lastName')}
            label={label('lastName')}
            required
            autoComplete="family-name"
            note={note('lastName')}
          />
        </div>
      )}
      <TextField
        {...common}
        name={path('phoneNumber')}
        label={label('phoneNumber')}
        type="tel"
        required={rules.phoneRequired}
        hint={example ? `For example ${example}` : undefined}
        autoComplete="tel"
        normalize={(value) => {
          if (!value.trim()) return undefined;
          const result = validatePhoneNumber(country, value, {
            phoneNumberRegex: rules.phoneNumberRegex,
          });
          return result.valid ? result.normalized : undefined;
        }}
        note={note('phoneNumber')}
      />
    </fieldset>
  );
}

const autoCompleteOf: Partial<Record<LineField, string>> = {
  addressLine1: 'address-line1',
  addressLine2: 'address-line2',
  addressLine3: 'address-line3',
  city: 'address-level2',
  district: 'address-level3',
  state: 'address-level1',
};
