/** A tenant's CRM rules: read by every CRM feature, changed by admins. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { CrmSettings, type UpdateCrmSettingsInput } from './crm-settings.contract.js';
import { findCrmSettings, saveCrmSettings } from './crm-settings.repository.js';

/**
 * The tenant's settings with defaults filled in. Stored JSON that no longer parses (a rule removed in
 * a later version) falls back to the defaults section by section rather than failing every request.
 */
export async function getCrmSettings(db: Db, tenantId: string): Promise<CrmSettings> {
  const stored = (await findCrmSettings(db, tenantId)) ?? {};
  const parsed = CrmSettings.safeParse(stored);
  if (parsed.success) return parsed.data;
  const defaults = CrmSettings.parse({});
  const sections = Object.keys(defaults) as (keyof CrmSettings)[];
  const repaired = Object.fromEntries(
    sections.map((key) => {
      const one = CrmSettings.shape[key].safeParse(stored[key]);
      return [key, one.success ? one.data : defaults[key]];
    }),
  );
  return CrmSettings.parse(repaired);
}

/** The settings as the actor's tenant has them (any CRM reader may look). */
export async function readCrmSettings(deps: { db: Db }, actor: Actor): Promise<CrmSettings> {
  requirePermission(actor, 'customers.read');
  return getCrmSettings(deps.db, actor.tenantId);
}

/** Replaces the sections given; codes and keys must be unique within their lists. */
export async function updateCrmSettings(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  input: UpdateCrmSettingsInput,
): Promise<CrmSettings> {
  requirePermission(actor, 'crm.settings');
  const current = await getCrmSettings(deps.db, actor.tenantId);
  const { pools, duplicatePolicy, ...lists } = input;
  const next: CrmSettings = {
    ...current,
    ...dropUndefined(lists),
    pools: {
      ...current.pools,
      ...dropUndefined(pools ?? {}),
      recallDays: { ...current.pools.recallDays, ...dropUndefined(pools?.recallDays ?? {}) },
      recallExempt: { ...current.pools.recallExempt, ...dropUndefined(pools?.recallExempt ?? {}) },
    },
    duplicatePolicy: { ...current.duplicatePolicy, ...dropUndefined(duplicatePolicy ?? {}) },
  };
  assertUnique(
    next.valueTiers.map((tier) => tier.code),
    'valueTiers',
  );
  assertUnique(
    next.customFields.map((field) => field.key),
    'customFields',
  );
  for (const [index, field] of next.customFields.entries()) {
    if (field.type === 'select' && !field.options?.length) {
      throw new AppError('invalid', 'crm.settings.invalid', 'A select field needs options.', {
        issues: [{ path: `customFields.${index}.options`, message: 'required for a select field' }],
      });
    }
  }
  await saveCrmSettings(deps.db, actor.tenantId, next, deps.clock.now());
  return next;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function assertUnique(values: string[], path: string): void {
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) {
      throw new AppError('invalid', 'crm.settings.invalid', `${path}: "${value}" appears twice.`, {
        issues: [{ path: `${path}.${index}`, message: `"${value}" appears twice` }],
      });
    }
    seen.add(value);
  }
}
