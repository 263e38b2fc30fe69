import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError } from '@/api/partner-center/api-error';
import { useDocumentTitle } from '@/components/use-document-title';
import {
  useCustomerCrawl,
  type CustomerCrawl,
} from '@/features/customers/hooks/use-customer-crawl';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalM, alignContent: 'start' },
  progress: { display: 'grid', gap: tokens.spacingVerticalXS, maxWidth: '40rem' },
  progressLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const count = new Intl.NumberFormat();

function progressText(crawl: CustomerCrawl): string {
  const of = crawl.total === undefined ? '' : ` of ${count.format(crawl.total)}`;
  const loaded = `Loaded ${count.format(crawl.loaded)}${of}`;
  switch (crawl.state) {
    case 'loading':
      return `${loaded} · paced by Partner Center’s limit`;
    case 'paused':
      return `${loaded} · paused`;
    case 'failed':
      return `${loaded} · stopped`;
    case 'done':
      return `All ${count.format(crawl.loaded)} customers loaded`;
  }
}

/** Until the customer table arrives, the page loads the whole list and shows its progress. */
export function CustomersPage() {
  const styles = useStyles();
  useDocumentTitle('Customers');
  const crawl = useCustomerCrawl();
  const fraction = crawl.total ? Math.min(1, crawl.loaded / crawl.total) : undefined;
  return (
    <section className={styles.page} aria-labelledby="customers-title">
      <Title2 as="h1" id="customers-title">
        Customers
      </Title2>
      <div className={styles.progress}>
        <div className={styles.progressLine}>
          <Body1 data-testid="crawl-progress" aria-live="polite">
            {progressText(crawl)}
          </Body1>
          {crawl.state === 'loading' && (
            <Button size="small" onClick={crawl.pause}>
              Pause loading
            </Button>
          )}
          {(crawl.state === 'paused' || crawl.state === 'failed') && (
            <Button size="small" onClick={crawl.resume}>
              {crawl.state === 'failed' ? 'Try again' : 'Resume loading'}
            </Button>
          )}
        </div>
        {crawl.state !== 'done' && (
          <ProgressBar
            value={fraction}
            aria-label="Customers loaded"
            thickness="large"
            color={crawl.state === 'failed' ? 'error' : 'brand'}
          />
        )}
      </div>
      {crawl.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The customer list could not be loaded completely.</MessageBarTitle>
            {crawl.error.message}
            {crawl.error instanceof ApiError && crawl.error.correlationId && (
              <Caption1 block>Correlation id for support: {crawl.error.correlationId}</Caption1>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {crawl.customers.length > 0 && (
        <ol className={styles.list} aria-label="First customers">
          {crawl.customers.slice(0, 20).map((customer) => (
            <li key={customer.id}>
              <Body1>{customer.companyProfile.companyName}</Body1>{' '}
              <Caption1>{customer.companyProfile.domain}</Caption1>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
