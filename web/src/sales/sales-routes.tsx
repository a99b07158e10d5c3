/**
 * The sales area's routes: the board at /sales, the forecast and the sales cycle beside it, and one
 * deal's page, each loaded on first visit.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../shell/app-route';

/** The pipeline board. */
export const salesBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sales',
  component: lazyRouteComponent(() => import('./board-page'), 'BoardPage'),
});

/** One deal. */
export const dealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sales/deals/$id',
  component: lazyRouteComponent(() => import('./deal-page'), 'DealPage'),
});

/** The forecast of the open deals per month. */
export const forecastRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sales/forecast',
  component: lazyRouteComponent(() => import('./forecast-page'), 'ForecastPage'),
});

/** Cycle times and win rates. */
export const cycleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sales/cycle',
  component: lazyRouteComponent(() => import('./cycle-page'), 'CyclePage'),
});
