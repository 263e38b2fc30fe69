import { useEffect } from 'react';
import type { FieldPath } from 'react-hook-form';
import type { OnboardingValues } from '@/features/onboarding/model/onboarding-values';
import type { OnboardingForm } from '@/features/onboarding/steps/step-props';

const LIVE = 'live';

/**
 * Checks a field as it is typed, not only once it is left: for the fields whose rules the user
 * should meet while typing (a registration number's check digits, the company-name rules).
 * The field's own rule only, not the form's resolver: a keystroke must stay within a frame, and
 * the whole form's schema (addresses, phones) has nothing to say about this one field. The form
 * is told only when the verdict changes.
 */
export function useLiveCheck(
  form: OnboardingForm,
  name: FieldPath<OnboardingValues>,
  /** The field's problem as it stands now (computed by the field, which renders it anyway). */
  problem: string | undefined,
) {
  const { setError, clearErrors, getFieldState } = form;
  useEffect(() => {
    const shown = getFieldState(name).error;
    if (problem) {
      if (shown?.message !== problem) setError(name, { type: LIVE, message: problem });
    } else if (shown?.type === LIVE) {
      clearErrors(name);
    }
  }, [problem, name, setError, clearErrors, getFieldState]);
}
