import type { CountryValidationRules } from '@/api/partner-center/resources';
import { addressRules } from '@/countries/addresses';
import { registrationNumberRule } from '@/countries/registration-numbers';
import { addressFieldLabel, type AddressFieldName } from '@/forms/address-labels';
import type { OnboardingField } from '@/features/onboarding/model/onboarding-steps';

const fixedLabels: Partial<Record<OnboardingField, string>> = {
  associatedPartner: 'Reseller',
  'billingProfile.defaultAddress.country': 'Country',
  'billingProfile.companyName': 'Legal company name',
  'companyProfile.domain': 'Domain prefix',
  'billingProfile.firstName': 'First name',
  'billingProfile.lastName': 'Last name',
  'billingProfile.email': 'Email',
  'billingProfile.culture': 'Culture',
  enableGDAPByDefault: 'Default GDAP access',
  'agreement.accepted': 'Customer Agreement accepted',
  'agreement.dateAgreed': 'Date accepted',
  'agreement.firstName': 'First name (agreement contact)',
  'agreement.lastName': 'Last name (agreement contact)',
  'agreement.email': 'Email (agreement contact)',
  'agreement.phoneNumber': 'Phone number (agreement contact)',
};

/** A field's label as its step shows it, in the customer's country's words. */
export function onboardingFieldLabel(
  field: OnboardingField,
  country: string,
  rules: CountryValidationRules | undefined,
): string {
  if (field === 'companyProfile.organizationRegistrationNumber') {
    const rule = registrationNumberRule(country);
    return rule ? `Registration number (${rule.label})` : 'Registration number';
  }
  const fixed = fixedLabels[field];
  if (fixed) return fixed;
  const name = field.slice('billingProfile.defaultAddress.'.length) as AddressFieldName;
  return addressFieldLabel(name, addressRules(country, rules));
}
