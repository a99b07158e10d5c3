/**
 * Warehouses and their layouts. A warehouse comes with its receiving dock `RECV` and shipping dock
 * `SHIP`; its storage locations (`location.service.ts`) have coordinates in the layout and a rank
 * along the picking path, recomputed for every location when the layout changes.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import {
  DEFAULT_LAYOUT,
  type CreateWarehouseInput,
  type Layout,
  type UpdateWarehouseInput,
  type Warehouse,
  type WarehouseList,
} from './layout.contract.js';
import { layoutInvalid, warehouseCodeTaken, warehouseNotFound } from './layout.errors.js';
import * as repo from './layout.repository.js';
import * as locationRepo from './location.repository.js';
import { coordinateIssue, maxPathRank, pathRank } from './path-rank.js';

/** The code of the receiving dock every warehouse has. */
export const RECEIVING_DOCK = 'RECV';
/** The code of the shipping dock every warehouse has. */
export const SHIPPING_DOCK = 'SHIP';

const MAX_RANK = 2_147_483_647;

/** The time zone of a warehouse made without one. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Creates a warehouse with its two docks (409 `warehouse.warehouse.code_taken`). */
export async function createWarehouse(
  deps: WarehouseDeps,
  actor: Actor,
  input: CreateWarehouseInput,
): Promise<Warehouse> {
  requirePermission(actor, 'warehouse.stock');
  const layout = input.layout ?? DEFAULT_LAYOUT;
  assertRankable(layout);
  const now = deps.clock.now();
  const id = newId();
  const created = await deps.db.transaction(async (tx) => {
    const inserted = await repo.insertWarehouseRow(tx, {
      tenantId: actor.tenantId,
      id,
      code: input.code,
      name: input.name,
      layout,
      allocationStrategy: input.allocationStrategy ?? 'fifo',
      allocationPolicy: input.allocationPolicy ?? 'partial',
      timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
      createdAt: now,
      updatedAt: now,
    });
    if (!inserted) return false;
    for (const [code, kind] of [
      [RECEIVING_DOCK, 'receiving'],
      [SHIPPING_DOCK, 'shipping'],
    ] as const) {
      await locationRepo.insertLocationRow(tx, {
        tenantId: actor.tenantId,
        id: newId(),
        warehouseId: id,
        code,
        kind,
        createdAt: now,
      });
    }
    return true;
  });
  if (!created) throw warehouseCodeTaken(input.code);
  return toWarehouse(await requireWarehouseRow(deps.db, actor.tenantId, id));
}

/** The tenant's warehouses by code. */
export async function listWarehouses(deps: Pick<WarehouseDeps, 'db'>, actor: Actor): Promise<WarehouseList> {
  requirePermission(actor, 'warehouse.read');
  return { items: (await repo.listWarehouseRows(deps.db, actor.tenantId)).map(toWarehouse) };
}

/** One warehouse (404 `warehouse.warehouse.not_found`). */
export async function getWarehouse(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<Warehouse> {
  requirePermission(actor, 'warehouse.read');
  return toWarehouse(await requireWarehouseRow(deps.db, actor.tenantId, id));
}

/** One warehouse by its code, for the CLI (404 `warehouse.warehouse.not_found`). */
export async function getWarehouseByCode(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  code: string,
): Promise<Warehouse> {
  requirePermission(actor, 'warehouse.read');
  const row = await repo.findWarehouseRowByCode(deps.db, actor.tenantId, code);
  if (!row) throw warehouseNotFound(code);
  return toWarehouse(row);
}

/**
 * Changes a warehouse's name, layout, allocation defaults or time zone. A new layout recomputes the path rank
 * of every storage location, and is refused (400 naming the location) when one falls outside it.
 */
export async function updateWarehouse(
  deps: WarehouseDeps,
  actor: Actor,
  id: string,
  input: UpdateWarehouseInput,
): Promise<Warehouse> {
  requirePermission(actor, 'warehouse.stock');
  if (input.layout) assertRankable(input.layout);
  await deps.db.transaction(async (tx) => {
    const found = await repo.updateWarehouseRow(tx, actor.tenantId, id, {
      name: input.name,
      layout: input.layout,
      allocationStrategy: input.allocationStrategy,
      allocationPolicy: input.allocationPolicy,
      timeZone: input.timeZone,
      updatedAt: deps.clock.now(),
    });
    if (!found) throw warehouseNotFound(id);
    if (input.layout) await rerankLocations(tx, actor.tenantId, id, input.layout);
  });
  return toWarehouse(await requireWarehouseRow(deps.db, actor.tenantId, id));
}

/** The warehouse row of the tenant, or 404 (another tenant's id is not found either). */
export async function requireWarehouseRow(db: Db, tenantId: string, id: string): Promise<repo.WarehouseRow> {
  const row = await repo.findWarehouseRow(db, tenantId, id);
  if (!row) throw warehouseNotFound(id);
  return row;
}

async function rerankLocations(tx: Db, tenantId: string, warehouseId: string, layout: Layout): Promise<void> {
  const rows = await locationRepo.listLocationRows(tx, tenantId, warehouseId);
  const ranks: { id: string; pathRank: number | null }[] = [];
  for (const row of rows) {
    if (row.aisle === null || row.slot === null) continue;
    const at = { aisle: row.aisle, block: row.block ?? 1, slot: row.slot, level: row.level ?? 1 };
    const issue = coordinateIssue(layout, at);
    if (issue) throw layoutInvalid(`location ${row.code}: ${issue.message}`);
    ranks.push({ id: row.id, pathRank: row.kind === 'storage' ? pathRank(layout, at) : null });
  }
  await locationRepo.setPathRanks(tx, tenantId, ranks);
}

function assertRankable(layout: Layout): void {
  if (maxPathRank(layout) > MAX_RANK)
    throw layoutInvalid('too many aisles × blocks × slots for path ranks; make the layout smaller');
}

/** The API shape of a warehouse row. */
export function toWarehouse(row: repo.WarehouseRow): Warehouse {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    layout: row.layout as Layout,
    allocationStrategy: row.allocationStrategy as Warehouse['allocationStrategy'],
    allocationPolicy: row.allocationPolicy as Warehouse['allocationPolicy'],
    timeZone: row.timeZone,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type { WarehouseRow } from './layout.repository.js';
