/**
 * Pools as the API shows them: each with how many customers it holds. The pools are crm/pool's and
 * the customers crm/customer's, so the list that needs both sits here, above them.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { countCustomersByPool } from '../customer/customer-record.service.js';
import type { CrmDeps } from '../crm-deps.js';
import type { CreatePoolInput, Pool, PoolList, UpdatePoolInput } from '../pool/pool.contract.js';
import { poolNotFound } from '../pool/pool.errors.js';
import { addPool, changePool, listPoolRows, type PoolRow } from '../pool/pool.service.js';

/** A stored pool and its count in the public shape. */
function toPool(row: PoolRow, customerCount: number): Pool {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    isDefault: row.isDefault,
    customerCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The tenant's pools with their customer counts, the default first. */
async function listWithCounts(db: Db, tenantId: string): Promise<Pool[]> {
  const [rows, counts] = await Promise.all([listPoolRows(db, tenantId), countCustomersByPool(db, tenantId)]);
  const countOf = new Map(counts.map((count) => [count.poolId, count.n]));
  return rows.map((row) => toPool(row, countOf.get(row.id) ?? 0));
}

/** The tenant's pools with their customer counts, the default first (any CRM user may look). */
export async function listPools(deps: CrmDeps, actor: Actor): Promise<PoolList> {
  requirePermission(actor, 'customers.read');
  return { items: await listWithCounts(deps.db, actor.tenantId) };
}

/** One pool with its count; not_found when missing. */
async function getPool(db: Db, tenantId: string, id: string): Promise<Pool> {
  const pool = (await listWithCounts(db, tenantId)).find((candidate) => candidate.id === id);
  if (!pool) throw poolNotFound(id);
  return pool;
}

/** Creates a pool; the tenant's first pool, or one created with `isDefault`, becomes the default. */
export async function createPool(deps: CrmDeps, actor: Actor, input: CreatePoolInput): Promise<Pool> {
  const id = await addPool(deps, actor, input);
  return getPool(deps.db, actor.tenantId, id);
}

/** Renames a pool, changes its region, or makes it the default (the old default stops being one). */
export async function updatePool(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: UpdatePoolInput,
): Promise<Pool> {
  await changePool(deps, actor, id, input);
  return getPool(deps.db, actor.tenantId, id);
}
