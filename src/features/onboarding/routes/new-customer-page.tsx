import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useDocumentTitle } from '@/components/use-document-title';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalM },
});

export function NewCustomerPage() {
  const styles = useStyles();
  useDocumentTitle('New customer');
  return (
    <section className={styles.page} aria-labelledby="new-customer-title">
      <Title2 as="h1" id="new-customer-title">
        New customer
      </Title2>
      <Body1>The onboarding form will appear here.</Body1>
    </section>
  );
}
