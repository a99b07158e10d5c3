import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTeam, makeUser } from '../../../../test/helpers/factories.js';
import type { Database } from '../../../platform/db/database.js';
import type { PoolRules } from '../settings/crm-settings.contract.js';
import { claimCustomer, listPoolLog, releaseCustomer } from './pool-ownership.service.js';
import { runRecall } from './recall.service.js';

import { customerRow, makePoolWorld, START } from './pool-world.test-helper.js';
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const setup = (rules: Partial<PoolRules> = {}) => makePoolWorld(database.db, rules);
const rowOf = (id: string) => customerRow(database.db, id);

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
