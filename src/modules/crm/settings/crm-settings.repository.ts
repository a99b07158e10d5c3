/** Reads and writes a tenant's CRM settings row. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { crmSettings } from './crm-settings.table.js';

/** The stored settings JSON of a tenant, if it has saved any. */
export async function findCrmSettings(
  db: Db,
  tenantId: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await db
    .select({ settings: crmSettings.settings })
    .from(crmSettings)
    .where(eq(crmSettings.tenantId, tenantId));
  return row?.settings;
}

/** Stores a tenant's settings JSON, replacing what was there. */
export async function saveCrmSettings(
  db: Db,
  tenantId: string,
  settings: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await db
    .insert(crmSettings)
    .values({ tenantId, settings, updatedAt: at })
    .onConflictDoUpdate({ target: crmSettings.tenantId, set: { settings, updatedAt: at } });
}
