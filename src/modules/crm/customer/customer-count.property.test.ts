/**
 * The kept customer counts against `count(*)`: random operations through the services (create, tier
 * and kind edits, import, merge, recall, claim, release, bulk assign, delete), with and without a
 * fold in between; after each sequence the summary served from the kept counts equals the live count
 * for an admin, a team manager and a rep, with and without filters, and every kept group equals its
 * group of customers.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptCountGroups } from '../../../../test/helpers/customer-counts.js';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTeam, makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { createPool } from '../assignment/pool-list.service.js';
import { assignCustomers, claimCustomer, releaseCustomer } from '../assignment/pool-ownership.service.js';
import { runRecall } from '../assignment/recall.service.js';
import { importCustomers } from '../import/import.service.js';
import { mergeCustomers } from '../merge/merge.service.js';
import { changeCustomerTier } from '../tier/tier.service.js';
import { CUSTOMER_KINDS, type CustomerSummaryQuery } from './customer.contract.js';
import * as live from './customer.repository.js';
import { foldCustomerCounts, summarizeFromKeptCounts } from './customer-count.service.js';
import { createCustomer, summarizeCustomers } from './customer.service.js';
import { isServedByKeptCounts, toSummary } from './customer-summary.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const TIERS = ['A', 'B', 'C', 'D'] as const;
const kind = fc.constantFrom(...CUSTOMER_KINDS);
const tier = fc.option(fc.constantFrom(...TIERS), { nil: undefined });
const pick = fc.nat(50);
const op = fc.oneof(
  fc.record({ op: fc.constant('create' as const), by: fc.nat(3), kind, tier, inPool: fc.boolean() }),
  fc.record({ op: fc.constant('tier' as const), pick, tier: fc.option(fc.constantFrom(...TIERS)) }),
  fc.record({ op: fc.constant('kind' as const), pick, kind }),
  fc.record({
    op: fc.constant('import' as const),
    rows: fc.array(fc.tuple(kind, tier, fc.nat(2)), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ op: fc.constant('merge' as const), pick, from: pick }),
  fc.record({ op: fc.constant('recall' as const) }),
  fc.record({ op: fc.constant('claim' as const), by: fc.nat(3), pick }),
  fc.record({ op: fc.constant('release' as const), pick }),
  fc.record({
    op: fc.constant('assign' as const),
    picks: fc.array(pick, { minLength: 1, maxLength: 3 }),
    to: fc.nat(3),
  }),
  fc.record({ op: fc.constant('delete' as const), pick }),
  fc.record({ op: fc.constant('fold' as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function makeWorld() {
  const clock = fixedClock('2026-03-02T01:00:00Z');
  const deps = { db: database.db, clock };
  const { tenant, admin } = await makeTenant(database.db);
  const team = await makeTeam(database.db, admin.actor);
  const manager = await makeUser(database.db, tenant, 'sales_manager', { teamIds: [team.id] });
  const rep = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
  const outsider = await makeUser(database.db, tenant, 'sales_rep');
  const pool = await createPool(deps, admin.actor, { name: '华东公海', region: '华东' });
  const users = [admin, manager, rep, outsider];
  return { clock, deps, tenant, admin, manager, rep, pool, users };
}
type World = Awaited<ReturnType<typeof makeWorld>>;

async function customerIds(world: World): Promise<{ id: string; pool: boolean }[]> {
  const { rows } = await database.db.execute<{ id: string; pool: boolean }>(
    sql`select id, pool_id is not null as pool from customers where tenant_id = ${world.tenant.id} order by id`,
  );
  return rows;
}

let seq = 0;
async function apply(world: World, step: Op): Promise<void> {
  const { deps, admin, users, pool, tenant } = world;
  const all = await customerIds(world);
  const at = (n: number) => all[n % Math.max(all.length, 1)]?.id;
  const id = 'pick' in step ? at(step.pick) : undefined;
  switch (step.op) {
    case 'create':
      await createCustomer(deps, users[step.by]!.actor, {
        kind: step.kind,
        name: `C${seq++}`,
        intentTier: step.tier,
        ...(step.inPool ? { poolId: pool.id } : {}),
      });
      return;
    case 'tier':
      if (id)
        await changeCustomerTier(deps, admin.actor, id, {
          dimension: 'intent',
          tier: step.tier,
          reason: 'test',
        });
      return;
    case 'kind':
      // A raw statement: the trigger keeps the counts whoever writes.
      if (id)
        await database.db.execute(
          sql`update customers set kind = ${step.kind} where tenant_id = ${tenant.id} and id = ${id}`,
        );
      return;
    case 'import': {
      const lines = ['kind,name,intentTier,owner'];
      for (const [k, t, u] of step.rows) lines.push(`${k},Imported ${seq++},${t ?? ''},${users[u]!.email}`);
      await importCustomers(deps, admin.actor, Buffer.from(lines.join('\n') + '\n', 'utf8'));
      return;
    }
    case 'merge': {
      const from = at(step.from);
      if (id && from && from !== id) await mergeCustomers(deps, admin.actor, id, { from: [from] });
      return;
    }
    case 'recall':
      world.clock.advanceDays(120);
      await runRecall(deps, tenant.id, { dryRun: false });
      return;
    case 'claim': {
      const inPool = all.filter((c) => c.pool);
      const target = inPool[step.pick % Math.max(inPool.length, 1)]?.id;
      if (target) await claimCustomer(deps, users[step.by]!.actor, target);
      return;
    }
    case 'release':
      if (id) await releaseCustomer(deps, admin.actor, id, { poolId: pool.id, reason: 'test' });
      return;
    case 'assign': {
      const ids = [...new Set(step.picks.map(at).filter((x): x is string => x !== undefined))];
      if (ids.length)
        await assignCustomers(deps, admin.actor, { customerIds: ids, userId: users[step.to]!.id });
      return;
    }
    case 'delete':
      if (id)
        await database.db.execute(sql`delete from customers where tenant_id = ${tenant.id} and id = ${id}`);
      return;
    case 'fold':
      await foldCustomerCounts(database.db, tenant.id);
      return;
  }
}

/** The summary counted live: `count(*)` over the customers the actor may see. */
async function liveSummary(actor: Actor, query: CustomerSummaryQuery) {
  const [kinds, tiers] = await Promise.all([
    live.countVisibleByKind(database.db, actor, query),
    live.countVisibleByIntentTier(database.db, actor, query),
  ]);
  return toSummary(kinds, tiers, query);
}

