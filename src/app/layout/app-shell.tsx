import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useCurrentUser } from '@/auth/current-user';
import { useLastCustomersSearch } from '@/features/customers/list/last-customers-search';
import { ApiStatus } from './api-status';
import { SignOutButton } from './sign-out-button';
import { useRuntimeConfig } from '@/config/runtime-config-context';

/**
 * One of the border's longhands on all four sides. Griffel's own `shorthands` helpers (which
 * Griffel has deprecated) come as one object, and would bring every one of them, ~4 KiB, into
 * the code every page loads first, for these three badges.
 */
function border<P extends 'Width' | 'Style' | 'Color', V extends string>(part: P, value: V) {
  return {
    [`borderTop${part}`]: value,
    [`borderRight${part}`]: value,
    [`borderBottom${part}`]: value,
    [`borderLeft${part}`]: value,
  } as Record<`border${'Top' | 'Right' | 'Bottom' | 'Left'}${P}`, V>;
}

const useStyles = makeStyles({
  // Two initials in a circle, as Fluent's Avatar draws them: the Avatar itself (with its image,
  // presence and colour machinery) would add several kilobytes to every page for this.
  initials: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    width: '32px',
    height: '32px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground6,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  // Fluent's Badge, as its tint and outline appearances draw one: the Badge component would add
  // ~2 KiB (gzip) to the code every page loads first, for two words of text.
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    flexShrink: 0,
    minHeight: '20px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    ...border('Width', tokens.strokeWidthThin),
    ...border('Style', 'solid'),
    ...border('Color', tokens.colorNeutralStroke2),
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  brandBadge: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    ...border('Color', tokens.colorBrandStroke2),
  },
  warningBadge: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
    ...border('Color', tokens.colorPaletteDarkOrangeBorder1),
  },
  root: {
    minHeight: '100vh',
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  skipLink: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    ':focus': {
      left: tokens.spacingHorizontalM,
      top: tokens.spacingVerticalS,
      zIndex: 10,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
    },
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  product: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
  },
  nav: { flexGrow: 1 },
  navList: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  navLink: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      color: tokens.colorNeutralForeground1,
    },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  navLinkActive: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground2,
  },
  account: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  identity: { display: 'grid', lineHeight: tokens.lineHeightBase200 },
  main: {
    padding: tokens.spacingHorizontalXL,
    minWidth: 0,
  },
});

function useActiveSection(): 'customers' | 'new' | undefined {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  if (pathname === '/customers/new') return 'new';
  if (pathname === '/customers' || pathname.startsWith('/customers/')) return 'customers';
  return undefined;
}

/** "Adele Vance" → "AV", as Fluent's Avatar shows it. */
function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : words;
  return letters.map((word) => [...(word ?? '')][0]?.toUpperCase() ?? '').join('');
}

export function AppShell() {
  const styles = useStyles();
  const user = useCurrentUser();
  const config = useRuntimeConfig();
  const active = useActiveSection();
  // "Customers" returns to the list as it was last shown: search, filters, sort and columns.
  const lastCustomersSearch = useLastCustomersSearch();

  const role = user?.roles.length ? user.roles.join(', ') : 'No partner role';

  return (
    <div className={styles.root}>
      <a className={styles.skipLink} href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <Link to="/customers" className={styles.product}>
          Partner Customers Portal
        </Link>
        <nav aria-label="Main" className={styles.nav}>
          <ul className={styles.navList}>
            <li>
              <Link
                to="/customers"
                search={lastCustomersSearch}
                className={mergeClasses(
                  styles.navLink,
                  active === 'customers' && styles.navLinkActive,
                )}
                aria-current={active === 'customers' ? 'page' : undefined}
                activeOptions={{ exact: true }}
              >
                Customers
              </Link>
            </li>
            <li>
              <Link
                to="/customers/new"
                className={mergeClasses(styles.navLink, active === 'new' && styles.navLinkActive)}
                aria-current={active === 'new' ? 'page' : undefined}
              >
                New customer
              </Link>
            </li>
          </ul>
        </nav>
        {user && <ApiStatus />}
        {user && (
          <section className={styles.account} aria-label="Signed-in account">
            <span className={styles.initials} aria-hidden="true">
              {initialsOf(user.name)}
            </span>
            <div className={styles.identity}>
              <Text weight="semibold" data-testid="user-name">
                {user.name}
              </Text>
              <Caption1 data-testid="tenant-name" title={`Tenant ${user.tenantId}`}>
                {user.tenantName}
              </Caption1>
            </div>
            <span
              className={mergeClasses(
                styles.badge,
                user.roles.length ? styles.brandBadge : styles.warningBadge,
              )}
              data-testid="partner-role"
            >
              {role}
            </span>
            {config.mode === 'local' && <span className={styles.badge}>Local</span>}
            <SignOutButton />
          </section>
        )}
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
