/** The warehouse area's routes: a layout with tabs, each page loaded on first visit. */
import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { appRoute } from '../shell/app-route';
import { WAREHOUSE_TABS, WarehouseLayout } from './warehouse-layout';
import {
  parseLedgerSearch,
  parseOrderPoolSearch,
  parseStockSearch,
  parseWavesSearch,
  type LedgerSearch,
  type OrderPoolSearch,
  type StockSearch,
  type WavesSearch,
} from './warehouse-search';
import { parseWeightChecksSearch, type WeightChecksSearch } from './weight-checks-search';

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
  component: lazyRouteComponent(() => import('./stock-page'), 'StockPage'),
});

const ledgerRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'ledger',
  validateSearch: (search: Record<string, unknown>): LedgerSearch => parseLedgerSearch(search),
  component: lazyRouteComponent(() => import('./ledger-page'), 'LedgerPage'),
});

const orderPoolRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'orders',
  validateSearch: (search: Record<string, unknown>): OrderPoolSearch => parseOrderPoolSearch(search),
  component: lazyRouteComponent(() => import('./order-pool-page'), 'OrderPoolPage'),
});

const orderRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'orders/$id',
  component: lazyRouteComponent(() => import('./order-page'), 'OrderPage'),
});

const wavesRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'waves',
  validateSearch: (search: Record<string, unknown>): WavesSearch => parseWavesSearch(search),
  component: lazyRouteComponent(() => import('./waves-page'), 'WavesPage'),
});

const waveRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'waves/$id',
  component: lazyRouteComponent(() => import('./wave-page'), 'WavePage'),
});

const scorecardRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'suppliers',
  component: lazyRouteComponent(() => import('./scorecard-page'), 'ScorecardPage'),
});

const weightChecksRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'weight-checks',
  validateSearch: (search: Record<string, unknown>): WeightChecksSearch => parseWeightChecksSearch(search),
  component: lazyRouteComponent(() => import('./weight-checks-page'), 'WeightChecksPage'),
});

const warehousesRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'warehouses',
  component: lazyRouteComponent(() => import('./warehouses-page'), 'WarehousesPage'),
});

const warehouseSettingsRoute = createRoute({
  getParentRoute: () => warehouseRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('./warehouse-settings-page'), 'WarehouseSettingsPage'),
});

/** The warehouse's routes, as the app route's child. */
export const warehouseRouteTree = warehouseRoute.addChildren([
  warehouseIndexRoute,
  stockRoute,
  ledgerRoute,
  orderPoolRoute,
  orderRoute,
  wavesRoute,
  waveRoute,
  scorecardRoute,
  weightChecksRoute,
  warehousesRoute,
  warehouseSettingsRoute,
]);
