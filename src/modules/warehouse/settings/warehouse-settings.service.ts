/** A tenant's warehouse rules: read by allocation and the supplier scorecard, changed by warehouse managers. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { WarehouseSettings, type UpdateWarehouseSettingsInput } from './warehouse-settings.contract.js';
import { findWarehouseSettings, saveWarehouseSettings } from './warehouse-settings.repository.js';

/** The tenant's settings with defaults filled in; a section that no longer parses falls back to its default. */
export async function getWarehouseSettings(db: Db, tenantId: string): Promise<WarehouseSettings> {
  const stored = (await findWarehouseSettings(db, tenantId)) ?? {};
  const parsed = WarehouseSettings.safeParse(stored);
  if (parsed.success) return parsed.data;
  const defaults = WarehouseSettings.parse({});
  const sections = Object.keys(defaults) as (keyof WarehouseSettings)[];
  return WarehouseSettings.parse(
    Object.fromEntries(
      sections.map((key) => {
        const one = WarehouseSettings.shape[key].safeParse(stored[key]);
        return [key, one.success ? one.data : defaults[key]];
      }),
    ),
  );
}

/** The settings as the actor's tenant has them. */
export async function readWarehouseSettings(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
): Promise<WarehouseSettings> {
  requirePermission(actor, 'warehouse.read');
  return getWarehouseSettings(deps.db, actor.tenantId);
}

/**
 * Changes the sections given. `maxStockAgeMonths` replaces the whole map (a tier left out has no
 * limit); return reason weights change one by one.
 */
export async function updateWarehouseSettings(
  deps: WarehouseDeps,
  actor: Actor,
  input: UpdateWarehouseSettingsInput,
): Promise<WarehouseSettings> {
  requirePermission(actor, 'warehouse.settings');
  const current = await getWarehouseSettings(deps.db, actor.tenantId);
  const weights = Object.fromEntries(
    Object.entries(input.returnReasonWeights ?? {}).filter(([, weight]) => weight !== undefined),
  );
  const next: WarehouseSettings = {
    maxStockAgeMonths: input.maxStockAgeMonths ?? current.maxStockAgeMonths,
    returnReasonWeights: { ...current.returnReasonWeights, ...weights },
    weightLossTolerancePerDay: input.weightLossTolerancePerDay ?? current.weightLossTolerancePerDay,
  };
  await saveWarehouseSettings(deps.db, actor.tenantId, next, deps.clock.now());
  return next;
}
