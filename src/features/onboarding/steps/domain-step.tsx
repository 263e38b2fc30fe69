import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  DismissCircle16Filled,
  Warning16Filled,
} from '@fluentui/react-icons';
import { useController, useWatch } from 'react-hook-form';
import {
  ON_MICROSOFT_SUFFIX,
  suggestDomainPrefix,
  toDomainPrefix,
} from '@/countries/domain-prefix';
import { fieldId } from '@/forms/field-id';
import { useFieldsetStyles } from '@/forms/use-fieldset-styles';
import type { DomainAvailability } from '@/features/onboarding/hooks/use-domain-availability';
import { ONBOARDING_FORM_ID, type StepProps } from '@/features/onboarding/steps/step-props';

const useStyles = makeStyles({
  suffix: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  status: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '24px',
    overflowWrap: 'anywhere',
  },
  available: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  taken: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  unknown: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  suggestion: { justifySelf: 'start' },
});

const NAME = 'companyProfile.domain';

/** What the availability check says, in words and an icon; announced as it changes. */
export function DomainStatus(props: { availability: DomainAvailability; onRetry: () => void }) {
  const styles = useStyles();
  const { availability } = props;
  let body;
  switch (availability.state) {
    case 'idle':
      body = null;
      break;
    case 'checking':
      body = (
        <>
          <Spinner size="extra-tiny" aria-hidden />
          Checking whether {availability.domain} is free…
        </>
      );
      break;
    case 'available':
      body = (
        <>
          <CheckmarkCircle16Filled className={styles.available} aria-hidden />
          {availability.domain} is available.
        </>
      );
      break;
    case 'taken':
      body = (
        <>
          <DismissCircle16Filled className={styles.taken} aria-hidden />
          {availability.domain} is already taken: choose another name.
        </>
      );
      break;
    case 'unknown':
      body = (
        <>
          <Warning16Filled className={styles.unknown} aria-hidden />
          Couldn’t check {availability.domain} ({availability.reason}). It is checked again before
          the customer is created.
          <Button size="small" onClick={props.onRetry}>
            Check again
          </Button>
        </>
      );
      break;
  }
  return (
    <div
      className={styles.status}
      role="status"
      data-testid="domain-status"
      data-state={availability.state}
    >
      {body}
    </div>
  );
}

/**
 * Step 3: the tenant's initial domain, `<prefix>.onmicrosoft.com`, suggested from the company
 * name, checked for availability as it is typed. It can never be changed, and the step says so.
 */
export function DomainStep(
  props: StepProps & { availability: DomainAvailability; onRetryCheck: () => void },
) {
  const styles = useStyles();
  const groups = useFieldsetStyles();
  const { form } = props;
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control: form.control, name: NAME });
  const companyName = useWatch({ control: form.control, name: 'billingProfile.companyName' });
  const suggestion = suggestDomainPrefix(companyName);
  const error = fieldState.error?.message;
  return (
    <fieldset className={groups.fieldset}>
      {/* The step's heading says it; the legend names the group for screen readers. */}
      <legend className={groups.hiddenLegend}>Domain</legend>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          The initial domain can never be changed. It becomes the customer’s sign-in names (admin@…)
          and its SharePoint address; the customer can add its own domains later.
        </MessageBarBody>
      </MessageBar>
      <Field
        label="Domain prefix"
        required
        hint={`Lowercase letters a–z and digits, at most 27. ${ON_MICROSOFT_SUFFIX} is added for you.`}
        validationState={error ? 'error' : 'none'}
        validationMessage={error}
      >
        <Input
          id={fieldId(ONBOARDING_FORM_ID, NAME)}
          name={NAME}
          ref={ref}
          autoComplete="off"
          spellCheck={false}
          value={value}
          contentAfter={<span className={styles.suffix}>{ON_MICROSOFT_SUFFIX}</span>}
          onChange={(_event, data) => onChange(data.value.toLowerCase())}
          onBlur={() => {
            const prefix = toDomainPrefix(value);
            if (prefix !== value) onChange(prefix);
            onBlur();
          }}
        />
      </Field>
      {!error && <DomainStatus availability={props.availability} onRetry={props.onRetryCheck} />}
      {suggestion && suggestion !== value && (
        <Button
          className={styles.suggestion}
          onClick={() => form.setValue(NAME, suggestion, { shouldValidate: true })}
        >
          Use {suggestion}
          {ON_MICROSOFT_SUFFIX}
        </Button>
      )}
    </fieldset>
  );
}
