/**
 * The locations of a warehouse: a storage location's zone, coordinates and path rank come from its
 * code (A-03-12-2) or its fields, checked against the warehouse's layout; docks need neither.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import type { CreateLocationInput, Layout, Location, LocationKind, LocationList } from './layout.contract.js';
import { locationCodeTaken, locationInvalid, locationNotFound } from './layout.errors.js';
import type { WarehouseRow } from './layout.repository.js';
import type { LocationPlacement, LocationRow } from './location.repository.js';
import { requireWarehouseRow } from './layout.service.js';
import * as repo from './location.repository.js';
import { parseLocationCode } from './location-code.js';
import { coordinateIssue, pathRank } from './path-rank.js';

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
  warehouse: WarehouseRow,
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

/** A location of the warehouse by code, or 400 naming the input field `path` that gave the code. */
export async function requireLocationByCode(
  db: Db,
  tenantId: string,
  warehouseId: string,
  code: string,
  path: string,
): Promise<LocationRow> {
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

/** A location of the warehouse by code, or undefined. */
export async function findLocationByCode(
  db: Db,
  tenantId: string,
  warehouseId: string,
  code: string,
): Promise<LocationRow | undefined> {
  return repo.findLocationRowByCode(db, tenantId, warehouseId, code);
}

/** The warehouse's locations with these codes, keyed by code (for imports). */
export async function findLocationsByCodes(
  db: Db,
  tenantId: string,
  warehouseId: string,
  codes: string[],
): Promise<Map<string, LocationRow>> {
  return repo.findLocationRowsByCodes(db, tenantId, warehouseId, codes);
}

/** The ids of the warehouse's zones with these codes, by code; missing ones are created with the ids given. */
export async function ensureZones(
  tx: Db,
  tenantId: string,
  warehouseId: string,
  wanted: { id: string; code: string }[],
  createdAt: Date,
): Promise<Map<string, string>> {
  return repo.ensureZoneRows(tx, tenantId, warehouseId, wanted, createdAt);
}

/** Stores new locations of the warehouse in one statement; answers the codes stored (taken codes are left alone). */
export async function insertLocations(
  tx: Db,
  tenantId: string,
  warehouseId: string,
  rows: ({ id: string; code: string } & LocationPlacement)[],
  createdAt: Date,
): Promise<string[]> {
  return repo.insertLocationRows(tx, tenantId, warehouseId, rows, createdAt);
}

/** Changes locations by id in one statement (a dock keeps its kind); answers the ids changed. */
export async function updateLocations(
  tx: Db,
  tenantId: string,
  rows: ({ id: string } & LocationPlacement)[],
): Promise<string[]> {
  return repo.updateLocationRows(tx, tenantId, rows);
}

/** The API shape of a location row. */
export function toLocation(row: LocationRow): Location {
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

export type { LocationPlacement, LocationRow };
