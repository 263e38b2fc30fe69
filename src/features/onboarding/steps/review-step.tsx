import { Badge, Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import type { PartnerRelationship } from '@/api/partner-center/resources';
import { addressRules } from '@/countries/addresses';
import { countryName } from '@/countries/countries';
import { cultureLabel, languageOfCulture } from '@/countries/cultures';
import { initialDomainOf } from '@/countries/domain-prefix';
import {
  registrationNumberRule,
  validateRegistrationNumber,
} from '@/countries/registration-numbers';
import { addressFieldLabel } from '@/forms/address-labels';
import { DomainStatus } from '@/features/onboarding/steps/domain-step';
import { resellerName } from '@/features/onboarding/steps/reseller-step';
import type { DomainAvailability } from '@/features/onboarding/hooks/use-domain-availability';
import { stepTitles } from '@/features/onboarding/model/onboarding-steps';
import type { StepId } from '@/features/onboarding/model/step-ids';
import { DIRECT_CUSTOMER } from '@/features/onboarding/model/onboarding-values';
import type { StepProps } from '@/features/onboarding/steps/step-props';

const useStyles = makeStyles({
  review: { display: 'grid', gap: tokens.spacingVerticalL },
  group: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    minWidth: 0,
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  heading: { margin: 0 },
  list: { margin: 0, display: 'grid' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, 13rem) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXS} 0`,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  value: {
    margin: 0,
    minWidth: 0,
    overflowWrap: 'anywhere',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  code: { fontFamily: tokens.fontFamilyMonospace },
  none: { color: tokens.colorNeutralForeground3 },
});

function Row(props: { term: string; children: ReactNode; permanent?: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <dt className={styles.term}>{props.term}</dt>
      <dd className={styles.value}>
        {props.children}
        {props.permanent && (
          <Badge appearance="tint" color="warning" size="small">
            Permanent
          </Badge>
        )}
      </dd>
    </div>
  );
}

function Group(props: { step: StepId; onEdit: (step: StepId) => void; children: ReactNode }) {
  const styles = useStyles();
  const title = stepTitles[props.step];
  return (
    <section className={styles.group} aria-label={title}>
      <div className={styles.head}>
        <Subtitle2 as="h3" className={styles.heading}>
          {title}
        </Subtitle2>
        <Button
          appearance="subtle"
          icon={<EditRegular />}
          aria-label={`Edit ${title.toLowerCase()}`}
          onClick={() => props.onEdit(props.step)}
        >
          Edit
        </Button>
      </div>
      <dl className={styles.list}>{props.children}</dl>
    </section>
  );
}

/**
 * Step 7: every value as it will be sent, grouped by the step it was asked on, each group with
 * its way back. The domain and the legal name are marked: they cannot be changed afterwards.
 */
export function ReviewStep(
  props: StepProps & {
    steps: readonly StepId[];
    resellers: readonly PartnerRelationship[];
    availability: DomainAvailability;
    onRetryCheck: () => void;
    onEdit: (step: StepId) => void;
  },
) {
  const styles = useStyles();
  const values = useWatch({ control: props.form.control });
  const { country } = props;
  const rules = addressRules(country, props.pcRules);
  const billing = values.billingProfile ?? {};
  const address = billing.defaultAddress ?? {};
  const text = (value: string | undefined) =>
    value?.trim() ? <bdi>{value}</bdi> : <span className={styles.none}>None</span>;
  const registration = registrationNumberRule(country);
  const registrationValue = values.companyProfile?.organizationRegistrationNumber ?? '';
  const checkedRegistration = registration
    ? validateRegistrationNumber(country, registrationValue)
    : undefined;
  const reseller = props.resellers.find((item) => item.id === values.associatedPartner);
  const agreement = values.agreement ?? {};
  const has = (step: StepId) => props.steps.includes(step);
  return (
    <div className={styles.review}>
      {has('reseller') && (
        <Group step="reseller" onEdit={props.onEdit}>
          <Row term="Buys through" permanent>
            {values.associatedPartner === DIRECT_CUSTOMER ? (
              'Your own direct customer'
            ) : reseller ? (
              <bdi>{resellerName(reseller)}</bdi>
            ) : (
              <span className={styles.none}>Not chosen</span>
            )}
          </Row>
        </Group>
      )}
      <Group step="company" onEdit={props.onEdit}>
        <Row term="Country">{`${countryName(country)} (${country})`}</Row>
        <Row term="Legal company name" permanent>
          {text(billing.companyName)}
        </Row>
        {registration && (
          <Row term={`Registration number (${registration.label})`}>
            <span className={styles.code}>
              {checkedRegistration?.valid ? checkedRegistration.normalized : registrationValue}
            </span>
          </Row>
        )}
      </Group>
      <Group step="domain" onEdit={props.onEdit}>
        <Row term="Domain" permanent>
          <span className={styles.code}>
            {initialDomainOf(values.companyProfile?.domain ?? '')}
          </span>
        </Row>
        <Row term="Availability">
          <DomainStatus availability={props.availability} onRetry={props.onRetryCheck} />
        </Row>
      </Group>
      <Group step="contact" onEdit={props.onEdit}>
        <Row term="Name">{text(`${billing.firstName ?? ''} ${billing.lastName ?? ''}`.trim())}</Row>
        <Row term="Email">{text(billing.email)}</Row>
        {['addressLine1', 'addressLine2', 'addressLine3', ...rules.fieldOrder, 'region']
          .filter((field, index, all) => all.indexOf(field) === index)
          .filter((field) => address[field as keyof typeof address]?.trim())
          .map((field) => (
            <Row key={field} term={addressFieldLabel(field as never, rules)}>
              {text(address[field as keyof typeof address])}
            </Row>
          ))}
        <Row term={addressFieldLabel('phoneNumber', rules)}>{text(address.phoneNumber)}</Row>
      </Group>
      <Group step="preferences" onEdit={props.onEdit}>
        <Row term="Culture">
          {billing.culture ? `${cultureLabel(billing.culture)} (${billing.culture})` : text('')}
        </Row>
        <Row term="Language">{billing.culture ? languageOfCulture(billing.culture) : text('')}</Row>
        <Row term="Default GDAP access">{values.enableGDAPByDefault ? 'Yes' : 'No'}</Row>
      </Group>
      {has('agreement') && (
        <Group step="agreement" onEdit={props.onEdit}>
          <Row term="Accepted">{agreement.accepted ? 'Yes' : 'No'}</Row>
          <Row term="Date accepted">{text(agreement.dateAgreed)}</Row>
          <Row term="Accepted by">
            {agreement.contactIsBilling
              ? text(
                  `${billing.firstName ?? ''} ${billing.lastName ?? ''} (billing contact)`.trim(),
                )
              : text(
                  `${agreement.firstName ?? ''} ${agreement.lastName ?? ''} <${agreement.email ?? ''}>`,
                )}
          </Row>
        </Group>
      )}
    </div>
  );
}
