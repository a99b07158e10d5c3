/** Every warehouse route, registered in one call by the composition root. */
import type { HttpApp } from '../../platform/http/server.js';
import { registerAllocationRoutes } from './allocation/allocation.routes.js';
import { registerCatalogRoutes } from './catalog/catalog.routes.js';
import { registerDocumentRoutes } from './documents/document.routes.js';
import { registerWeightCheckRoutes } from './fresh/weight-check.routes.js';
import { registerWarehouseImportRoutes } from './import/import.routes.js';
import { registerInboundRoutes } from './inbound/inbound.routes.js';
import { registerLayoutRoutes } from './layout/layout.routes.js';
import { registerCustomerRuleRoutes, registerOrderRoutes } from './orders/order.routes.js';
import { findOrderRefs } from './orders/order.service.js';
import { registerWarehouseSettingsRoutes } from './settings/warehouse-settings.routes.js';
import { registerRoutingRoutes } from './routing/routing.routes.js';
import { registerStockRoutes } from './stock/stock.routes.js';
import { registerWaveRoutes } from './wave/wave.routes.js';
import { registerScorecardRoutes } from './supplier/scorecard.routes.js';
import type { WarehouseDeps } from './warehouse-deps.js';

/** Registers warehouses and locations, items, stock and ledger, inbound, imports, orders, documents, suppliers, settings, weight checks, pick routes, waves. */
export function registerWarehouseRoutes(app: HttpApp, deps: WarehouseDeps): void {
  registerLayoutRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerWarehouseImportRoutes(app, deps);
  registerStockRoutes(app, deps, (tenantId, ids) => findOrderRefs(deps, tenantId, ids));
  registerInboundRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerAllocationRoutes(app, deps);
  registerWaveRoutes(app, deps);
  registerCustomerRuleRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerScorecardRoutes(app, deps);
  registerWarehouseSettingsRoutes(app, deps);
  registerWeightCheckRoutes(app, deps);
  registerRoutingRoutes(app);
}
