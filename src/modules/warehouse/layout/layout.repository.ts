/** Queries of warehouses (their zones and locations: `location.repository.ts`). */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import { warehouses } from './layout.table.js';

/** A row of `warehouses`. */
export type WarehouseRow = typeof warehouses.$inferSelect;

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
  changes: Partial<
    Pick<WarehouseRow, 'name' | 'layout' | 'allocationStrategy' | 'allocationPolicy' | 'timeZone'>
  > & {
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
