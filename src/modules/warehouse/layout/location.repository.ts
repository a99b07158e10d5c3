/** Queries of a warehouse's zones and locations, one at a time and in bulk (for imports). */
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import { escapeLike } from './layout.contract.js';
import { locations, zones } from './layout.table.js';

/** A row of `locations` with the code of its zone. */
export type LocationRow = typeof locations.$inferSelect & { zoneCode: string | null };

/** The id of the warehouse's zone with this code, created (named by its code) when new. */
export async function ensureZoneRow(
  db: Db,
  row: { tenantId: string; id: string; warehouseId: string; code: string; createdAt: Date },
): Promise<string> {
  await db
    .insert(zones)
    .values({ ...row, name: row.code })
    .onConflictDoNothing({ target: [zones.tenantId, zones.warehouseId, zones.code] });
  const [found] = await db
    .select({ id: zones.id })
    .from(zones)
    .where(and(tenantRows(row, zones), eq(zones.warehouseId, row.warehouseId), eq(zones.code, row.code)))
    .limit(1);
  return found!.id;
}

/** Stores a location; false when the warehouse has one with this code. */
export async function insertLocationRow(db: Db, row: typeof locations.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(locations)
    .values(row)
    .onConflictDoNothing({ target: [locations.tenantId, locations.warehouseId, locations.code] })
    .returning({ id: locations.id });
  return inserted.length > 0;
}

/** Changes a location's zone, kind, coordinates or path rank. */
export async function updateLocationRow(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<
    Pick<typeof locations.$inferSelect, 'zoneId' | 'kind' | 'aisle' | 'block' | 'slot' | 'level' | 'pathRank'>
  >,
): Promise<void> {
  await db
    .update(locations)
    .set(changes)
    .where(and(tenantRows({ tenantId }, locations), eq(locations.id, id)));
}

const locationColumns = {
  tenantId: locations.tenantId,
  id: locations.id,
  warehouseId: locations.warehouseId,
  zoneId: locations.zoneId,
  code: locations.code,
  kind: locations.kind,
  aisle: locations.aisle,
  block: locations.block,
  slot: locations.slot,
  level: locations.level,
  pathRank: locations.pathRank,
  disabled: locations.disabled,
  createdAt: locations.createdAt,
  zoneCode: zones.code,
};

const zoneOfLocation = and(eq(zones.tenantId, locations.tenantId), eq(zones.id, locations.zoneId));

/** The warehouse's locations by code, optionally of one kind and with a code containing `q`. */
export async function listLocationRows(
  db: Db,
  tenantId: string,
  warehouseId: string,
  filter: { kind?: string; q?: string } = {},
): Promise<LocationRow[]> {
  return db
    .select(locationColumns)
    .from(locations)
    .leftJoin(zones, zoneOfLocation)
    .where(
      and(
        tenantRows({ tenantId }, locations),
        eq(locations.warehouseId, warehouseId),
        filter.kind ? eq(locations.kind, filter.kind) : undefined,
        filter.q
          ? or(ilike(locations.code, `%${escapeLike(filter.q)}%`), ilike(zones.code, filter.q))
          : undefined,
      ),
    )
    .orderBy(asc(locations.code));
}

/** One location of the warehouse by its code, or undefined. */
export async function findLocationRowByCode(
  db: Db,
  tenantId: string,
  warehouseId: string,
  code: string,
): Promise<LocationRow | undefined> {
  const [row] = await db
    .select(locationColumns)
    .from(locations)
    .leftJoin(zones, zoneOfLocation)
    .where(
      and(
        tenantRows({ tenantId }, locations),
        eq(locations.warehouseId, warehouseId),
        eq(locations.code, code),
      ),
    )
    .limit(1);
  return row;
}

/** The warehouse's locations with these codes, keyed by code (for imports). */
export async function findLocationRowsByCodes(
  db: Db,
  tenantId: string,
  warehouseId: string,
  codes: string[],
): Promise<Map<string, LocationRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select(locationColumns)
    .from(locations)
    .leftJoin(zones, zoneOfLocation)
    .where(
      and(
        tenantRows({ tenantId }, locations),
        eq(locations.warehouseId, warehouseId),
        inArray(locations.code, [...new Set(codes)]),
      ),
    );
  return new Map(rows.map((row) => [row.code, row]));
}

