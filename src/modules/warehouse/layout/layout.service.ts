/**
 * Warehouses and their locations. A warehouse comes with its receiving dock `RECV` and shipping dock
 * `SHIP`; storage locations have coordinates in the warehouse's layout and a rank along the picking
 * path, recomputed for every location when the layout changes.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import {
  DEFAULT_LAYOUT,
  type CreateLocationInput,
  type CreateWarehouseInput,
  type Layout,
  type Location,
  type LocationKind,
  type LocationList,
  type UpdateWarehouseInput,
  type Warehouse,
  type WarehouseList,
} from './layout.contract.js';
import {
  layoutInvalid,
  locationCodeTaken,
  locationInvalid,
  locationNotFound,
  warehouseCodeTaken,
  warehouseNotFound,
} from './layout.errors.js';
import * as repo from './layout.repository.js';
import { parseLocationCode } from './location-code.js';
import { coordinateIssue, maxPathRank, pathRank } from './path-rank.js';

/** The code of the receiving dock every warehouse has. */
export const RECEIVING_DOCK = 'RECV';
/** The code of the shipping dock every warehouse has. */
export const SHIPPING_DOCK = 'SHIP';

const MAX_RANK = 2_147_483_647;

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
      createdAt: now,
      updatedAt: now,
    });
    if (!inserted) return false;
    for (const [code, kind] of [
      [RECEIVING_DOCK, 'receiving'],
      [SHIPPING_DOCK, 'shipping'],
    ] as const) {
      await repo.insertLocationRow(tx, {
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
 * Changes a warehouse's name, layout or allocation defaults. A new layout recomputes the path rank
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
      updatedAt: deps.clock.now(),
    });
    if (!found) throw warehouseNotFound(id);
    if (input.layout) await rerankLocations(tx, actor.tenantId, id, input.layout);
  });
  return toWarehouse(await requireWarehouseRow(deps.db, actor.tenantId, id));
}

/** Creates a location (see `CreateLocationInput`; 409 `warehouse.location.code_taken`). */
export async function createLocation(
  deps: WarehouseDeps,
  actor: Actor,
  warehouseId: string,
  input: CreateLocationInput,
): Promise<Location> {
  requirePermission(actor, 'warehouse.stock');
  const warehouse = await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  const now = deps.clock.now();
  const result = await deps.db.transaction((tx) =>
    writeLocation(tx, actor.tenantId, warehouse, input, now, { replace: false }),
  );
  return result.location;
}

/** The warehouse's locations by code, optionally of one kind or with a code containing `q`. */
export async function listLocations(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  warehouseId: string,
  filter: { kind?: LocationKind; q?: string },
): Promise<LocationList> {
  requirePermission(actor, 'warehouse.read');
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  const rows = await repo.listLocationRows(deps.db, actor.tenantId, warehouseId, filter);
  return { items: rows.map(toLocation) };
}

/**
 * Stores a location in `warehouse` (inside the caller's transaction); with `replace`, a location of
 * the same code is changed to the input instead of refused. Answers whether it was new.
 */
export async function writeLocation(
  tx: Db,
  tenantId: string,
  warehouse: repo.WarehouseRow,
  input: CreateLocationInput,
  now: Date,
  options: { replace: boolean },
): Promise<{ location: Location; created: boolean }> {
  const { zone, ...fields } = planLocation(warehouse.layout as Layout, input);
  const zoneId = zone
    ? await repo.ensureZoneRow(tx, {
        tenantId,
        id: newId(),
        warehouseId: warehouse.id,
        code: zone,
        createdAt: now,
      })
    : null;
  const inserted = await repo.insertLocationRow(tx, {
    tenantId,
    id: newId(),
    warehouseId: warehouse.id,
    code: input.code,
    zoneId,
    ...fields,
    createdAt: now,
  });
  if (!inserted) {
    const existing = await repo.findLocationRowByCode(tx, tenantId, warehouse.id, input.code);
    if (!options.replace || !existing) throw locationCodeTaken(input.code);
    if (existing.kind !== fields.kind && existing.kind !== 'storage')
      throw locationInvalid('kind', `${input.code} is the ${existing.kind} dock and stays one`);
    await repo.updateLocationRow(tx, tenantId, existing.id, { zoneId, ...fields });
  }
  const row = await repo.findLocationRowByCode(tx, tenantId, warehouse.id, input.code);
  return { location: toLocation(row!), created: inserted };
}

