/**
 * The root of the route tree and the signed-in layout route every page hangs under: it checks the
 * session once per navigation and shows the user's language.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { meQuery } from '../api/queries';
import { showLocale } from '../i18n/i18n';
import { AppLayout } from './app-layout';
import { NotFoundPage, RouteErrorView } from './fallback-views';

/** What every route can reach through `context`. */
export type RouterContext = { queryClient: QueryClient };

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorView,
});

/** Everything behind sign-in. */
export const appRoute = createRoute({
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
