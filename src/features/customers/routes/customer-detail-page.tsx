import {
  Body1,
  Skeleton,
  SkeletonItem,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { getRouteApi } from '@tanstack/react-router';
import { useBillingProfile } from '@/api/partner-center/get-billing-profile';
import { useCompanyProfile } from '@/api/partner-center/get-company-profile';
import { useCustomer } from '@/api/partner-center/get-customer';
import type { Customer } from '@/api/partner-center/resources';
import { useDocumentTitle } from '@/components/use-document-title';
import {
  BillingEditAction,
  UnsavedBillingNotice,
} from '@/features/customers/components/customer-detail/billing-actions';
import { BillingProfileDetails } from '@/features/customers/components/customer-detail/billing-profile-section';
import { CompanyProfileDetails } from '@/features/customers/components/customer-detail/company-profile-section';
import { CustomerSection } from '@/features/customers/components/customer-detail/customer-section';
import { LimitWaitNotice } from '@/features/customers/components/customer-detail/limit-wait-notice';
import { QueriedSection } from '@/features/customers/components/customer-detail/queried-section';
import { CustomerBreadcrumb } from '@/features/customers/components/customer-breadcrumb';
import { RequestProblem } from '@/features/customers/components/request-problem';

const route = getRouteApi('/_authenticated/customers/$customerId');

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL, alignContent: 'start', minWidth: 0 },
  header: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  // Partner Center allows long names without spaces: they wrap instead of widening the page.
  title: { margin: 0, overflowWrap: 'anywhere' },
  subtitle: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  sections: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 30rem), 1fr))',
    alignItems: 'start',
  },
  loading: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  spinner: { justifySelf: 'start' },
  skeleton: { display: 'grid', gap: tokens.spacingVerticalS },
});

/** What a customer is called: old tenants may have no company name, but always a domain. */
function displayName(customer: Customer): string {
  return customer.companyProfile.companyName.trim() || customer.companyProfile.domain;
}

function Loading() {
  const styles = useStyles();
  return (
    <div className={styles.loading}>
      <Spinner
        className={styles.spinner}
        size="small"
        labelPosition="after"
        label="Loading customer…"
      />
      <LimitWaitNotice />
      <Skeleton className={styles.skeleton} aria-hidden="true">
        <SkeletonItem size={24} />
        <SkeletonItem size={16} />
        <SkeletonItem size={16} />
        <SkeletonItem size={16} />
      </Skeleton>
    </div>
  );
}

export function CustomerDetailPage() {
  const styles = useStyles();
  const { customerId } = route.useParams();
  const customer = useCustomer(customerId);
  const company = useCompanyProfile(customerId);
  const billing = useBillingProfile(customerId);
  const loaded = customer.data;
  useDocumentTitle(loaded ? displayName(loaded) : 'Customer');

  const retryAll = () => {
    void customer.refetch();
    // The profiles failed for the same reason as likely as not; the ones that worked stay.
    if (company.isError) void company.refetch();
    if (billing.isError) void billing.refetch();
  };

  if (!loaded) {
    const waiting = customer.fetchStatus === 'fetching' || !customer.isError;
    const offline = customer.fetchStatus === 'paused';
    return (
      <section className={styles.page} aria-labelledby="customer-title">
        <CustomerBreadcrumb current="Customer" />
        <Title2 as="h1" id="customer-title" className={styles.title}>
          Customer
        </Title2>
        {offline || !waiting ? (
          <RequestProblem error={customer.error} onRetry={retryAll} subject="the customer" />
        ) : (
          <Loading />
        )}
      </section>
    );
  }

  const name = displayName(loaded);
  return (
    <section className={styles.page} aria-labelledby="customer-title">
      <CustomerBreadcrumb current={<bdi>{name}</bdi>} />
      <header className={styles.header}>
        <Title2 as="h1" id="customer-title" className={styles.title}>
          <bdi>{name}</bdi>
        </Title2>
        <Body1 className={styles.subtitle}>
          <bdi>{loaded.companyProfile.domain}</bdi>
        </Body1>
      </header>
      <UnsavedBillingNotice customerId={customerId} />
      {customer.isError && (
        <RequestProblem
          error={customer.error}
          onRetry={retryAll}
          subject="the latest version of the customer"
        />
      )}
      <div className={styles.sections}>
        <CustomerSection customer={loaded} />
        <QueriedSection
          title="Company profile"
          subject="the company profile"
          query={company}
          fallback={loaded.companyProfile}
        >
          {(profile) => (
            <CompanyProfileDetails
              profile={profile}
              allowDelegatedAccess={loaded.allowDelegatedAccess}
            />
          )}
        </QueriedSection>
        <QueriedSection
          title="Billing profile"
          subject="the billing profile"
          query={billing}
          fallback={loaded.billingProfile}
          actions={<BillingEditAction customerId={customerId} />}
        >
          {(profile) => <BillingProfileDetails profile={profile} />}
        </QueriedSection>
      </div>
    </section>
  );
}
