import { useEffect } from 'react';
import { useWatch, type FieldPath } from 'react-hook-form';
import type { OnboardingValues } from '@/features/onboarding/model/onboarding-values';
import type { OnboardingForm } from '@/features/onboarding/steps/step-props';

/**
 * Checks a field as it is typed, not only once it is left: for the fields whose rules the user
 * should meet while typing (a registration number's check digits, the company-name rules).
 * Empty stays quiet until the field is left, so a field just reached is not already red.
 */
export function useLiveCheck(form: OnboardingForm, name: FieldPath<OnboardingValues>) {
  const value = useWatch({ control: form.control, name }) as unknown;
  const { trigger } = form;
  useEffect(() => {
    if (typeof value === 'string' && value.trim() !== '') void trigger(name);
  }, [value, name, trigger]);
}
