import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { createPool } from '../assignment/pool-list.service.js';
import { createCustomer } from '../customer/customer.service.js';
import { createDeal } from '../deal/deal.service.js';
import { loseDeal, moveDealStage, reopenDeal, winDeal } from '../deal/deal-transition.service.js';
import { mergeCustomers } from '../merge/merge.service.js';
import { defaultPipelineStages } from '../pipeline/pipeline.service.js';
import { LIFECYCLE_ERRORS } from './lifecycle.contract.js';
import { getLifecycle, moveLifecycle } from './lifecycle.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-12-07T08:00:00Z');
const deps = () => ({ db: database.db, clock });

async function customer(actor: Actor, name = `Acme ${Math.random()}`, extra: object = {}) {
  return (await createCustomer(deps(), actor, { kind: 'business', name, allowDuplicate: true, ...extra })).id;
}

/** The id of a stage of the business pipeline by key. */
async function stageId(tenantId: string, key: string): Promise<string> {
  const found = await defaultPipelineStages(database.db, tenantId, 'business', clock.now());
  return found.stages.find((stage) => stage.key === key)!.id;
}

const moves = async (actor: Actor, customerId: string) =>
  (await getLifecycle(deps(), actor, customerId)).history
    .map((change) => `${change.fromStage ?? '-'}>${change.toStage}:${change.source}`)
    .reverse();

describe('the lifecycle follows deal events', () => {
  it('first contact on a new deal, POC on the POC stage, in use on a win, expansion on a second win', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const id = await customer(admin.actor);
    expect(await getLifecycle(deps(), admin.actor, id)).toEqual({ customerId: id, stage: null, history: [] });

    const first = await createDeal(deps(), admin.actor, { customerId: id, name: 'Pilot' });
    expect((await getLifecycle(deps(), admin.actor, id)).stage).toBe('first_contact');
    await moveDealStage(deps(), admin.actor, first.id, await stageId(tenant.id, 'needs'));
    expect((await getLifecycle(deps(), admin.actor, id)).stage).toBe('first_contact');
    clock.advanceDays(1);
    await moveDealStage(deps(), admin.actor, first.id, await stageId(tenant.id, 'poc'));
    expect((await getLifecycle(deps(), admin.actor, id)).stage).toBe('poc');
    clock.advanceDays(1);
    await winDeal(deps(), admin.actor, first.id);
    expect((await getLifecycle(deps(), admin.actor, id)).stage).toBe('in_use');

    // Reopening and winning the same deal again is not a second won deal.
    await reopenDeal(deps(), admin.actor, first.id, { cancelOrder: false });
    await winDeal(deps(), admin.actor, first.id);
    expect((await getLifecycle(deps(), admin.actor, id)).stage).toBe('in_use');

    clock.advanceDays(1);
    const second = await createDeal(deps(), admin.actor, { customerId: id, name: 'More seats' });
    await winDeal(deps(), admin.actor, second.id);
    const lifecycle = await getLifecycle(deps(), admin.actor, id);
    expect(lifecycle.stage).toBe('expansion');
    expect(await moves(admin.actor, id)).toEqual([
      '->first_contact:deal',
      'first_contact>poc:deal',
      'poc>in_use:deal',
      'in_use>expansion:deal',
    ]);
    expect(lifecycle.history[0]).toMatchObject({
      dealId: second.id,
      actorUserId: admin.id,
      at: clock.now().toISOString(),
    });
  });

  it('never moves a customer backwards on its own', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const id = await customer(admin.actor);
    const won = await createDeal(deps(), admin.actor, { customerId: id, name: 'Won' });
    await winDeal(deps(), admin.actor, won.id);
    // A new deal, a deal in the POC stage and a lost deal leave an in-use customer where it is.
    const other = await createDeal(deps(), admin.actor, {
      customerId: id,
      name: 'Trial',
      stageId: await stageId(tenant.id, 'poc'),
    });
    await moveDealStage(deps(), admin.actor, other.id, await stageId(tenant.id, 'reach'));
    await loseDeal(deps(), admin.actor, other.id, 'Price');
    await reopenDeal(deps(), admin.actor, other.id, { cancelOrder: false });
    expect((await getLifecycle(deps(), admin.actor, id)).stage).toBe('in_use');
    expect(await moves(admin.actor, id)).toEqual(['->first_contact:deal', 'first_contact>in_use:deal']);
  });

  it('starts at POC when a deal is created in the POC stage', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const id = await customer(admin.actor);
    await createDeal(deps(), admin.actor, {
      customerId: id,
      name: 'Trial',
      stageId: await stageId(tenant.id, 'poc'),
    });
    expect(await moves(admin.actor, id)).toEqual(['->poc:deal']);
  });
});

