import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { Link } from '@tanstack/react-router';
import { useDocumentTitle } from '@/components/use-document-title';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL },
});

export function NotFoundPage() {
  const styles = useStyles();
  useDocumentTitle('Page not found');
  return (
    <section className={styles.root} aria-labelledby="not-found-title">
      <Title2 as="h1" id="not-found-title">
        Page not found
      </Title2>
      <Body1>
        There is no page at this address. <Link to="/customers">Go to the customer list</Link>.
      </Body1>
    </section>
  );
}
