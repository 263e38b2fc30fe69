import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useDocumentTitle } from '@/components/use-document-title';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalM },
});

export function CustomersPage() {
  const styles = useStyles();
  useDocumentTitle('Customers');
  return (
    <section className={styles.page} aria-labelledby="customers-title">
      <Title2 as="h1" id="customers-title">
        Customers
      </Title2>
      <Body1>The customer list will appear here.</Body1>
    </section>
  );
}
