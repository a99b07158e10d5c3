import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTeam, makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { ListCustomersQuery } from '../customer/customer.contract.js';
import { createCustomer, getCustomer, listCustomers } from '../customer/customer.service.js';
import { customers } from '../customer/customer.table.js';
import type { PoolRules } from '../settings/crm-settings.contract.js';
import {
  assignCustomer,
  assignCustomers,
  claimCustomer,
  listPoolLog,
  releaseCustomer,
} from './pool-ownership.service.js';
import { createPool, listPools } from './pool-list.service.js';

import { customerRow, makePoolWorld, START } from './pool-world.test-helper.js';
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const setup = (rules: Partial<PoolRules> = {}) => makePoolWorld(database.db, rules);
const rowOf = (id: string) => customerRow(database.db, id);

describe('release', () => {
  it("returns a customer to its region's pool, else to the default pool, with the reason", async () => {
    const { deps, tenant, pool, ownedBy } = await setup();
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const east = await ownedBy(rep.actor, 'East', '华东');
    const north = await ownedBy(rep.actor, 'North', '华北');
    expect(await releaseCustomer(deps, rep.actor, east, { reason: '预算不足' })).toMatchObject({
      poolId: pool.id,
      ownerUserId: null,
      teamId: null,
      receivedAt: null,
    });
    // The only pool has a region, so it is the default one too.
    expect((await releaseCustomer(deps, rep.actor, north, { reason: 'moved away' })).poolId).toBe(pool.id);
    const log = (await listPoolLog(deps, rep.actor, east)).items.at(-1);
    expect(log).toMatchObject({
      action: 'release',
      fromUserId: rep.id,
      toPoolId: pool.id,
      cause: '预算不足',
    });
  });

  it('creates the default pool 公海 when the tenant has no pool', async () => {
    const clock = fixedClock(START);
    const deps = { db: database.db, clock };
    const { admin } = await makeTenant(database.db);
    const id = (await createCustomer(deps, admin.actor, { kind: 'business', name: 'Acme' })).id;
    const released = await releaseCustomer(deps, admin.actor, id, { reason: 'no budget' });
    const pools = (await listPools(deps, admin.actor)).items;
    expect(pools).toMatchObject([{ name: '公海', isDefault: true, region: null, customerCount: 1 }]);
    expect(released.poolId).toBe(pools[0]!.id);
  });

  it('goes to a chosen pool, and is for the owner or someone who may assign', async () => {
    const { deps, tenant, admin, ownedBy } = await setup();
    const team = await makeTeam(database.db, admin.actor);
    const rep = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const manager = await makeUser(database.db, tenant, 'sales_manager', { teamIds: [team.id] });
    const marketer = await makeUser(database.db, tenant, 'marketer');
    const other = await createPool(deps, admin.actor, { name: 'VIP 公海' });
    const id = await ownedBy(rep.actor);
    await expect(releaseCustomer(deps, marketer.actor, id, { reason: 'x' })).rejects.toMatchObject({
      code: 'crm.pool.not_owner',
    });
    expect((await releaseCustomer(deps, manager.actor, id, { reason: 'x', poolId: other.id })).poolId).toBe(
      other.id,
    );
    await expect(releaseCustomer(deps, manager.actor, id, { reason: 'again' })).rejects.toMatchObject({
      code: 'crm.pool.already_in_pool',
    });
  });
});

