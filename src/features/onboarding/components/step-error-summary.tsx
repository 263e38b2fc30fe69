import { useFormState, type Control } from 'react-hook-form';
import { ErrorSummary } from '@/forms/error-summary';
import { fieldId } from '@/forms/field-id';
import type { NewCustomerFormOutput } from '@/features/onboarding/model/new-customer-schema';
import { stepFields, type OnboardingField } from '@/features/onboarding/model/onboarding-steps';
import type { StepId } from '@/features/onboarding/model/step-ids';
import type { OnboardingValues } from '@/features/onboarding/model/onboarding-values';
import { ONBOARDING_FORM_ID } from '@/features/onboarding/steps/step-props';

/** Reads a nested error by its field path (`billingProfile.defaultAddress.city`). */
export function errorAt(errors: object, field: string): { message?: string } | undefined {
  let node: unknown = errors;
  for (const part of field.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  return node as { message?: string } | undefined;
}

/**
 * The step's problems, each a link to its field, current as they are fixed. On its own, so
 * that only it re-renders when an error comes or goes, not the whole form.
 */
export function StepErrorSummary(props: {
  control: Control<OnboardingValues, unknown, NewCustomerFormOutput>;
  step: StepId;
  labelOf: (field: OnboardingField) => string;
}) {
  const { errors } = useFormState({ control: props.control });
  const fields = stepFields[props.step] as readonly OnboardingField[];
  const listed = fields.flatMap((field) => {
    const message = errorAt(errors, field)?.message;
    return message
      ? [{ id: fieldId(ONBOARDING_FORM_ID, field), label: props.labelOf(field), message }]
      : [];
  });
  return <ErrorSummary before="going on" errors={listed} />;
}
