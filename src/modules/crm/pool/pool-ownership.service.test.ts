import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTeam, makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { ListCustomersQuery } from '../customer/customer.contract.js';
import { createCustomer, getCustomer, listCustomers } from '../customer/customer.service.js';
import { customers } from '../customer/customer.table.js';
import { updateCrmSettings } from '../settings/crm-settings.service.js';
import { PoolRules } from '../settings/crm-settings.contract.js';
import {
  assignCustomer,
  assignCustomers,
  claimCustomer,
  listPoolLog,
  releaseCustomer,
} from './pool-ownership.service.js';
import { createPool, listPools } from './pool.service.js';
import { runRecall } from './recall.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const START = '2026-03-02T01:00:00Z';

/** A tenant with a pool, a clock, and helpers to put customers in it or give them to someone. */
async function setup(rules: Partial<PoolRules> = {}) {
  const clock = fixedClock(START);
  const deps = { db: database.db, clock };
  const { tenant, admin } = await makeTenant(database.db);
  await updateCrmSettings(deps, admin.actor, { pools: PoolRules.parse(rules) });
  const pool = await createPool(deps, admin.actor, { name: '华东公海', region: '华东' });
  const inPool = async (name = 'Pool customer', region?: string) =>
    (await createCustomer(deps, admin.actor, { kind: 'consumer', name, poolId: pool.id, region })).id;
  const ownedBy = async (actor: Actor, name = 'Owned customer', region?: string) =>
    (await createCustomer(deps, actor, { kind: 'consumer', name, region })).id;
  return { clock, deps, tenant, admin, pool, inPool, ownedBy };
}

const rowOf = async (id: string) =>
  (await database.db.select().from(customers).where(eq(customers.id, id)))[0]!;

describe('claim', () => {
  it('moves a pool customer to the claimer, into their only team, and logs it', async () => {
    const { deps, tenant, admin, pool, inPool } = await setup();
    const team = await makeTeam(database.db, admin.actor);
    const rep = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const id = await inPool();
    const claimed = await claimCustomer(deps, rep.actor, id);
    expect(claimed).toMatchObject({
      ownerUserId: rep.id,
      teamId: team.id,
      poolId: null,
      receivedAt: START.replace('Z', '.000Z'),
    });
    const log = await listPoolLog(deps, rep.actor, id);
    expect(log.items.map((move) => [move.action, move.fromPoolId, move.toUserId, move.actorUserId])).toEqual([
      ['create', null, null, admin.id],
      ['claim', pool.id, rep.id, rep.id],
    ]);
  });

  it('refuses a customer someone owns', async () => {
    const { deps, tenant, admin, ownedBy } = await setup();
    const manager = await makeUser(database.db, tenant, 'sales_manager');
    const id = await ownedBy(admin.actor);
    await expect(claimCustomer(deps, admin.actor, id)).rejects.toMatchObject({
      code: 'crm.pool.already_claimed',
    });
    // A rep cannot even see someone else's customer.
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    await expect(claimCustomer(deps, rep.actor, id)).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
    await expect(claimCustomer(deps, manager.actor, id)).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
  });

  it('lets exactly one of two simultaneous claims win', async () => {
    const { deps, tenant, admin, inPool } = await setup();
    const first = await makeUser(database.db, tenant, 'sales_rep');
    const second = await makeUser(database.db, tenant, 'sales_rep');
    const id = await inPool();
    const outcomes = await Promise.allSettled([
      claimCustomer(deps, first.actor, id),
      claimCustomer(deps, second.actor, id),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'crm.pool.already_claimed' });
    const winner = (won[0] as PromiseFulfilledResult<{ ownerUserId: string }>).value.ownerUserId;
    expect((await rowOf(id)).ownerUserId).toBe(winner);
    // Whoever lost can no longer see the customer: read the log as the admin.
    const claims = (await listPoolLog(deps, admin.actor, id)).items.filter((m) => m.action === 'claim');
    expect(claims.map((m) => m.toUserId)).toEqual([winner]);
  });

  it('stops at the most customers a user may own', async () => {
    const { deps, tenant, inPool, ownedBy } = await setup({ maxOwnedPerUser: 2 });
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    await ownedBy(rep.actor);
    await claimCustomer(deps, rep.actor, await inPool());
    const third = await inPool();
    await expect(claimCustomer(deps, rep.actor, third)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'crm.pool.owned_limit',
      details: { limit: 2, userId: rep.id },
    });
    expect((await rowOf(third)).poolId).not.toBeNull();
  });

  it('allows so many claims per 24 hours and says when the next one is possible', async () => {
    const { clock, deps, tenant, inPool } = await setup({ claimsPerDay: 2 });
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    await claimCustomer(deps, rep.actor, await inPool());
    clock.set('2026-03-02T05:00:00Z');
    await claimCustomer(deps, rep.actor, await inPool());
    clock.set('2026-03-02T09:00:00Z');
    const third = await inPool();
    await expect(claimCustomer(deps, rep.actor, third)).rejects.toMatchObject({
      code: 'crm.pool.claim_limit',
      details: { limit: 2, until: '2026-03-03T01:00:00.000Z' },
    });
    clock.set('2026-03-03T01:00:01Z');
    expect((await claimCustomer(deps, rep.actor, third)).ownerUserId).toBe(rep.id);
  });

  it('makes a previous owner wait out the cooldown after a release', async () => {
    const { clock, deps, tenant, inPool } = await setup({ reclaimCooldownDays: 7 });
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const other = await makeUser(database.db, tenant, 'sales_rep');
    const id = await inPool();
    await claimCustomer(deps, rep.actor, id);
    clock.advanceDays(1);
    await releaseCustomer(deps, rep.actor, id, { reason: 'not reachable' });
    clock.advanceDays(6);
    await expect(claimCustomer(deps, rep.actor, id)).rejects.toMatchObject({
      code: 'crm.pool.cooldown',
      details: { days: 7, until: '2026-03-10T01:00:00.000Z' },
    });
    // Someone else may claim it at once.
    await claimCustomer(deps, other.actor, id);
    await releaseCustomer(deps, other.actor, id, { reason: 'handing back' });
    clock.advanceDays(1);
    expect((await claimCustomer(deps, rep.actor, id)).ownerUserId).toBe(rep.id);
  });

  it('makes a previous owner wait out the cooldown after a recall', async () => {
    const { clock, deps, tenant, inPool } = await setup({ reclaimCooldownDays: 5 });
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const id = await inPool();
    await claimCustomer(deps, rep.actor, id);
    clock.advanceDays(11);
    expect(
      (await runRecall(deps, rep.actor.tenantId, { dryRun: false })).recalled.map((r) => r.customerId),
    ).toEqual([id]);
    clock.advanceDays(4);
    await expect(claimCustomer(deps, rep.actor, id)).rejects.toMatchObject({ code: 'crm.pool.cooldown' });
    clock.advanceDays(1);
    expect((await claimCustomer(deps, rep.actor, id)).ownerUserId).toBe(rep.id);
  });

  it('is not for marketers or API keys', async () => {
    const { deps, tenant, admin, inPool } = await setup();
    const marketer = await makeUser(database.db, tenant, 'marketer');
    const id = await inPool();
    await expect(claimCustomer(deps, marketer.actor, id)).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(
      claimCustomer(deps, { ...admin.actor, userId: null, via: 'api_key' }, id),
    ).rejects.toMatchObject({
      code: 'crm.pool.no_user',
    });
  });
});

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