async function expectCountsRight(world: World): Promise<void> {
  const { kept, counted } = await keptCountGroups(database.db, world.tenant.id);
  expect(kept).toEqual(counted);
  const queries: CustomerSummaryQuery[] = [
    {},
    { kind: 'business' },
    { intentTier: ['A', 'none'] },
    { kind: 'consumer', intentTier: ['B', 'C'] },
    { ownerUserId: world.rep.id },
    { poolId: world.pool.id },
    { ownership: 'pool' },
    { ownership: 'owned', intentTier: ['none'] },
  ];
  for (const actor of [world.admin.actor, world.manager.actor, world.rep.actor])
    for (const query of queries) {
      expect(isServedByKeptCounts(query)).toBe(true);
      const expected = await liveSummary(actor, query);
      expect(await summarizeFromKeptCounts(world.deps, actor, query)).toEqual(expected);
      expect(await summarizeCustomers(world.deps, actor, query)).toEqual(expected);
    }
}

describe('kept customer counts', () => {
  it('equal count(*) after any sequence of writes, folded or not, for every scope and filter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 18 }), async (ops) => {
        const world = await makeWorld();
        for (const step of ops) {
          await apply(world, step).catch((error: unknown) => {
            // A refused operation (a limit, a cooldown, a customer out of reach) writes nothing.
            if (!isAppError(error)) throw error;
          });
        }
        await expectCountsRight(world);
        await foldCustomerCounts(database.db, world.tenant.id);
        await expectCountsRight(world);
      }),
      { numRuns: 8 },
    );
  });
});
