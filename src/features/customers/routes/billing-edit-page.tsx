import {
  Body1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { getRouteApi } from '@tanstack/react-router';
import { useBillingProfile } from '@/api/partner-center/get-billing-profile';
import { useCustomer } from '@/api/partner-center/get-customer';
import type { Customer } from '@/api/partner-center/resources';
import { useMay } from '@/auth/current-user';
import { whoMay } from '@/auth/permissions';
import { useDocumentTitle } from '@/components/use-document-title';
import { BillingContactForm } from '@/features/customers/billing/billing-contact-form';
import { BillingProfileDetails } from '@/features/customers/components/customer-detail/billing-profile-section';
import { LimitWaitNotice } from '@/features/customers/components/customer-detail/limit-wait-notice';
import { CustomerBreadcrumb } from '@/features/customers/components/customer-breadcrumb';
import { RequestProblem } from '@/features/customers/components/request-problem';

const route = getRouteApi('/_authenticated/customers/$customerId/billing');

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL, alignContent: 'start', minWidth: 0 },
  header: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { margin: 0, overflowWrap: 'anywhere' },
  subtitle: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  readOnly: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  loading: { justifySelf: 'start' },
});

function nameOf(customer: Customer | undefined): string | undefined {
  if (!customer) return undefined;
  return customer.companyProfile.companyName.trim() || customer.companyProfile.domain;
}

/** `/customers/$customerId/billing`: the billing contact editor, or who may edit it. */
export function BillingEditPage() {
  const styles = useStyles();
  const { customerId } = route.useParams();
  const customer = useCustomer(customerId);
  const billing = useBillingProfile(customerId);
  const mayEdit = useMay('editBilling');
  const name = nameOf(customer.data);
  useDocumentTitle(name ? `Billing contact · ${name}` : 'Billing contact');

  let body;
  if (billing.data && customer.data) {
    body = mayEdit ? (
      // Keyed by customer: another customer's editor starts from its own profile and draft.
      <BillingContactForm key={customerId} customer={customer.data} profile={billing.data} />
    ) : (
      <div className={styles.readOnly}>
        <MessageBar intent="info" data-testid="billing-read-only">
          <MessageBarBody>
            Your partner role can view this billing contact but not change it.{' '}
            {whoMay('editBilling')} can edit billing contacts.
          </MessageBarBody>
        </MessageBar>
        <BillingProfileDetails profile={billing.data} />
      </div>
    );
  } else if (billing.isError || customer.isError) {
    body = (
      <RequestProblem
        error={billing.error ?? customer.error}
        onRetry={() => {
          if (customer.isError) void customer.refetch();
          if (billing.isError) void billing.refetch();
        }}
        subject="the billing contact"
      />
    );
  } else {
    body = (
      <>
        <Spinner
          className={styles.loading}
          size="small"
          labelPosition="after"
          label="Loading the billing contact…"
        />
        <LimitWaitNotice />
      </>
    );
  }

  return (
    <section className={styles.page} aria-labelledby="billing-title">
      <CustomerBreadcrumb
        current="Billing contact"
        customer={{ id: customerId, name: <bdi>{name ?? 'Customer'}</bdi> }}
      />
      <header className={styles.header}>
        <Title2 as="h1" id="billing-title" className={styles.title}>
          {mayEdit ? 'Edit billing contact' : 'Billing contact'}
        </Title2>
        {name && (
          <Body1 className={styles.subtitle}>
            <bdi>{name}</bdi>
          </Body1>
        )}
      </header>
      {body}
    </section>
  );
}
