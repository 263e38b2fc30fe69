import { Field, Input, Link, makeStyles, tokens } from '@fluentui/react-components';
import { addressRules } from '@/countries/addresses';
import { countryName } from '@/countries/countries';
import { AddressBlock } from '@/forms/address-block';
import { fieldId } from '@/forms/field-id';
import { TextField } from '@/forms/text-field';
import { useFieldsetStyles } from '@/forms/use-fieldset-styles';
import { ONBOARDING_FORM_ID, type StepProps } from '@/features/onboarding/steps/step-props';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalXL },
});

/** Step 4: who at the customer gets the bills, and the company's address in its country's shape. */
export function ContactStep(props: StepProps & { onChangeCountry: () => void }) {
  const styles = useStyles();
  const groups = useFieldsetStyles();
  const { form, country } = props;
  const rules = addressRules(country, props.pcRules);
  return (
    <div className={styles.form}>
      <fieldset className={groups.fieldset}>
        <legend className={groups.legend}>Billing contact</legend>
        <div className={groups.row}>
          <TextField
            formId={ONBOARDING_FORM_ID}
            control={form.control}
            name="billingProfile.firstName"
            label="First name"
            required
            autoComplete="off"
          />
          <TextField
            formId={ONBOARDING_FORM_ID}
            control={form.control}
            name="billingProfile.lastName"
            label="Last name"
            required
            autoComplete="off"
          />
        </div>
        <TextField
          formId={ONBOARDING_FORM_ID}
          control={form.control}
          name="billingProfile.email"
          label="Email"
          type="email"
          required
          autoComplete="off"
          hint="Someone at the customer: not a Microsoft address, and not one of your own."
        />
      </fieldset>
      <AddressBlock
        formId={ONBOARDING_FORM_ID}
        control={form.control}
        prefix="billingProfile.defaultAddress"
        legend="Company address"
        rules={rules}
        partnerCenterRules={props.pcRules}
        contactNames={false}
        countryField={
          <Field
            label="Country"
            hint={
              <>
                Chosen with the company: the address, phone and tax ID follow it.{' '}
                <Link as="button" type="button" onClick={props.onChangeCountry}>
                  Change the country
                </Link>
              </>
            }
          >
            <Input
              id={fieldId(ONBOARDING_FORM_ID, 'billingProfile.defaultAddress.country-shown')}
              readOnly
              value={`${countryName(country)} (${country})`}
            />
          </Field>
        }
      />
    </div>
  );
}
