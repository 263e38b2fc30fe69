import type { UseFormReturn } from 'react-hook-form';
import type { CountryValidationRules } from '@/api/partner-center/resources';
import type { NewCustomerFormOutput } from '@/features/onboarding/model/new-customer-schema';
import type { OnboardingValues } from '@/features/onboarding/model/onboarding-values';

export const ONBOARDING_FORM_ID = 'onboarding';

export type OnboardingForm = UseFormReturn<OnboardingValues, unknown, NewCustomerFormOutput>;

/** What every step gets: the form, and the country the customer is in with its rules. */
export interface StepProps {
  form: OnboardingForm;
  country: string;
  pcRules: CountryValidationRules | undefined;
}
