/**
 * The route tree, in code: a public sign-in page and everything else behind a layout route that
 * checks the session once per navigation.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { meQuery } from './api/queries';
import { AcceptInvitationPage } from './auth/accept-invitation-page';
import { SignInPage } from './auth/sign-in-page';
import { CustomerCreatePage } from './customers/customer-create-page';
import { CustomerDetailPage } from './customers/customer-detail-page';
import { CustomerListPage } from './customers/customer-list-page';
import { parseCustomerListSearch, type CustomerListSearch } from './customers/list/list-search';
import { ImportPage } from './customers/import/import-page';
import { ContactPage } from './people/contact-page';
import { PoolsPage } from './pools/pools-page';
import { showLocale } from './i18n/i18n';
import { ApiKeysPage } from './settings/api-keys-page';
import { CrmSettingsPage } from './settings/crm-settings-page';
import { JobsPage } from './settings/jobs-page';
import { SETTINGS_TABS, SettingsLayout } from './settings/settings-layout';
import { SourcesPage } from './settings/sources-page';
import { TeamsPage } from './settings/teams-page';
import { UsersPage } from './settings/users-page';
import { AppLayout } from './shell/app-layout';
import { NotFoundPage, RouteErrorView } from './shell/fallback-views';
import { PlaceholderPage } from './shell/placeholder-page';
import { PersonDetailPage } from './touchpoints/person-detail-page';
import { parsePersonsSearch, PersonsPage, type PersonsSearch } from './touchpoints/persons-page';
import { WAREHOUSE_TABS, WarehouseLayout } from './warehouse/warehouse-layout';
import {
  parseLedgerSearch,
  parseOrderPoolSearch,
  parseStockSearch,
  type LedgerSearch,
  type OrderPoolSearch,
  type StockSearch,
} from './warehouse/warehouse-search';
import { parseWeightChecksSearch, type WeightChecksSearch } from './warehouse/weight-checks-search';

/** What every route can reach through `context`. */
export type RouterContext = { queryClient: QueryClient };

/** The search parameters of the sign-in page: where to go afterwards. */
export type SignInSearch = { redirect?: string };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorView,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch =>
    // Only same-site paths, so a crafted link cannot send the user elsewhere after signing in.
    typeof search.redirect === 'string' &&
    search.redirect.startsWith('/') &&
    !search.redirect.startsWith('//')
      ? { redirect: search.redirect }
      : {},
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: '/customers' });
  },
  component: SignInPage,
});

// Public: the invited person may have no account yet; the page offers signing in when they have one.
const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'accept-invitation',
  component: AcceptInvitationPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (me.user.locale) await showLocale(me.user.locale);
    return { me };
  },
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/customers' });
  },
});

const customersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'customers',
  validateSearch: (search: Record<string, unknown>): CustomerListSearch => parseCustomerListSearch(search),
  component: CustomerListPage,
});

const customerCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'customers/new',
  component: CustomerCreatePage,
});

const customerImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'customers/import',
  component: ImportPage,
});

const poolsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'pools',
  component: PoolsPage,
});

const customerDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'customers/$id',
  component: CustomerDetailPage,
});

const contactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'people/$id',
  component: ContactPage,
});

const insightsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'insights',
  // Persons is the only insights page so far; the area's address opens it.
  beforeLoad: () => {
    throw redirect({ to: '/insights/persons' });
  },
});

const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'insights/persons',
  validateSearch: (search: Record<string, unknown>): PersonsSearch => parsePersonsSearch(search),
  component: PersonsPage,
});

const personDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'insights/persons/$id',
  component: PersonDetailPage,
});

const salesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sales',
  component: () => <PlaceholderPage area="sales" />,
});

const warehouseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'warehouse',
  component: WarehouseLayout,
});

const warehouseIndexRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const first = WAREHOUSE_TABS.find((tab) => context.me.permissions.includes(tab.permission));
    throw redirect({ to: first?.value ?? '/warehouse/stock' });
  },
});

const stockRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'stock',
  validateSearch: (search: Record<string, unknown>): StockSearch => parseStockSearch(search),
  // The warehouse pages load on first visit; most users of the CRM never open them.
  component: lazyRouteComponent(() => import('./warehouse/stock-page'), 'StockPage'),
});

const ledgerRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'ledger',
  validateSearch: (search: Record<string, unknown>): LedgerSearch => parseLedgerSearch(search),
  component: lazyRouteComponent(() => import('./warehouse/ledger-page'), 'LedgerPage'),
});

const orderPoolRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'orders',
  validateSearch: (search: Record<string, unknown>): OrderPoolSearch => parseOrderPoolSearch(search),
  component: lazyRouteComponent(() => import('./warehouse/order-pool-page'), 'OrderPoolPage'),
});

const orderRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'orders/$id',
  component: lazyRouteComponent(() => import('./warehouse/order-page'), 'OrderPage'),
});

const scorecardRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'suppliers',
  component: lazyRouteComponent(() => import('./warehouse/scorecard-page'), 'ScorecardPage'),
});

const weightChecksRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'weight-checks',
  validateSearch: (search: Record<string, unknown>): WeightChecksSearch => parseWeightChecksSearch(search),
  component: lazyRouteComponent(() => import('./warehouse/weight-checks-page'), 'WeightChecksPage'),
});

const warehousesRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'warehouses',
  component: lazyRouteComponent(() => import('./warehouse/warehouses-page'), 'WarehousesPage'),
});

const warehouseSettingsRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('./warehouse/warehouse-settings-page'), 'WarehouseSettingsPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings',
  component: SettingsLayout,
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  // A marketer manages sources but not users: the settings open on the first tab the role may use.
  beforeLoad: ({ context }) => {
    const first = SETTINGS_TABS.find((tab) => context.me.permissions.includes(tab.permission));
    throw redirect({ to: first?.value ?? '/settings/users' });
  },
});

const usersRoute = createRoute({ getParentRoute: () => settingsRoute, path: 'users', component: UsersPage });
const teamsRoute = createRoute({ getParentRoute: () => settingsRoute, path: 'teams', component: TeamsPage });
const apiKeysRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'api-keys',
  component: ApiKeysPage,
});

const crmSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'crm',
  component: CrmSettingsPage,
});

const sourcesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'sources',
  component: SourcesPage,
});

const jobsRoute = createRoute({ getParentRoute: () => settingsRoute, path: 'jobs', component: JobsPage });

const routeTree = rootRoute.addChildren([
  acceptInvitationRoute,
  signInRoute,
  appRoute.addChildren([
    indexRoute,
    customersRoute,
    customerCreateRoute,
    customerImportRoute,
    customerDetailRoute,
    poolsRoute,
    contactRoute,
    insightsRoute,
    personsRoute,
    personDetailRoute,
    salesRoute,
    warehouseRoute.addChildren([
      warehouseIndexRoute,
      stockRoute,
      ledgerRoute,
      orderPoolRoute,
      orderRoute,
      scorecardRoute,
      weightChecksRoute,
      warehousesRoute,
      warehouseSettingsRoute,
    ]),
    settingsRoute.addChildren([
      settingsIndexRoute,
      usersRoute,
      teamsRoute,
      apiKeysRoute,
      crmSettingsRoute,
      sourcesRoute,
      jobsRoute,
    ]),
  ]),
]);

/** Creates the router with the query client in its context. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Loaders read through TanStack Query, which already caches; the router need not cache too.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  // Registering the router (an interface by the library's design) types every Link and navigate call.
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
