/** The pool ownership tests' world: a tenant with a pool, a fixed clock and customer shortcuts. */
import { eq } from 'drizzle-orm';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { createCustomer } from '../customer/customer.service.js';
import { customers } from '../customer/customer.table.js';
import { PoolRules } from '../settings/crm-settings.contract.js';
import { updateCrmSettings } from '../settings/crm-settings.service.js';
import { createPool } from './pool-list.service.js';

/** When the world's clock starts. */
export const START = '2026-03-02T01:00:00Z';

/** A tenant with a pool, a clock, and helpers to put customers in it or give them to someone. */
export async function makePoolWorld(db: Db, rules: Partial<PoolRules> = {}) {
  const clock = fixedClock(START);
  const deps = { db, clock };
  const { tenant, admin } = await makeTenant(db);
  await updateCrmSettings(deps, admin.actor, { pools: PoolRules.parse(rules) });
  const pool = await createPool(deps, admin.actor, { name: '华东公海', region: '华东' });
  const inPool = async (name = 'Pool customer', region?: string) =>
    (await createCustomer(deps, admin.actor, { kind: 'consumer', name, poolId: pool.id, region })).id;
  const ownedBy = async (actor: Actor, name = 'Owned customer', region?: string) =>
    (await createCustomer(deps, actor, { kind: 'consumer', name, region })).id;
  return { clock, deps, tenant, admin, pool, inPool, ownedBy };
}

/** The customer's stored row, as the tests read ownership from it. */
export async function customerRow(db: Db, id: string) {
  return (await db.select().from(customers).where(eq(customers.id, id)))[0]!;
}
