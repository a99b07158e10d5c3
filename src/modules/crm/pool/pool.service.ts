/**
 * Pools (公海): creating and renaming them, and choosing the pool a customer goes back to. A tenant
 * that has none gets a default pool named 公海 the first time a release or recall needs one. Pools
 * with their sizes (which count customers) are crm/assignment's pool-list.service.ts.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { CrmDeps } from '../crm-deps.js';
import type { CreatePoolInput, UpdatePoolInput } from './pool.contract.js';
import { poolDefaultRequired, poolNameTaken, poolNotFound } from './pool.errors.js';
import * as repo from './pool.repository.js';

export type { PoolRow, PoolSeedRow } from './pool.repository.js';

/** The name of the pool created when a tenant needs one and has none. */
export const DEFAULT_POOL_NAME = '公海';

/** The tenant's pools, the default first, then by name (their sizes are crm/assignment's `listPools`). */
export async function listPoolRows(db: Db, tenantId: string): Promise<repo.PoolRow[]> {
  return repo.listPools(db, tenantId);
}

/** Creates a pool and answers its id; the tenant's first pool, or one created with `isDefault`, becomes the default. */
export async function addPool(deps: CrmDeps, actor: Actor, input: CreatePoolInput): Promise<string> {
  requirePermission(actor, 'crm.settings');
  const { tenantId } = actor;
  return deps.db.transaction(async (tx) => {
    const isDefault = input.isDefault === true || !(await repo.findDefaultPool(tx, tenantId));
    const row = await repo.insertPool(tx, tenantId, {
      name: input.name,
      region: input.region ?? null,
      isDefault,
      createdAt: deps.clock.now(),
    });
    if (!row) throw poolNameTaken(input.name);
    if (isDefault) await repo.clearOtherDefaults(tx, tenantId, row.id);
    return row.id;
  });
}

/** Renames a pool, changes its region, or makes it the default (the old default stops being one). */
export async function changePool(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: UpdatePoolInput,
): Promise<void> {
  requirePermission(actor, 'crm.settings');
  const { tenantId } = actor;
  await deps.db.transaction(async (tx) => {
    const current = await repo.findPoolById(tx, tenantId, id);
    if (!current) throw poolNotFound(id);
    if (input.isDefault === false && current.isDefault) throw poolDefaultRequired();
    if (input.name !== undefined && input.name !== current.name) {
      if (await repo.findPoolByName(tx, tenantId, input.name)) throw poolNameTaken(input.name);
    }
    await repo.updatePoolRow(tx, tenantId, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.region !== undefined ? { region: input.region } : {}),
      ...(input.isDefault ? { isDefault: true } : {}),
    });
    if (input.isDefault) await repo.clearOtherDefaults(tx, tenantId, id);
  });
}

/**
 * The default pool, created as 公海 when the tenant has none. Run inside the transaction that moves
 * customers into it, so a failed move leaves no stray pool behind.
 */
export async function ensureDefaultPool(db: Db, tenantId: string, now: Date): Promise<repo.PoolRow> {
  const existing = await repo.findDefaultPool(db, tenantId);
  if (existing) return existing;
  const created = await repo.insertPool(db, tenantId, {
    name: DEFAULT_POOL_NAME,
    region: null,
    isDefault: true,
    createdAt: now,
  });
  if (created) return created;
  // A pool of that name exists but is not the default (or another request just created it): use it.
  const named = await repo.findPoolByName(db, tenantId, DEFAULT_POOL_NAME);
  if (!named) throw new Error('the default pool could neither be found nor created');
  return named.isDefault ? named : (await repo.updatePoolRow(db, tenantId, named.id, { isDefault: true }))!;
}

/** Region -> pool id, the oldest pool of each region winning; customers without a match go to the default. */
export async function mapRegionPools(db: Db, tenantId: string): Promise<Map<string, string>> {
  const byRegion = new Map<string, string>();
  for (const pool of await repo.listRegionPools(db, tenantId)) {
    if (pool.region && !byRegion.has(pool.region)) byRegion.set(pool.region, pool.id);
  }
  return byRegion;
}

/** The pool a customer of `region` goes back to: its region's pool, else the default (created if need be). */
export async function choosePool(
  db: Db,
  tenantId: string,
  region: string | null,
  now: Date,
): Promise<string> {
  const regional = region ? (await mapRegionPools(db, tenantId)).get(region) : undefined;
  return regional ?? (await ensureDefaultPool(db, tenantId, now)).id;
}

/** One pool of the tenant, if it exists (e.g. to check a pool named in a request). */
export async function findPool(db: Db, tenantId: string, poolId: string): Promise<repo.PoolRow | undefined> {
  return repo.findPoolById(db, tenantId, poolId);
}

/** The tenant's pools as CSV columns name them, oldest first. */
export async function listPoolRefs(
  db: Db,
  tenantId: string,
): Promise<{ id: string; name: string; isDefault: boolean }[]> {
  return repo.listPoolRefs(db, tenantId);
}

/**
 * Serialises claims and assignments to one user until the transaction ends, so two at once cannot
 * both pass the caps.
 */
export async function lockOwnerCaps(db: Db, tenantId: string, userId: string): Promise<void> {
  await repo.lockOwnerCaps(db, tenantId, userId);
}

/** The default pool, if the tenant has one (the oldest, should there be several); none is created. */
export async function findDefaultPool(db: Db, tenantId: string): Promise<repo.PoolRow | undefined> {
  return repo.findDefaultPool(db, tenantId);
}

/** Adds pools as they are, tenant and id included (seed data such as the demo's). */
export async function insertPoolRows(db: Db, rows: repo.PoolSeedRow[]): Promise<void> {
  await repo.insertPoolRows(db, rows);
}
