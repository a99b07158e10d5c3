/**
 * Warehouse outbound (出库), part I: warehouses, zones and locations in the pick layout; items, lots
 * and suppliers; stock per location and lot kept by an immutable ledger; receipts, putaway and cycle
 * counts; the order pool with five outbound types; allocation by FIFO / FEFO / nearest-first with lot
 * rules by customer value tier; reservations; supplier scorecards; pick list, packing slip and label.
 * This context owns the warehouse tables; it reads customers only through the CRM's index.
 * Pick routes (`routing/`): a pure engine over the aisle-centre distance model.
 * Waves (`wave/`): release rules per warehouse, the release preview with a reason for every order
 * left out, released waves and their cancel.
 * Coming next here: picking, review, packing, weighing and handover.
 */
export { registerWarehouseRoutes } from './warehouse.routes.js';
export type { WarehouseDeps } from './warehouse-deps.js';
export { getWarehouseSettings } from './settings/warehouse-settings.service.js';
export { createWarehouse, getWarehouseByCode } from './layout/layout.service.js';
export { findItemsBySku } from './catalog/catalog.service.js';
export { createOutboundOrder, findOrdersByRefs, listOrders } from './orders/order.service.js';
export { cancelOrder } from './allocation/cancel.service.js';
export { listWarehouses } from './layout/layout.service.js';
export { importWarehouseCsv } from './import/import.service.js';
export { IMPORT_KINDS, type ImportKind, type WarehouseImportReport } from './import/import.contract.js';
export { listStock } from './stock/stock.service.js';
export { rebuildStock } from './stock/rebuild.service.js';
export type { RebuildReport, StockRow } from './stock/stock.contract.js';
export { seedDemoWarehouse } from './demo/demo-seed.js';
export { parseRouteInput, routePicks } from './routing/routing.service.js';
export { ROUTE_METHODS, type Route, type RouteMethod } from './routing/routing.contract.js';
export { previewWaves, releaseWaves } from './wave/wave-release.service.js';
export type { WavePreview, WaveRelease } from './wave/wave.contract.js';
