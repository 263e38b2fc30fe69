import { Body1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { checkCompanyName, COMPANY_NAME_GUIDANCE } from '@/countries/company-name-rules';
import { defaultCulture } from '@/countries/cultures';
import { valuesForCountry } from '@/forms/country-change';
import { CountryField } from '@/forms/country-field';
import { TextField } from '@/forms/text-field';
import { useFieldsetStyles } from '@/forms/use-fieldset-styles';
import { useLiveCheck } from '@/features/onboarding/hooks/use-live-check';
import { RegistrationNumberField } from '@/features/onboarding/steps/registration-number-field';
import { ONBOARDING_FORM_ID, type StepProps } from '@/features/onboarding/steps/step-props';

const useStyles = makeStyles({
  warnings: { display: 'grid', gap: tokens.spacingVerticalXS },
});

/**
 * Partner Center's rules for the name as typed: its refusal on the field, its warnings below it.
 * On their own, so that a keystroke re-renders this and the field, not the step.
 */
function CompanyNameCheck(props: { form: StepProps['form'] }) {
  const styles = useStyles();
  const name = useWatch({ control: props.form.control, name: 'billingProfile.companyName' });
  // Empty stays quiet until the field is left, so a field just reached is not already red.
  const check = name.trim() ? checkCompanyName(name) : undefined;
  useLiveCheck(props.form, 'billingProfile.companyName', check?.refusal);
  const warnings = check?.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="company-name-warning">
      <MessageBarBody className={styles.warnings}>
        {warnings.map((warning) => (
          <Body1 key={warning}>{warning}</Body1>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Step 2: where the company is and what it is legally called (and its tax ID where required). */
export function CompanyStep(props: StepProps) {
  const groups = useFieldsetStyles();
  const { form } = props;
  // The same element while the form is: the picker and its 240 options re-render only when its
  // own value changes, not with every render of the step around it.
  const countryField = useMemo(
    () => (
      <CountryField
        formId={ONBOARDING_FORM_ID}
        control={form.control}
        name="billingProfile.defaultAddress.country"
        hint="Where the company is registered: its address, tax ID and phone follow this country."
        onCountryChange={(country) => {
          const next = valuesForCountry(
            {
              state: form.getValues('billingProfile.defaultAddress.state'),
              culture: form.getValues('billingProfile.culture'),
            },
            country,
          );
          form.setValue('billingProfile.defaultAddress.state', next.state);
          // A culture nobody chose follows the country (a Polish company gets pl-PL); one the
          // user picked stays where the new country supports it.
          const chosen = form.getFieldState('billingProfile.culture').isDirty;
          const culture = chosen ? next.culture : defaultCulture(country);
          if (culture !== undefined) form.setValue('billingProfile.culture', culture);
          // What was right for the old country is checked again for the new one.
          const touched = form.getFieldState('companyProfile.organizationRegistrationNumber');
          if (touched.isTouched || touched.isDirty) {
            void form.trigger('companyProfile.organizationRegistrationNumber');
          }
        }}
      />
    ),
    [form],
  );
  return (
    <fieldset className={groups.fieldset}>
      {/* The step's heading says it; the legend names the group for screen readers. */}
      <legend className={groups.hiddenLegend}>Company</legend>
      {countryField}
      <TextField
        formId={ONBOARDING_FORM_ID}
        control={form.control}
        name="billingProfile.companyName"
        label="Legal company name"
        required
        autoComplete="organization"
        hint={COMPANY_NAME_GUIDANCE}
      />
      <CompanyNameCheck form={form} />
      <RegistrationNumberField form={form} country={props.country} />
    </fieldset>
  );
}
