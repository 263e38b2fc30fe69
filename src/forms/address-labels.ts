import type { AddressRules } from '@/countries/addresses';

/** Every field of Partner Center's Address. */
export const addressFieldNames = [
  'country',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'city',
  'district',
  'state',
  'postalCode',
  'region',
  'firstName',
  'middleName',
  'lastName',
  'phoneNumber',
] as const;
export type AddressFieldName = (typeof addressFieldNames)[number];

/**
 * What each address field is called in the address's country (a Polish address has a postal
 * code, an American a ZIP code, a Russian an oblast): the same words in the form, the detail
 * view, the error summary and the list of changes, so a field is found by one name everywhere.
 */
export function addressFieldLabel(field: AddressFieldName, rules: AddressRules): string {
  switch (field) {
    case 'country':
      return 'Country';
    case 'addressLine1':
      return 'Address line 1';
    case 'addressLine2':
      return 'Address line 2';
    case 'addressLine3':
      return 'Address line 3';
    case 'city':
      return rules.cityLabel;
    case 'district':
      return rules.districtLabel;
    case 'state':
      return rules.stateLabel;
    case 'postalCode':
      return rules.postalCodeLabel;
    case 'region':
      return 'Region';
    case 'firstName':
      return 'First name';
    case 'middleName':
      return 'Middle name';
    case 'lastName':
      return 'Last name';
    case 'phoneNumber':
      return 'Phone number';
  }
}