describe('moving the lifecycle by hand', () => {
  it('goes anywhere, backwards too, with a note in the history; the same stage changes nothing', async () => {
    const { admin } = await makeTenant(database.db);
    const id = await customer(admin.actor);
    await moveLifecycle(deps(), admin.actor, id, { stage: 'expansion', note: 'Referred two partners' });
    clock.advanceDays(1);
    const back = await moveLifecycle(deps(), admin.actor, id, { stage: 'poc', note: 'Trial restarted' });
    expect(back.stage).toBe('poc');
    expect(back.history.map((c) => [c.fromStage, c.toStage, c.source, c.note, c.actorUserId])).toEqual([
      ['expansion', 'poc', 'manual', 'Trial restarted', admin.id],
      [null, 'expansion', 'manual', 'Referred two partners', admin.id],
    ]);
    const same = await moveLifecycle(deps(), admin.actor, id, { stage: 'poc' });
    expect(same.history).toHaveLength(2);
    // A deal event after a manual move still only moves forward from where the customer stands.
    const deal = await createDeal(deps(), admin.actor, { customerId: id, name: 'x' });
    expect((await getLifecycle(deps(), admin.actor, id)).stage).toBe('poc');
    await winDeal(deps(), admin.actor, deal.id);
    expect((await getLifecycle(deps(), admin.actor, id)).stage).toBe('in_use');
  });

  it('answers 404 for a customer outside the actor’s scope and refuses pool customers until claimed', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const others = await customer(admin.actor);
    for (const run of [
      () => getLifecycle(deps(), rep.actor, others),
      () => moveLifecycle(deps(), rep.actor, others, { stage: 'poc' }),
    ]) {
      const error = await run().catch((e: unknown) => e);
      expect(isAppError(error, 'not_found')).toBe(true);
    }
    const pool = await createPool(deps(), admin.actor, { name: 'Open sea' });
    const pooled = await customer(admin.actor, 'Pooled', { poolId: pool.id });
    expect((await getLifecycle(deps(), rep.actor, pooled)).stage).toBeNull();
    const refused = await moveLifecycle(deps(), rep.actor, pooled, { stage: 'poc' }).catch((e: unknown) => e);
    expect(isAppError(refused, 'forbidden')).toBe(true);
    expect((refused as { code: string }).code).toBe(LIFECYCLE_ERRORS.inPool);
    expect((await getLifecycle(deps(), admin.actor, others)).history).toEqual([]);
    const viewer = await makeUser(database.db, tenant, 'marketer');
    const denied = await moveLifecycle(deps(), viewer.actor, pooled, { stage: 'poc' }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(denied, 'forbidden')).toBe(true);
  });
});

describe('merging customers', () => {
  it('moves the history to the survivor, which keeps the furthest stage', async () => {
    const { admin } = await makeTenant(database.db);
    const target = await customer(admin.actor);
    const ahead = await customer(admin.actor);
    const behind = await customer(admin.actor);
    await moveLifecycle(deps(), admin.actor, target, { stage: 'poc' });
    await winDeal(
      deps(),
      admin.actor,
      (await createDeal(deps(), admin.actor, { customerId: ahead, name: 'a' })).id,
    );
    await moveLifecycle(deps(), admin.actor, behind, { stage: 'first_contact' });

    const result = await mergeCustomers(deps(), admin.actor, target, { from: [ahead, behind] });
    expect(result.repointed.lifecycleChanges).toBe(3);
    const merged = await getLifecycle(deps(), admin.actor, target);
    expect(merged.stage).toBe('in_use');
    expect(merged.history.map((change) => change.toStage).sort()).toEqual(
      ['first_contact', 'first_contact', 'in_use', 'poc'].sort(),
    );
  });

  it('keeps the survivor’s stage when it is already the furthest', async () => {
    const { admin } = await makeTenant(database.db);
    const target = await customer(admin.actor);
    const source = await customer(admin.actor);
    await moveLifecycle(deps(), admin.actor, target, { stage: 'expansion' });
    await moveLifecycle(deps(), admin.actor, source, { stage: 'in_use' });
    await mergeCustomers(deps(), admin.actor, target, { from: [source] });
    const merged = await getLifecycle(deps(), admin.actor, target);
    expect(merged.stage).toBe('expansion');
    expect(merged.history).toHaveLength(2);
  });
});
