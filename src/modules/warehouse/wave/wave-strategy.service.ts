/** A warehouse's wave strategy: read by the release, set by warehouse managers. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { requireWarehouseRow } from '../layout/layout.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { WaveRule, WaveStrategyInput, type WaveStrategy, type WaveStrategyRequest } from './wave.contract.js';
import { DEFAULT_PICKING, PickingSettings } from './picking.contract.js';
import * as repo from './wave.repository.js';

/** The warehouse's strategy (no rules when none is stored); 404 for an unknown warehouse. */
export async function getWaveStrategy(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  warehouseId: string,
): Promise<WaveStrategy> {
  requirePermission(actor, 'warehouse.read');
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  return readStrategy(deps.db, actor.tenantId, warehouseId);
}

/** Replaces the warehouse's rules. */
export async function saveWaveStrategy(
  deps: WarehouseDeps,
  actor: Actor,
  warehouseId: string,
  request: WaveStrategyRequest,
): Promise<WaveStrategy> {
  requirePermission(actor, 'warehouse.settings');
  const input = WaveStrategyInput.parse(request);
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  await repo.saveStrategy(deps.db, {
    tenantId: actor.tenantId,
    warehouseId,
    rules: input.rules,
    releasePartiallyAllocated: input.releasePartiallyAllocated,
    picking: input.picking,
    updatedByUserId: actor.userId,
    updatedAt: deps.clock.now(),
  });
  return readStrategy(deps.db, actor.tenantId, warehouseId);
}

/** Removes the warehouse's rules (nothing is released until new ones are set). */
export async function deleteWaveStrategy(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  warehouseId: string,
): Promise<void> {
  requirePermission(actor, 'warehouse.settings');
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  await repo.deleteStrategy(deps.db, actor.tenantId, warehouseId);
}

/** The stored strategy (`lock`: the release's lock), or no rules. */
export async function readStrategy(
  db: Db,
  tenantId: string,
  warehouseId: string,
  options: { lock?: boolean } = {},
): Promise<WaveStrategy> {
  const row = await repo.findStrategy(db, tenantId, warehouseId, options);
  if (!row)
    return {
      warehouseId,
      rules: [],
      releasePartiallyAllocated: false,
      picking: DEFAULT_PICKING,
      updatedAt: null,
    };
  return {
    warehouseId,
    rules: row.rules.map((rule) => WaveRule.parse(rule)),
    releasePartiallyAllocated: row.releasePartiallyAllocated,
    picking: PickingSettings.parse(row.picking ?? {}),
    updatedAt: row.updatedAt.toISOString(),
  };
}
