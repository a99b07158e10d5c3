/**
 * The route tree, in code: a public sign-in page and everything else behind a layout route that
 * checks the session once per navigation.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, redirect } from '@tanstack/react-router';
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
import { ApiKeysPage } from './settings/api-keys-page';
import { CrmSettingsPage } from './settings/crm-settings-page';
import { JobsPage } from './settings/jobs-page';
import { BackupsPage } from './settings/backups-page';
import { AuditLogPage } from './settings/audit-log-page';
import { PrivacyPage } from './settings/privacy-page';
import { SETTINGS_TABS, SettingsLayout } from './settings/settings-layout';
import { SourcesPage } from './settings/sources-page';
import { TeamsPage } from './settings/teams-page';
import { UsersPage } from './settings/users-page';
import { appRoute, rootRoute } from './shell/app-route';
import { PersonDetailPage } from './touchpoints/person-detail-page';
import { parsePersonsSearch, PersonsPage, type PersonsSearch } from './touchpoints/persons-page';
import { warehouseRouteTree } from './warehouse/warehouse-routes';
import { leadAppRoutes, publicFormRoute } from './leads/lead-routes';
import { cycleRoute, dealRoute, forecastRoute, salesBoardRoute } from './sales/sales-routes';

/** The search parameters of the sign-in page: where to go afterwards. */
export type SignInSearch = { redirect?: string };

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

const backupsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'backups',
  component: BackupsPage,
});

const auditRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'audit',
  component: AuditLogPage,
});

const privacyRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'privacy',
  component: PrivacyPage,
});

const routeTree = rootRoute.addChildren([
  acceptInvitationRoute,
  signInRoute,
  publicFormRoute,
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
    ...leadAppRoutes,
    salesBoardRoute,
    forecastRoute,
    cycleRoute,
    dealRoute,
    warehouseRouteTree,
    settingsRoute.addChildren([
      settingsIndexRoute,
      usersRoute,
      teamsRoute,
      apiKeysRoute,
      crmSettingsRoute,
      sourcesRoute,
      jobsRoute,
      backupsRoute,
      auditRoute,
      privacyRoute,
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
