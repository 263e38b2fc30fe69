import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { CheckboxField } from '@/forms/checkbox-field';
import { CultureFields } from '@/forms/culture-fields';
import { useFieldsetStyles } from '@/forms/use-fieldset-styles';
import { ONBOARDING_FORM_ID, type StepProps } from '@/features/onboarding/steps/step-props';

const useStyles = makeStyles({
  explain: { color: tokens.colorNeutralForeground2 },
});

/** Step 5: the customer's culture and language, and whether default GDAP is set up. */
export function PreferencesStep(props: StepProps) {
  const styles = useStyles();
  const groups = useFieldsetStyles();
  const { form } = props;
  return (
    <>
      <fieldset className={groups.fieldset}>
        <legend className={groups.legend}>Culture and language</legend>
        <Body1 className={styles.explain}>
          How Partner Center writes to the customer: dates, numbers and the language of its messages
          and invoices.
        </Body1>
        <div className={groups.row}>
          <CultureFields
            formId={ONBOARDING_FORM_ID}
            control={form.control}
            name="billingProfile.culture"
            country={props.country}
            partnerCenterRules={props.pcRules}
          />
        </div>
      </fieldset>
      <fieldset className={groups.fieldset}>
        <legend className={groups.legend}>Access</legend>
        <CheckboxField
          formId={ONBOARDING_FORM_ID}
          control={form.control}
          name="enableGDAPByDefault"
          label="Set up default GDAP access"
          hint="Creates Microsoft’s default granular delegated admin relationship with the new customer, approved without the customer having to act: your admin agents can then manage the tenant at once, with the roles Microsoft’s default relationship grants, for a limited time. Untick to request access later instead."
        />
      </fieldset>
    </>
  );
}
