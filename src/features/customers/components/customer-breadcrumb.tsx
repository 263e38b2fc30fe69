import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronRightRegular } from '@fluentui/react-icons';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useLastCustomersSearch } from '@/features/customers/list/last-customers-search';

const useStyles = makeStyles({
  breadcrumb: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    color: tokens.colorNeutralForeground2,
  },
  crumb: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  current: { overflowWrap: 'anywhere' },
  link: {
    color: tokens.colorBrandForegroundLink,
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
  },
});

/**
 * Customers › (the customer ›) current page. "Customers" returns to the list as it was last
 * shown; a customer's name, when given, links to its detail page.
 */
export function CustomerBreadcrumb(props: {
  current: ReactNode;
  customer?: { id: string; name: ReactNode };
}) {
  const styles = useStyles();
  const lastCustomersSearch = useLastCustomersSearch();
  return (
    <nav aria-label="Breadcrumb">
      <ol className={styles.breadcrumb}>
        <li className={styles.crumb}>
          <Link to="/customers" search={lastCustomersSearch} className={styles.link}>
            Customers
          </Link>
          <ChevronRightRegular aria-hidden="true" />
        </li>
        {props.customer && (
          <li className={styles.crumb}>
            <Link
              to="/customers/$customerId"
              params={{ customerId: props.customer.id }}
              className={styles.link}
            >
              {props.customer.name}
            </Link>
            <ChevronRightRegular aria-hidden="true" />
          </li>
        )}
        <li className={styles.crumb} aria-current="page">
          <Caption1 className={styles.current}>{props.current}</Caption1>
        </li>
      </ol>
    </nav>
  );
}