describe('assign and transfer', () => {
  it('assigns from a pool and transfers from an owner, logging each', async () => {
    const { deps, tenant, admin, pool, inPool, ownedBy } = await setup();
    const team = await makeTeam(database.db, admin.actor);
    const manager = await makeUser(database.db, tenant, 'sales_manager', { teamIds: [team.id] });
    const rep = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const colleague = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const fromPool = await inPool();
    expect(await assignCustomer(deps, manager.actor, fromPool, { userId: rep.id })).toMatchObject({
      ownerUserId: rep.id,
      teamId: team.id,
      poolId: null,
    });
    const owned = await ownedBy(rep.actor);
    await assignCustomer(deps, manager.actor, owned, { userId: colleague.id, reason: 'rep on leave' });
    expect((await listPoolLog(deps, admin.actor, fromPool)).items.at(-1)).toMatchObject({
      action: 'assign',
      fromPoolId: pool.id,
      toUserId: rep.id,
      actorUserId: manager.id,
    });
    expect((await listPoolLog(deps, admin.actor, owned)).items.at(-1)).toMatchObject({
      action: 'transfer',
      fromUserId: rep.id,
      toUserId: colleague.id,
      cause: 'rep on leave',
    });
  });

  it("honours the new owner's limit and refuses people who cannot own customers", async () => {
    const { deps, tenant, admin, inPool } = await setup({ maxOwnedPerUser: 1 });
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const picker = await makeUser(database.db, tenant, 'warehouse_manager');
    const stranger = await makeTenant(database.db);
    await assignCustomer(deps, admin.actor, await inPool(), { userId: rep.id });
    await expect(assignCustomer(deps, admin.actor, await inPool(), { userId: rep.id })).rejects.toMatchObject(
      {
        code: 'crm.pool.owned_limit',
      },
    );
    await expect(
      assignCustomer(deps, admin.actor, await inPool(), { userId: picker.id }),
    ).rejects.toMatchObject({
      code: 'crm.pool.assignee_cannot_own',
    });
    await expect(
      assignCustomer(deps, admin.actor, await inPool(), { userId: stranger.admin.id }),
    ).rejects.toMatchObject({ code: 'crm.pool.assignee_unknown' });
    await expect(assignCustomer(deps, rep.actor, await inPool(), { userId: rep.id })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('answers a bulk assign per customer', async () => {
    const { deps, tenant, admin, inPool, ownedBy } = await setup();
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const other = await makeUser(database.db, tenant, 'sales_rep');
    const a = await inPool('a');
    const b = await ownedBy(other.actor, 'b');
    const mine = await ownedBy(rep.actor, 'mine');
    const foreign = (
      await createCustomer(
        { db: database.db, clock: fixedClock(START) },
        (await makeTenant(database.db)).admin.actor,
        { kind: 'consumer', name: 'foreign' },
      )
    ).id;
    const result = await assignCustomers(deps, admin.actor, {
      customerIds: [a, b, mine, foreign, a],
      userId: rep.id,
    });
    expect(result.moved).toEqual([
      { id: a, action: 'assign' },
      { id: b, action: 'transfer' },
    ]);
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([
      [mine, 'crm.pool.same_owner'],
      [foreign, 'crm.customer.not_found'],
    ]);
    expect((await rowOf(b)).ownerUserId).toBe(rep.id);
    expect((await rowOf(foreign)).name).toBe('foreign');
  });
});

describe('scope', () => {
  it('shows a rep the pool customers and their own, never what others own', async () => {
    const { deps, tenant, inPool, ownedBy } = await setup();
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const other = await makeUser(database.db, tenant, 'sales_rep');
    const pooled = await inPool('pooled');
    const mine = await ownedBy(rep.actor, 'mine');
    const theirs = await ownedBy(other.actor, 'theirs');
    const ids = async (q: Partial<ListCustomersQuery>) =>
      (await listCustomers(deps, rep.actor, ListCustomersQuery.parse(q))).items.map((c) => c.id).sort();
    expect(await ids({ ownership: 'pool' })).toEqual([pooled]);
    expect(await ids({})).toEqual([pooled, mine].sort());
    await expect(getCustomer(deps, rep.actor, theirs)).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
    await expect(listPoolLog(deps, rep.actor, theirs)).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
    await expect(releaseCustomer(deps, rep.actor, theirs, { reason: 'x' })).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
    // Once claimed, the customer is no longer visible to the other rep.
    await claimCustomer(deps, other.actor, pooled);
    expect(await ids({ ownership: 'pool' })).toEqual([]);
    const stillThere = await database.db
      .select()
      .from(customers)
      .where(and(eq(customers.id, pooled), eq(customers.ownerUserId, other.id)));
    expect(stillThere).toHaveLength(1);
  });
});
