import type { IPublicClientApplication } from '@azure/msal-browser';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  stripSearchParams,
} from '@tanstack/react-router';
import type { PartnerCenterClient } from '@/api/partner-center/partner-center-client';
import { acquireAccessToken } from '@/auth/access-token';
import { signInSearchSchema } from '@/auth/redirect-target';
import type { RuntimeConfig } from '@/config/runtime-config';
import {
  customersSearchSchema,
  defaultCustomersSearch,
} from '@/features/customers/list/customers-search';
import { newCustomerSearchSchema } from '@/features/onboarding/new-customer-search';
import { AppShell } from './layout/app-shell';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';

/*
 * Pages load on demand: the sign-in page and the shell come first, and the router fetches a
 * page's code while the session is checked (or when a link is hovered), so nobody waits for
 * the onboarding forms to read the customer list.
 */
const CustomersPage = lazyRouteComponent(
  () => import('@/features/customers/routes/customers-page'),
  'CustomersPage',
);
const CustomerDetailPage = lazyRouteComponent(
  () => import('@/features/customers/routes/customer-detail-page'),
  'CustomerDetailPage',
);
const BillingEditPage = lazyRouteComponent(
  () => import('@/features/customers/routes/billing-edit-page'),
  'BillingEditPage',
);
// Only a signed-out visit needs the sign-in page; a signed-in one goes straight to the shell.
const SignInRoute = lazyRouteComponent(() => import('./routes/sign-in-route'), 'SignInRoute');
const NewCustomerRoute = lazyRouteComponent(
  () => import('./routes/new-customer-route'),
  'NewCustomerRoute',
);

/** Each address's page, to start loading its code before the router exists (preloadPageCode). */
const pagesByPath: [RegExp, { preload?: () => Promise<void> | undefined }][] = [
  [/^\/(customers\/?)?$/, CustomersPage],
  [/^\/customers\/new\/?$/, NewCustomerRoute],
  [/^\/customers\/[^/]+\/billing\/?$/, BillingEditPage],
  [/^\/customers\/[^/]+\/?$/, CustomerDetailPage],
  [/^\/sign-in\/?$/, SignInRoute],
];

/**
 * Starts loading the code of the page at `pathname` while the app still starts. The router
 * would ask for it only once the session is proved, and that made the shell wait ~50 ms more
 * for it on every reload. A page that cannot load now is loaded (or fails) as usual later.
 */
export function preloadPageCode(pathname: string): void {
  const page = pagesByPath.find(([path]) => path.test(pathname))?.[1];
  page?.preload?.()?.catch(() => undefined);
}

export interface RouterContext {
  msal: IPublicClientApplication;
  config: RuntimeConfig;
  queryClient: QueryClient;
  partnerCenter: PartnerCenterClient;
  redirectError: Error | undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: signInSearchSchema,
  beforeLoad: ({ context, search }) => {
    if (context.msal.getActiveAccount()) {
      throw redirect({ href: search.redirect ?? '/customers', replace: true });
    }
  },
  component: SignInRoute,
});

/**
 * How long a first sign-in's shell waits for the list's first page: Partner Center's own answer
 * often takes longer, and then the shell shows first, as it would have.
 */
const FIRST_PAGE_WAIT_MS = 100;

/** The list is loaded into memory once a page load; later visits to it keep that copy. */
let listPrefetched = false;

/** Everything below needs a signed-in user with a token that still renews. */
const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_authenticated',
  beforeLoad: async ({ context, location, cause }) => {
    const account = context.msal.getActiveAccount();
    if (!account) {
      throw redirect({ to: '/sign-in', search: { redirect: location.href }, replace: true });
    }
    // Moving within the signed-in pages (a keystroke in the search box, opening a customer) does
    // not prove the session again: every Partner Center call gets its own token anyway, and
    // offline a renewal could only fail and stop the loaded list from being searched.
    if (cause === 'stay') return;
    // The customer list's first screen is read while the token is proved, not after it. Its
    // module is imported here rather than at the top so that the first screen's code stays
    // small: it arrives while MSAL is still busy.
    const firstScreen =
      location.pathname === '/customers'
        ? import('@/features/customers/list/customer-list-cache')
            .then((cache) => {
              const read = cache.prefetchFirstScreen(cache.customerListCacheKey(account), {
                withList: !listPrefetched,
              });
              listPrefetched = true;
              return read;
            })
            // A module that cannot load (offline, not yet cached) only skips the head start:
            // the page reads the saved list itself.
            .catch(() => undefined)
        : undefined;
    // Proves the session is alive (renewing the token if it is near expiry) before the shell
    // shows, and warms the cache for the first Partner Center call.
    await acquireAccessToken(context.msal, context.config, account);
    // With nothing saved here to show first, the list's first page is asked for now, and the
    // shell waits a moment for its rows too.
    if (location.pathname === '/customers') {
      await import('@/features/customers/list/customer-list-store')
        .then((list) =>
          list.startCustomerListAhead(context.partnerCenter, account, FIRST_PAGE_WAIT_MS),
        )
        .catch(() => undefined);
    }
    // The shell waits for the first screen, read meanwhile, so that both paint in one frame;
    // prefetchFirstScreen bounds the wait, so a slow or blocked IndexedDB never holds it long.
    await firstScreen;
  },
  component: AppShell,
});

const indexRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/customers', replace: true });
  },
});

const customersRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/customers',
  validateSearch: customersSearchSchema,
  // Default values stay out of the URL, so a plain /customers link stays plain.
  search: { middlewares: [stripSearchParams(defaultCustomersSearch)] },
  component: CustomersPage,
});

const newCustomerRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/customers/new',
  validateSearch: newCustomerSearchSchema,
  component: NewCustomerRoute,
});

const customerDetailRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/customers/$customerId',
  component: CustomerDetailPage,
});

const billingEditRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/customers/$customerId/billing',
  component: BillingEditPage,
});

/** Unknown addresses: signed-in users see "not found" inside the shell, others sign in first. */
const notFoundRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '$',
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  authenticatedRoute.addChildren([
    indexRoute,
    customersRoute,
    newCustomerRoute,
    customerDetailRoute,
    billingEditRoute,
    notFoundRoute,
  ]),
]);

export function createAppRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    defaultErrorComponent: RouteErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
