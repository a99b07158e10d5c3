/** Queries of warehouses, zones and locations. */
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import { locations, warehouses, zones } from './layout.table.js';

/** A row of `warehouses`. */
export type WarehouseRow = typeof warehouses.$inferSelect;

/** A row of `locations` with the code of its zone. */
export type LocationRow = typeof locations.$inferSelect & { zoneCode: string | null };

/** Stores a warehouse; false when the tenant has one with this code. */
export async function insertWarehouseRow(db: Db, row: typeof warehouses.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(warehouses)
    .values(row)
    .onConflictDoNothing({ target: [warehouses.tenantId, warehouses.code] })
    .returning({ id: warehouses.id });
  return inserted.length > 0;
}

/** The tenant's warehouses by code. */
export async function listWarehouseRows(db: Db, tenantId: string): Promise<WarehouseRow[]> {
  return db
    .select()
    .from(warehouses)
    .where(tenantRows({ tenantId }, warehouses))
    .orderBy(asc(warehouses.code));
}

/** One warehouse of the tenant, or undefined. */
export async function findWarehouseRow(
  db: Db,
  tenantId: string,
  id: string,
): Promise<WarehouseRow | undefined> {
  const [row] = await db
    .select()
    .from(warehouses)
    .where(and(tenantRows({ tenantId }, warehouses), eq(warehouses.id, id)))
    .limit(1);
  return row;
}

/** One warehouse of the tenant by code, or undefined. */
export async function findWarehouseRowByCode(
  db: Db,
  tenantId: string,
  code: string,
): Promise<WarehouseRow | undefined> {
  const [row] = await db
    .select()
    .from(warehouses)
    .where(and(tenantRows({ tenantId }, warehouses), eq(warehouses.code, code)))
    .limit(1);
  return row;
}

/** Changes a warehouse; false when there is none with this id. */
export async function updateWarehouseRow(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<Pick<WarehouseRow, 'name' | 'layout' | 'allocationStrategy' | 'allocationPolicy'>> & {
    updatedAt: Date;
  },
): Promise<boolean> {
  const updated = await db
    .update(warehouses)
    .set(changes)
    .where(and(tenantRows({ tenantId }, warehouses), eq(warehouses.id, id)))
    .returning({ id: warehouses.id });
  return updated.length > 0;
}

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

/** `value` with LIKE's wildcards escaped, for a literal "contains" match. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
