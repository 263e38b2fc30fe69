import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useController } from 'react-hook-form';
import {
  registrationNumberRule,
  validateRegistrationNumber,
} from '@/countries/registration-numbers';
import { fieldId } from '@/forms/field-id';
import { useLiveCheck } from '@/features/onboarding/hooks/use-live-check';
import { ONBOARDING_FORM_ID, type OnboardingForm } from '@/features/onboarding/steps/step-props';

const useStyles = makeStyles({
  sent: { fontFamily: tokens.fontFamilyMonospace },
});

const NAME = 'companyProfile.organizationRegistrationNumber';

/**
 * The organization registration number, in the 24 countries that require it: the country's own
 * name for it (INN, NIP, CNPJ, GSTIN…), an example, checked with its check digits as it is
 * typed, and the normalised form that will be sent once it is right.
 */
export function RegistrationNumberField(props: { form: OnboardingForm; country: string }) {
  const styles = useStyles();
  const rule = registrationNumberRule(props.country);
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control: props.form.control, name: NAME });
  // Empty stays quiet until the field is left, so a field just reached is not already red.
  const checked =
    rule && value.trim() ? validateRegistrationNumber(props.country, value) : undefined;
  useLiveCheck(props.form, NAME, checked && !checked.valid ? checked.message : undefined);
  if (!rule) return null;
  const error = fieldState.error?.message;
  const valid = checked?.valid ? checked : undefined;
  return (
    <Field
      label={`Organization registration number (${rule.label})`}
      required
      hint={`The business's tax ID, not a person's: ${rule.description} For example ${rule.example}.`}
      validationState={error ? 'error' : valid ? (valid.warning ? 'warning' : 'success') : 'none'}
      validationMessage={
        error ??
        (valid ? (
          <>
            {valid.warning ? `${valid.warning} ` : 'Valid. '}
            Will be sent as <span className={styles.sent}>{valid.normalized}</span>.
          </>
        ) : undefined)
      }
    >
      <Input
        id={fieldId(ONBOARDING_FORM_ID, NAME)}
        name={NAME}
        ref={ref}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(_event, data) => onChange(data.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}
