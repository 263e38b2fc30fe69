import { Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useController } from 'react-hook-form';
import type { PartnerRelationship } from '@/api/partner-center/resources';
import { fieldId } from '@/forms/field-id';
import { useFieldsetStyles } from '@/forms/use-fieldset-styles';
import { DIRECT_CUSTOMER } from '@/features/onboarding/model/onboarding-values';
import { ONBOARDING_FORM_ID, type OnboardingForm } from '@/features/onboarding/steps/step-props';

const useStyles = makeStyles({
  id: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyMonospace,
  },
});

export function resellerName(reseller: PartnerRelationship): string {
  return reseller.name.trim() || reseller.id;
}

/**
 * Step 1, for an indirect provider: which of its resellers the customer buys through, or that it
 * is the provider's own direct customer. Nothing is preselected: Partner Center makes a direct
 * customer when the reseller is left out, so that has to be a choice, never an omission.
 */
export function ResellerStep(props: {
  form: OnboardingForm;
  resellers: readonly PartnerRelationship[];
}) {
  const styles = useStyles();
  const groups = useFieldsetStyles();
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control: props.form.control, name: 'associatedPartner' });
  const error = fieldState.error?.message;
  return (
    <fieldset className={groups.fieldset}>
      {/* The step's heading says it; the legend names the group for screen readers. */}
      <legend className={groups.hiddenLegend}>Reseller</legend>
      <Field
        label="Who does the customer buy through?"
        required
        hint="As an indirect provider you onboard customers for your resellers. The reseller cannot be changed once the customer is created."
        validationState={error ? 'error' : 'none'}
        validationMessage={error}
      >
        <RadioGroup
          id={fieldId(ONBOARDING_FORM_ID, 'associatedPartner')}
          ref={ref}
          value={value}
          onChange={(_event, data) => onChange(data.value)}
          onBlur={onBlur}
        >
          {props.resellers.map((reseller) => (
            <Radio
              key={reseller.id}
              value={reseller.id}
              label={
                <>
                  <bdi>{resellerName(reseller)}</bdi>
                  <span className={styles.id}>{reseller.id}</span>
                </>
              }
            />
          ))}
          <Radio
            value={DIRECT_CUSTOMER}
            label={
              <>
                My own direct customer
                <span className={styles.id}>No reseller: you bill the customer yourself.</span>
              </>
            }
          />
        </RadioGroup>
      </Field>
    </fieldset>
  );
}
