import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { createCustomer } from '../customer/customer.service.js';
import { createDeal } from '../deal/deal.service.js';
import { winDeal } from '../deal/deal-transition.service.js';
import { insertCustomers } from '../customer/customer.repository.js';
import { customers } from '../customer/customer.table.js';
import { PoolRules } from '../settings/crm-settings.contract.js';
import { updateCrmSettings } from '../settings/crm-settings.service.js';
import { listPoolMoves } from '../customer/ownership.repository.js';
import { createPool, listPools } from './pool-list.service.js';
import { poolMoves } from '../customer/pool-move.table.js';
import { listRecallWarnings, recallJob, recallNow, runRecall } from './recall.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const START = '2026-04-01T02:00:00Z';

async function setup(rules: Partial<PoolRules> = {}) {
  const clock = fixedClock(START);
  const deps = { db: database.db, clock };
  const { tenant, admin } = await makeTenant(database.db);
  const rep = await makeUser(database.db, tenant, 'sales_rep');
  const setRules = (more: Partial<PoolRules>) =>
    updateCrmSettings(deps, admin.actor, { pools: PoolRules.parse({ ...rules, ...more }) });
  await setRules({});
  const own = async (
    name: string,
    extra: {
      intentTier?: 'A' | 'B' | 'C' | 'D';
      region?: string;
      locked?: boolean;
    } = {},
    actor: Actor = rep.actor,
  ) => (await createCustomer(deps, actor, { kind: 'consumer', name, ...extra })).id;
  const recall = async () => runRecall(deps, tenant.id, { dryRun: false });
  return { clock, deps, tenant, admin, rep, setRules, own, recall };
}

const rowOf = async (id: string) =>
  (await database.db.select().from(customers).where(eq(customers.id, id)))[0]!;

