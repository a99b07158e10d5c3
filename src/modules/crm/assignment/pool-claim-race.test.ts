import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeUser } from '../../../../test/helpers/factories.js';
import type { Database } from '../../../platform/db/database.js';
import { assignCustomer, claimCustomer } from './pool-ownership.service.js';
import { customerRow, makePoolWorld } from './pool-world.test-helper.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('a claim that lost the customer to someone else', () => {
  it('answers already_claimed, though the customer left the claimer’s sight with its new owner', async () => {
    const { deps, tenant, inPool } = await makePoolWorld(database.db);
    const [winner, loser] = [
      await makeUser(database.db, tenant, 'sales_rep'),
      await makeUser(database.db, tenant, 'sales_rep'),
    ];
    const id = await inPool();
    await claimCustomer(deps, winner.actor, id);
    await expect(claimCustomer(deps, loser.actor, id)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'crm.pool.already_claimed',
    });
  });

  it('answers already_claimed when a manager assigned it out of the pool first', async () => {
    const { deps, tenant, admin, inPool } = await makePoolWorld(database.db);
    const [owner, loser] = [
      await makeUser(database.db, tenant, 'sales_rep'),
      await makeUser(database.db, tenant, 'sales_rep'),
    ];
    const id = await inPool();
    await assignCustomer(deps, admin.actor, id, { userId: owner.id });
    await expect(claimCustomer(deps, loser.actor, id)).rejects.toMatchObject({
      code: 'crm.pool.already_claimed',
    });
  });

  it('still answers not_found for a customer that never was in a pool', async () => {
    const { deps, tenant, ownedBy } = await makePoolWorld(database.db);
    const [owner, other] = [
      await makeUser(database.db, tenant, 'sales_rep'),
      await makeUser(database.db, tenant, 'sales_rep'),
    ];
    const id = await ownedBy(owner.actor);
    await expect(claimCustomer(deps, other.actor, id)).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
  });
});

// Fifty sessions really racing needs the PostgreSQL server (PGlite runs one statement at a time).
describe.skipIf(testEngine() !== 'postgres')('a fifty-way claim race', () => {
  it('has one winner and gives every loser already_claimed', async () => {
    const { deps, tenant, inPool } = await makePoolWorld(database.db);
    // The reps are made one after another: the race under test is the claim. (Fifty users added at
    // once meet in distributed deadlocks on Citus, where users and memberships are reference tables.)
    const reps: Awaited<ReturnType<typeof makeUser>>[] = [];
    for (let i = 0; i < 50; i++) reps.push(await makeUser(database.db, tenant, 'sales_rep'));
    const id = await inPool();
    const claim = (rep: (typeof reps)[number]) => claimCustomer(deps, rep.actor, id);
    // Half start together; the rest once any claim has settled, when the winner has committed (a
    // loser settles only after the winner's update), so they read the customer already owned.
    const first = reps.slice(0, 25).map(claim);
    await Promise.race(first.map((p) => p.catch(() => undefined)));
    const outcomes = await Promise.allSettled([...first, ...reps.slice(25).map(claim)]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const codes = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [(o.reason as { code?: string }).code ?? String(o.reason)] : [],
    );
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array.from({ length: 49 }, () => 'crm.pool.already_claimed'));
    const winner = (won[0] as PromiseFulfilledResult<{ ownerUserId: string }>).value.ownerUserId;
    expect((await customerRow(database.db, id)).ownerUserId).toBe(winner);
  });
});
