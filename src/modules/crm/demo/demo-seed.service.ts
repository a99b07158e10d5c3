/**
 * The demo tenant's CRM data in bulk: pools, customers with tiers and histories, follow-ups and
 * buying committees, and deals (demo-deals.service.ts). The rows are built in memory (demo-rows.ts) and written in a few multi-row
 * inserts through the features that own them, rather than hundreds of use-case calls, so a first
 * start stays quick; the rows obey the same rules the services keep.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import { insertContactRows } from '../contact/contact.service.js';
import type { CrmDeps } from '../crm-deps.js';
import { insertCustomerRows } from '../customer/customer-record.service.js';
import { recordTierChanges } from '../customer/customer-tier.service.js';
import { logPoolMoves } from '../customer/ownership.service.js';
import { recordFollowUpRows } from '../follow-up/follow-up.service.js';
import { insertPoolRows } from '../pool/pool.service.js';
import { demoCustomers, random } from './demo-customers.js';
import { addDemoCustomer, demoPools, type DemoOwners, type DemoRows } from './demo-rows.js';
import { seedDemoDeals } from './demo-deals.service.js';

export type { DemoOwners } from './demo-rows.js';

/** Rows per insert. */
const BATCH = 200;

/** Seeds `count` demo customers with everything around them; returns how many of each thing it wrote. */
export async function seedDemoCrm(
  deps: CrmDeps,
  actor: Actor,
  owners: DemoOwners,
  count = 240,
): Promise<{ customers: number; people: number; followUps: number; pools: number; deals: number }> {
  const rnd = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const now = deps.clock.now().getTime();
  const tenantId = actor.tenantId;
  const rows: DemoRows = {
    pools: demoPools(tenantId, now),
    customers: [],
    moves: [],
    tiers: [],
    visits: [],
    persons: [],
    members: [],
  };
  for (const input of demoCustomers(count, owners.ownerIds))
    addDemoCustomer(rows, { rnd, pick, now }, owners, input);

  await deps.db.transaction(async (tx) => {
    await insertPoolRows(tx, rows.pools);
    await insertCustomerRows(tx, rows.customers);
    for (let i = 0; i < rows.moves.length; i += BATCH)
      await logPoolMoves(tx, tenantId, rows.moves.slice(i, i + BATCH));
    for (let i = 0; i < rows.tiers.length; i += BATCH)
      await recordTierChanges(tx, tenantId, rows.tiers.slice(i, i + BATCH));
    await recordFollowUpRows(tx, rows.visits);
    await insertContactRows(tx, { people: rows.persons, members: rows.members });
  });
  // The rows mark some customers as having an open deal: they get one, and the deal state is derived from it.
  const deals = await seedDemoDeals(deps, actor, rows.customers);
  return {
    deals,
    customers: rows.customers.length,
    people: rows.persons.length,
    followUps: rows.visits.length,
    pools: rows.pools.length,
  };
}