/**
 * The ids of the warehouse's zones with these codes, keyed by code; the codes it has no zone for
 * are created (named by their code, with the ids given).
 */
export async function ensureZoneRows(
  db: Db,
  tenantId: string,
  warehouseId: string,
  wanted: { id: string; code: string }[],
  createdAt: Date,
): Promise<Map<string, string>> {
  if (wanted.length === 0) return new Map();
  await db
    .insert(zones)
    .values(wanted.map(({ id, code }) => ({ tenantId, id, warehouseId, code, name: code, createdAt })))
    .onConflictDoNothing({ target: [zones.tenantId, zones.warehouseId, zones.code] });
  const rows = await db
    .select({ id: zones.id, code: zones.code })
    .from(zones)
    .where(
      and(
        tenantRows({ tenantId }, zones),
        eq(zones.warehouseId, warehouseId),
        inArray(
          zones.code,
          wanted.map((zone) => zone.code),
        ),
      ),
    );
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** What a location is: its zone, kind, coordinates and path rank. */
export type LocationPlacement = Pick<
  typeof locations.$inferSelect,
  'zoneId' | 'kind' | 'aisle' | 'block' | 'slot' | 'level' | 'pathRank'
>;

const placementRecord = sql.raw(
  'id uuid, code text, zone_id uuid, kind text, aisle int, block int, slot int, level int, path_rank int',
);

function placementJson(rows: ({ id: string; code?: string } & LocationPlacement)[]): string {
  return JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      code: row.code,
      zone_id: row.zoneId,
      kind: row.kind,
      aisle: row.aisle,
      block: row.block,
      slot: row.slot,
      level: row.level,
      path_rank: row.pathRank,
    })),
  );
}

/**
 * Stores new locations of the warehouse in one statement; answers the codes stored (a code the
 * warehouse has already is left alone and not answered).
 */
export async function insertLocationRows(
  db: Db,
  tenantId: string,
  warehouseId: string,
  rows: ({ id: string; code: string } & LocationPlacement)[],
  createdAt: Date,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const result = await db.execute<{
    code: string;
  }>(sql`insert into ${locations} (tenant_id, id, warehouse_id, zone_id, code, kind, aisle, block, slot, level, path_rank, created_at)
    select ${tenantId}::uuid, x.id, ${warehouseId}::uuid, x.zone_id, x.code, x.kind, x.aisle, x.block, x.slot, x.level, x.path_rank, ${createdAt.toISOString()}::timestamptz
    from json_to_recordset(${placementJson(rows)}::json) as x(${placementRecord})
    on conflict (tenant_id, warehouse_id, code) do nothing
    returning code`);
  return result.rows.map((row) => row.code);
}

/**
 * Changes locations (by id) to the zone, kind, coordinates and rank given, in one statement — except
 * a dock, which never becomes another kind; answers the ids changed.
 */
export async function updateLocationRows(
  db: Db,
  tenantId: string,
  rows: ({ id: string } & LocationPlacement)[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const result = await db.execute<{ id: string }>(sql`update ${locations} as l
    set zone_id = x.zone_id, kind = x.kind, aisle = x.aisle, block = x.block, slot = x.slot,
      level = x.level, path_rank = x.path_rank
    from json_to_recordset(${placementJson(rows)}::json) as x(${placementRecord})
    where l.tenant_id = ${tenantId}::uuid and l.id = x.id and (l.kind = 'storage' or l.kind = x.kind)
    returning l.id`);
  return result.rows.map((row) => row.id);
}

/** Sets the path rank of each location given (after a layout change). */
export async function setPathRanks(
  db: Db,
  tenantId: string,
  ranks: { id: string; pathRank: number | null }[],
): Promise<void> {
  for (const { id, pathRank } of ranks) {
    await db
      .update(locations)
      .set({ pathRank })
      .where(and(tenantRows({ tenantId }, locations), eq(locations.id, id)));
  }
}
