/** Reads and writes a tenant's warehouse settings row. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { warehouseSettings } from './warehouse-settings.table.js';

/** The stored settings JSON, or undefined when the tenant never changed them. */
export async function findWarehouseSettings(
  db: Db,
  tenantId: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await db
    .select({ settings: warehouseSettings.settings })
    .from(warehouseSettings)
    .where(eq(warehouseSettings.tenantId, tenantId));
  return row?.settings;
}

/** Stores the whole settings object. */
export async function saveWarehouseSettings(
  db: Db,
  tenantId: string,
  settings: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await db
    .insert(warehouseSettings)
    .values({ tenantId, settings, updatedAt: now })
    .onConflictDoUpdate({ target: warehouseSettings.tenantId, set: { settings, updatedAt: now } });
}