describe('recall', () => {
  it('warns the owner first, then returns the customer to the pool with the cause', async () => {
    const { clock, tenant, rep, own, recall } = await setup({ recallWarningDays: 3 });
    const id = await own('Tier C', { intentTier: 'C' });
    const daily: string[] = [];
    for (let day = 1; day <= 16; day++) {
      clock.advanceDays(1);
      const result = await recall();
      if (result.warned.length) daily.push(`day ${day}: warned`);
      if (result.recalled.length) daily.push(`day ${day}: recalled`);
    }
    expect(daily).toEqual(['day 13: warned', 'day 16: recalled']);
    const row = await rowOf(id);
    const pools = (await listPools({ db: database.db, clock }, rep.actor)).items;
    expect(pools.map((p) => [p.name, p.isDefault])).toEqual([['公海', true]]);
    expect(row).toMatchObject({ ownerUserId: null, poolId: pools[0]!.id, recallWarnedAt: null });
    const moves = await listPoolMoves(database.db, tenant.id, id);
    expect(moves.map((m) => [m.action, m.fromUserId, m.toPoolId, m.actorUserId, m.cause])).toEqual([
      ['create', null, null, rep.id, 'created'],
      [
        'recall_warning',
        rep.id,
        null,
        null,
        'recall on 2026-04-16: no follow-up for 13 days (tier C allows 15)',
      ],
      ['recall', rep.id, pools[0]!.id, null, 'no follow-up for 16 days (tier C allows 15)'],
    ]);
  });

  it('applies the limit of each tier, and never recalls a tier without one', async () => {
    const { clock, own, recall, setRules } = await setup({ recallWarningDays: 0 });
    await setRules({ recallDays: { A: null, B: 21, C: 15, D: 10, unset: 5 } });
    const ids = {
      A: await own('A', { intentTier: 'A' }),
      B: await own('B', { intentTier: 'B' }),
      C: await own('C', { intentTier: 'C' }),
      D: await own('D', { intentTier: 'D' }),
      unset: await own('unset'),
    };
    const when: Record<string, number> = {};
    for (let day = 1; day <= 400; day++) {
      clock.advanceDays(1);
      for (const moved of (await recall()).recalled) when[moved.name] = day;
      if (Object.keys(when).length === 4 && day > 30) break;
    }
    expect(when).toEqual({ unset: 6, D: 11, C: 16, B: 22 });
    expect((await rowOf(ids.A)).ownerUserId).not.toBeNull();
  });

  it('restarts the clock on a follow-up, and warns again only after it', async () => {
    const { clock, own, recall } = await setup({ recallWarningDays: 3 });
    const id = await own('Followed up', { intentTier: 'C' });
    clock.advanceDays(13);
    expect((await recall()).warned.map((w) => w.customerId)).toEqual([id]);
    expect((await recall()).warned).toEqual([]);
    clock.advanceDays(1 / 24);
    await database.db.update(customers).set({ lastFollowUpAt: clock.now() }).where(eq(customers.id, id));
    clock.advanceDays(5);
    expect(await recall()).toMatchObject({ recalled: [], warned: [] });
    clock.advanceDays(8.5);
    const again = await recall();
    expect(again.warned.map((w) => w.customerId)).toEqual([id]);
    expect(again.recalled).toEqual([]);
    clock.advanceDays(2);
    expect((await recall()).recalled.map((r) => r.customerId)).toEqual([id]);
  });

  it('leaves locked customers and open or won deals alone while the tenant says so', async () => {
    const { clock, deps, rep, own, recall, setRules } = await setup();
    const locked = await own('locked', { locked: true });
    const open = await own('open');
    await createDeal(deps, rep.actor, { customerId: open, name: 'open deal' });
    const won = await own('won');
    await winDeal(deps, rep.actor, (await createDeal(deps, rep.actor, { customerId: won, name: 'won' })).id);
    const plain = await own('plain');
    clock.advanceDays(30);
    expect((await recall()).recalled.map((r) => r.customerId)).toEqual([plain]);
    await setRules({ recallExempt: { locked: false, openDeal: true, won: true } });
    expect((await recall()).recalled.map((r) => r.customerId)).toEqual([locked]);
    await setRules({ recallExempt: { locked: false, openDeal: false, won: false } });
    expect((await recall()).recalled.map((r) => r.customerId).sort()).toEqual([open, won].sort());
  });

  it("sends customers to their region's pool and everyone else to the default pool", async () => {
    const { clock, deps, admin, own, recall } = await setup();
    const fallback = await createPool(deps, admin.actor, { name: '总公海' });
    const east = await createPool(deps, admin.actor, { name: '华东公海', region: '华东' });
    const a = await own('east', { region: '华东' });
    const b = await own('north', { region: '华北' });
    const c = await own('nowhere');
    clock.advanceDays(11);
    await recall();
    expect((await rowOf(a)).poolId).toBe(east.id);
    expect((await rowOf(b)).poolId).toBe(fallback.id);
    expect((await rowOf(c)).poolId).toBe(fallback.id);
  });

  it('is idempotent, and a dry run reports without changing anything', async () => {
    const { clock, tenant, admin, own, recall, deps } = await setup({ recallWarningDays: 3 });
    const due = await own('due');
    clock.advanceDays(8);
    const near = await own('near', { intentTier: 'A' });
    clock.advanceDays(3);
    // The tenant has no pool yet: a dry run names none and creates none.
    const dry = await runRecall(deps, tenant.id, { dryRun: true });
    expect(dry.recalled).toMatchObject([
      { customerId: due, toPoolId: null, cause: 'no follow-up for 11 days (no intent tier: 10 allowed)' },
    ]);
    expect(dry.warned).toEqual([]);
    expect((await rowOf(due)).ownerUserId).not.toBeNull();
    expect((await listPools(deps, admin.actor)).items).toEqual([]);
    const first = await recall();
    expect(first.recalled.map((r) => r.customerId)).toEqual([due]);
    expect(await recall()).toMatchObject({ recalled: [], warned: [] });
    expect(
      (await listPoolMoves(database.db, tenant.id, due)).filter((m) => m.action === 'recall'),
    ).toHaveLength(1);
    clock.advanceDays(24.5);
    expect((await recall()).warned.map((w) => w.customerId)).toEqual([near]);
  });

  it('moves many customers in batches, logging every one', async () => {
    const { clock, tenant, admin, rep, recall } = await setup();
    const at = clock.now();
    const rows = Array.from({ length: 1234 }, (_, i) => ({
      id: newId(),
      kind: 'consumer',
      name: `Bulk ${i}`,
      intentTier: i % 2 ? 'D' : null,
      ownerUserId: rep.id,
      receivedAt: at,
      createdAt: at,
      updatedAt: at,
    }));
    await insertCustomers(database.db, admin.actor, rows);
    clock.advanceDays(11);
    const result = await recall();
    expect(result.recalled).toHaveLength(1234);
    const ids = rows.map((row) => row.id);
    const still = await database.db
      .select()
      .from(customers)
      .where(inArray(customers.ownerUserId, [rep.id]));
    expect(still).toHaveLength(0);
    const logged = await database.db.$count(
      poolMoves,
      and(
        eq(poolMoves.tenantId, tenant.id),
        eq(poolMoves.action, 'recall'),
        inArray(poolMoves.customerId, ids),
      ),
    );
    expect(logged).toBe(1234);
  });

  it("lists the caller's customers near recall with the day they go", async () => {
    const { clock, deps, rep, admin, own, recall } = await setup({ recallWarningDays: 3 });
    const soon = await own('soon', { intentTier: 'D' });
    clock.advanceDays(2);
    const later = await own('later', { intentTier: 'D' });
    await own('admin', { intentTier: 'D' }, admin.actor);
    clock.advanceDays(5.5);
    expect((await listRecallWarnings(deps, rep.actor)).items).toEqual([
      {
        customerId: soon,
        name: 'soon',
        intentTier: 'D',
        recallAt: '2026-04-11T02:00:00.000Z',
        warnedAt: null,
      },
    ]);
    await recall();
    clock.advanceDays(2);
    expect((await listRecallWarnings(deps, rep.actor)).items).toEqual([
      {
        customerId: soon,
        name: 'soon',
        intentTier: 'D',
        recallAt: '2026-04-11T02:00:00.000Z',
        warnedAt: '2026-04-08T14:00:00.000Z',
      },
      {
        customerId: later,
        name: 'later',
        intentTier: 'D',
        recallAt: '2026-04-13T02:00:00.000Z',
        warnedAt: null,
      },
    ]);
    expect((await listRecallWarnings(deps, { ...rep.actor, userId: null })).items).toEqual([]);
  });

  it('runs on demand for admins only, and as a job for every tenant', async () => {
    const first = await setup();
    const second = await setup();
    const a = await first.own('a');
    const b = await second.own('b');
    await expect(recallNow(first.deps, first.rep.actor, { dryRun: false })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    first.clock.advanceDays(11);
    const job = recallJob(first.deps);
    expect(job).toMatchObject({ name: 'crm.recall', everyMs: 900_000 });
    await job.run();
    expect((await rowOf(a)).poolId).not.toBeNull();
    expect((await rowOf(b)).poolId).not.toBeNull();
    const manual = await recallNow(first.deps, first.admin.actor, { dryRun: false });
    expect(manual.recalled).toEqual([]);
  });
});
