import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { getRouteApi } from '@tanstack/react-router';
import { useDocumentTitle } from '@/components/use-document-title';

const route = getRouteApi('/_authenticated/customers/$customerId');

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalM },
});

export function CustomerDetailPage() {
  const styles = useStyles();
  const { customerId } = route.useParams();
  useDocumentTitle('Customer');
  return (
    <section className={styles.page} aria-labelledby="customer-title">
      <Title2 as="h1" id="customer-title">
        Customer
      </Title2>
      {/* Rendered as text: ids come from the URL and are never trusted as markup. */}
      <Body1>Customer {customerId}</Body1>
    </section>
  );
}
