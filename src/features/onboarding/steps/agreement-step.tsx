import { Body1, Field, Input, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useController, useWatch } from 'react-hook-form';
import { useAgreementTemplate } from '@/api/partner-center/get-agreement-template';
import { CheckboxField } from '@/forms/checkbox-field';
import { fieldId } from '@/forms/field-id';
import { TextField } from '@/forms/text-field';
import { useFieldsetStyles } from '@/forms/use-fieldset-styles';
import { todayIso } from '@/features/onboarding/model/today';
import { ONBOARDING_FORM_ID, type StepProps } from '@/features/onboarding/steps/step-props';

const useStyles = makeStyles({
  explain: { color: tokens.colorNeutralForeground2 },
  date: { maxWidth: '14rem' },
});

const AGREEMENT_PAGE = 'https://www.microsoft.com/licensing/docs/customeragreement';

function DateAgreedField(props: StepProps) {
  const styles = useStyles();
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control: props.form.control, name: 'agreement.dateAgreed' });
  const error = fieldState.error?.message;
  return (
    <Field
      className={styles.date}
      label="Date the customer accepted it"
      required
      hint="Today or earlier."
      validationState={error ? 'error' : 'none'}
      validationMessage={error}
    >
      <Input
        id={fieldId(ONBOARDING_FORM_ID, 'agreement.dateAgreed')}
        ref={ref}
        type="date"
        max={todayIso()}
        value={value}
        onChange={(_event, data) => onChange(data.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

/**
 * Step 6, in the global cloud only: the attestation that the customer accepted the Microsoft
 * Customer Agreement, when, and who accepted it (the billing contact unless said otherwise).
 */
export function AgreementStep(props: StepProps) {
  const styles = useStyles();
  const groups = useFieldsetStyles();
  const { form } = props;
  const template = useAgreementTemplate();
  const contactIsBilling = useWatch({ control: form.control, name: 'agreement.contactIsBilling' });
  const link = template.data?.agreementLink ?? AGREEMENT_PAGE;
  return (
    <>
      <fieldset className={groups.fieldset}>
        <legend className={groups.legend}>Microsoft Customer Agreement</legend>
        <Body1 className={styles.explain}>
          Partner Center needs your word that the customer has accepted the{' '}
          <Link href={link} target="_blank" rel="noreferrer">
            Microsoft Customer Agreement
          </Link>{' '}
          before it can buy through you.
        </Body1>
        <CheckboxField
          formId={ONBOARDING_FORM_ID}
          control={form.control}
          name="agreement.accepted"
          required
          label="The customer has accepted the Microsoft Customer Agreement"
        />
        <DateAgreedField {...props} />
      </fieldset>
      <fieldset className={groups.fieldset}>
        <legend className={groups.legend}>Who accepted it</legend>
        <CheckboxField
          formId={ONBOARDING_FORM_ID}
          control={form.control}
          name="agreement.contactIsBilling"
          label="The billing contact accepted it"
        />
        {!contactIsBilling && (
          <>
            <div className={groups.row}>
              <TextField
                formId={ONBOARDING_FORM_ID}
                control={form.control}
                name="agreement.firstName"
                label="First name"
                required
              />
              <TextField
                formId={ONBOARDING_FORM_ID}
                control={form.control}
                name="agreement.lastName"
                label="Last name"
                required
              />
            </div>
            <TextField
              formId={ONBOARDING_FORM_ID}
              control={form.control}
              name="agreement.email"
              label="Email"
              type="email"
              required
            />
            <TextField
              formId={ONBOARDING_FORM_ID}
              control={form.control}
              name="agreement.phoneNumber"
              label="Phone number"
              type="tel"
            />
          </>
        )}
      </fieldset>
    </>
  );
}
