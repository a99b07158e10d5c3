/** The tenant's lead settings (disqualify reasons, assignment) and choosing the owner of a new lead. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { DAY_MS } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { CrmDeps } from '../crm-deps.js';
import { candidatesFor, pickAssignee, type LeadTraits } from './lead-assignment.js';
import { DEFAULT_LEAD_SETTINGS, LeadSettings } from './lead-settings.contract.js';
import * as repo from './lead-settings.repository.js';

/** The stored settings, or the defaults; stored values that no longer parse fall back to them too. */
function parseSettings(row: repo.LeadSettingsRow | undefined): LeadSettings {
  const parsed = LeadSettings.safeParse(row?.settings);
  return parsed.success ? parsed.data : DEFAULT_LEAD_SETTINGS;
}

/** The tenant's lead settings. */
export async function readLeadSettings(db: Db, tenantId: string): Promise<LeadSettings> {
  return parseSettings(await repo.findLeadSettings(db, tenantId));
}

/** The tenant's lead settings, for anyone who works on leads. */
export async function getLeadSettings(deps: CrmDeps, actor: Actor): Promise<LeadSettings> {
  requirePermission(actor, 'customers.read');
  return readLeadSettings(deps.db, actor.tenantId);
}

/** Replaces the tenant's lead settings. */
export async function putLeadSettings(
  deps: CrmDeps,
  actor: Actor,
  input: LeadSettings,
): Promise<LeadSettings> {
  requirePermission(actor, 'crm.settings');
  await repo.saveLeadSettings(deps.db, actor.tenantId, input, deps.clock.now());
  return input;
}

/**
 * The owner the tenant's assignment picks for a new lead, moving the rotation on; null when
 * assignment is off, nobody matches, or everyone has reached the daily cap. Runs inside the
 * transaction that inserts the lead, with the settings row locked, so concurrent leads take turns.
 */
export async function chooseLeadOwner(
  db: Db,
  tenantId: string,
  lead: LeadTraits,
  now: Date,
): Promise<string | null> {
  const row = await repo.findLeadSettings(db, tenantId, true);
  if (!row) return null;
  const { assignment } = parseSettings(row);
  const candidates = candidatesFor(assignment, lead);
  if (candidates.length === 0) return null;
  const dayStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const counts = await repo.countAssignedSince(db, tenantId, candidates, dayStart);
  const assigned = new Map(counts.map((c) => [c.userId ?? '', c.count]));
  const pick = pickAssignee(candidates, row.rotation, assignment.dailyCap, assigned);
  if (!pick) return null;
  await repo.setRotation(db, tenantId, pick.rotation);
  return pick.userId;
}
