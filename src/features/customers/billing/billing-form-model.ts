import type { BillingProfile, CountryValidationRules } from '@/api/partner-center/resources';
import { addressRules } from '@/countries/addresses';
import type {
  BillingProfileFormInput,
  BillingProfileFormOutput,
} from '@/countries/customer-profile-schemas';
import { languageOfCulture } from '@/countries/cultures';
import {
  addressFieldLabel,
  addressFieldNames,
  type AddressFieldName,
} from '@/forms/address-labels';
import { flatten, type FlatValues } from '@/forms/flat-values';

/**
 * The billing contact form's values: every field of the billing profile and its default address
 * as text, '' where Partner Center has none. The shape is the billing schema's input.
 */
export type BillingFormValues = {
  [Key in Exclude<keyof BillingProfileFormInput, 'defaultAddress'>]-?: string;
} & { defaultAddress: { [Key in AddressFieldName]: string } };

const contactFields = ['firstName', 'lastName', 'email', 'companyName', 'culture'] as const;
type ContactField = (typeof contactFields)[number];

export type BillingField = ContactField | `defaultAddress.${AddressFieldName}`;

/** Every field, in the order the form shows them: what the change list and the merge go through. */
export const billingFields: readonly BillingField[] = [
  ...contactFields,
  ...addressFieldNames.map((field) => `defaultAddress.${field}` as const),
];

export function formValuesOf(profile: BillingProfile): BillingFormValues {
  const address = profile.defaultAddress;
  return {
    firstName: profile.firstName,
    lastName: profile.lastName,
    email: profile.email,
    companyName: profile.companyName,
    culture: profile.culture,
    defaultAddress: Object.fromEntries(
      addressFieldNames.map((field) => [field, address[field] ?? '']),
    ) as BillingFormValues['defaultAddress'],
  };
}

export function flatBillingValues(values: BillingFormValues): Record<BillingField, string> {
  return flatten(values) as Record<BillingField, string>;
}

export function billingValuesFromFlat(flat: Readonly<FlatValues>): BillingFormValues {
  const value = (field: BillingField) => flat[field] ?? '';
  return {
    firstName: value('firstName'),
    lastName: value('lastName'),
    email: value('email'),
    companyName: value('companyName'),
    culture: value('culture'),
    defaultAddress: Object.fromEntries(
      addressFieldNames.map((field) => [field, value(`defaultAddress.${field}`)]),
    ) as BillingFormValues['defaultAddress'],
  };
}

const contactLabels: Readonly<Record<ContactField, string>> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  companyName: 'Company name',
  culture: 'Culture',
};

/** The field's label as the form and the detail view show it, in the address's country. */
export function billingFieldLabel(
  field: BillingField,
  country: string,
  rules: CountryValidationRules | undefined,
): string {
  if (!field.startsWith('defaultAddress.')) return contactLabels[field as ContactField];
  const name = field.slice('defaultAddress.'.length) as AddressFieldName;
  const label = addressFieldLabel(name, addressRules(country, rules));
  // The contact's names appear twice, in the billing contact and at the address.
  return name === 'firstName' || name === 'middleName' || name === 'lastName'
    ? `${label} (address)`
    : label;
}

/**
 * The PUT's body: the latest profile Partner Center gave (so fields the portal does not model
 * survive), with the user's changed fields in the form the schema normalised them to. A cleared
 * field is left out, which is how a PUT that replaces the whole resource clears it.
 */
export function profileToSend(
  latest: BillingProfile,
  output: BillingProfileFormOutput,
  changed: readonly BillingField[],
): BillingProfile {
  const addressKeys = changed.flatMap((field) =>
    field.startsWith('defaultAddress.') ? [field.slice('defaultAddress.'.length)] : [],
  );
  const contactKeys = changed.filter((field) => !field.startsWith('defaultAddress.'));
  const defaultAddress = withChanges(latest.defaultAddress, output.defaultAddress, addressKeys);
  const profile = {
    ...withChanges(latest, output, contactKeys),
    defaultAddress,
  } as BillingProfile;
  // Partner Center takes the culture's two-letter language beside it.
  if (changed.includes('culture')) profile.language = languageOfCulture(profile.culture);
  return profile;
}

/** `target` with each of `keys` set from `source`, or left out where `source` has none. */
function withChanges<T extends object>(target: T, source: object, keys: readonly string[]): T {
  const values = source as Record<string, unknown>;
  const cleared = new Set(keys.filter((key) => values[key] === undefined || values[key] === ''));
  const next = { ...target } as Record<string, unknown>;
  for (const key of keys) if (!cleared.has(key)) next[key] = values[key];
  return Object.fromEntries(Object.entries(next).filter(([key]) => !cleared.has(key))) as T;
}