/** The warehouse row of the tenant, or 404 (another tenant's id is not found either). */
export async function requireWarehouseRow(db: Db, tenantId: string, id: string): Promise<repo.WarehouseRow> {
  const row = await repo.findWarehouseRow(db, tenantId, id);
  if (!row) throw warehouseNotFound(id);
  return row;
}

/** A location of the warehouse by code, or 400 naming the input field `path` that gave the code. */
export async function requireLocationByCode(
  db: Db,
  tenantId: string,
  warehouseId: string,
  code: string,
  path: string,
): Promise<repo.LocationRow> {
  const row = await repo.findLocationRowByCode(db, tenantId, warehouseId, code);
  if (!row) throw locationNotFound(path, code);
  return row;
}

type LocationPlan = {
  zone: string | null;
  kind: LocationKind;
  aisle: number | null;
  block: number | null;
  slot: number | null;
  level: number | null;
  pathRank: number | null;
};

/** The zone, kind, coordinates and rank a location input stands for in `layout`, or 400 naming the field. */
export function planLocation(layout: Layout, input: CreateLocationInput): LocationPlan {
  const kind = input.kind ?? 'storage';
  const parsed = parseLocationCode(input.code);
  const zone = input.zone ?? parsed?.zone ?? null;
  const aisle = input.aisle ?? parsed?.aisle;
  const slot = input.slot ?? parsed?.slot;
  if (kind !== 'storage' && aisle === undefined && slot === undefined) {
    return { zone, kind, aisle: null, block: null, slot: null, level: null, pathRank: null };
  }
  if (aisle === undefined || slot === undefined) {
    throw locationInvalid(
      aisle === undefined ? 'aisle' : 'slot',
      'a storage location needs aisle and slot, or a code like A-03-12-2',
    );
  }
  const at = {
    aisle,
    slot,
    block: input.block ?? parsed?.block ?? 1,
    level: input.level ?? parsed?.level ?? 1,
  };
  const issue = coordinateIssue(layout, at);
  if (issue) throw locationInvalid(issue.path, issue.message);
  return { zone, kind, ...at, pathRank: kind === 'storage' ? pathRank(layout, at) : null };
}

async function rerankLocations(tx: Db, tenantId: string, warehouseId: string, layout: Layout): Promise<void> {
  const rows = await repo.listLocationRows(tx, tenantId, warehouseId);
  const ranks: { id: string; pathRank: number | null }[] = [];
  for (const row of rows) {
    if (row.aisle === null || row.slot === null) continue;
    const at = { aisle: row.aisle, block: row.block ?? 1, slot: row.slot, level: row.level ?? 1 };
    const issue = coordinateIssue(layout, at);
    if (issue) throw layoutInvalid(`location ${row.code}: ${issue.message}`);
    ranks.push({ id: row.id, pathRank: row.kind === 'storage' ? pathRank(layout, at) : null });
  }
  await repo.setPathRanks(tx, tenantId, ranks);
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
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The API shape of a location row. */
export function toLocation(row: repo.LocationRow): Location {
  return {
    id: row.id,
    warehouseId: row.warehouseId,
    code: row.code,
    zone: row.zoneCode,
    kind: row.kind as LocationKind,
    aisle: row.aisle,
    block: row.block,
    slot: row.slot,
    level: row.level,
    pathRank: row.pathRank,
    disabled: row.disabled,
  };
}
