/**
 * Supplier scorecards: returns to supplier (not cancelled, by month of push) weighed by reason
 * against the units received from the supplier, per month of the window and overall.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { getWarehouseSettings } from '../settings/warehouse-settings.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import type { ScorecardList, ScorecardQuery, SupplierScorecard } from './scorecard.contract.js';
import { supplierNotFound } from './scorecard.errors.js';
import * as repo from './scorecard.repository.js';
import { buildScorecard, compareScorecards, monthWindow, type MonthSum } from './scorecard-math.js';

/**
 * Scorecards of the suppliers with receipts or returns in the last `months` months (this one
 * included), worst first. Needs `warehouse.read`.
 */
export async function listSupplierScorecards(
  deps: WarehouseDeps,
  actor: Actor,
  query: ScorecardQuery,
): Promise<ScorecardList> {
  requirePermission(actor, 'warehouse.read');
  const window = monthWindow(deps.clock.now(), query.months);
  const weights = (await getWarehouseSettings(deps.db, actor.tenantId)).returnReasonWeights;
  const returned = await repo.sumReturns(deps.db, actor.tenantId, window);
  const received = await repo.sumReceipts(deps.db, actor.tenantId, window);
  const ids = [...new Set([...returned, ...received].map((row) => row.supplierId))];
  const supplierRows = await repo.listSupplierRows(deps.db, actor.tenantId, ids);
  const items = supplierRows
    .map((supplier) =>
      buildScorecard(
        supplier,
        window.months,
        weights,
        ofSupplier(returned, supplier.id),
        ofSupplier(received, supplier.id),
      ),
    )
    .sort(compareScorecards);
  return { from: window.months[0]!, to: window.months.at(-1)!, weights, items };
}

/**
 * One supplier's scorecard over the last `months` months, zeros when nothing happened (404
 * `warehouse.supplier.not_found`). Needs `warehouse.read`.
 */
export async function getSupplierScorecard(
  deps: WarehouseDeps,
  actor: Actor,
  supplierId: string,
  query: ScorecardQuery,
): Promise<SupplierScorecard> {
  requirePermission(actor, 'warehouse.read');
  const [supplier] = await repo.listSupplierRows(deps.db, actor.tenantId, [supplierId]);
  if (!supplier) throw supplierNotFound(supplierId);
  const window = monthWindow(deps.clock.now(), query.months);
  const weights = (await getWarehouseSettings(deps.db, actor.tenantId)).returnReasonWeights;
  const returned = await repo.sumReturns(deps.db, actor.tenantId, window, supplierId);
  const received = await repo.sumReceipts(deps.db, actor.tenantId, window, supplierId);
  return buildScorecard(supplier, window.months, weights, returned, received);
}

function ofSupplier(rows: MonthSum[], supplierId: string): MonthSum[] {
  return rows.filter((row) => row.supplierId === supplierId);
}
