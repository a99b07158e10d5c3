import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { DAY_MS, fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { createCustomer } from '../customer/customer.service.js';
import { customers } from '../customer/customer.table.js';
import { people } from '../contact/contact.table.js';
import { insertPoolMoves } from '../customer/ownership.repository.js';
import { pools } from '../pool/pool.table.js';
import { changeCustomerTier } from '../tier/tier.service.js';
import { PageQuery, type ActivityItem } from './follow-up.contract.js';
import { createFollowUp, listFollowUps } from './follow-up.service.js';
import { listActivity } from './activity.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const START = '2026-05-04T10:00:00.000Z';

function setup() {
  const clock = fixedClock(START);
  return { deps: { db: database.db, clock }, clock };
}

async function customerRow(id: string) {
  const [row] = await database.db.select().from(customers).where(eq(customers.id, id));
  return row!;
}

const page = (q: Partial<PageQuery> = {}) => PageQuery.parse(q);

describe('follow-ups', () => {
  it('move the last follow-up forward, never back, and clear a recall warning', async () => {
    const { deps, clock } = setup();
    const { admin } = await makeTenant(database.db);
    const c = await createCustomer(deps, admin.actor, { kind: 'consumer', name: '李娜' });
    await database.db
      .update(customers)
      .set({ recallWarnedAt: new Date(START) })
      .where(eq(customers.id, c.id));
    clock.advanceDays(5);
    const call = await createFollowUp(deps, admin.actor, c.id, { channel: 'call', note: '约了下周见面' });
    expect(call).toMatchObject({
      channel: 'call',
      at: '2026-05-09T10:00:00.000Z',
      userId: admin.id,
      personId: null,
    });
    let row = await customerRow(c.id);
    expect(row.lastFollowUpAt?.toISOString()).toBe('2026-05-09T10:00:00.000Z');
    expect(row.recallWarnedAt).toBeNull();

    const backdated = new Date(Date.parse(START) + DAY_MS).toISOString();
    await createFollowUp(deps, admin.actor, c.id, { channel: 'visit', note: 'forgot to log', at: backdated });
    row = await customerRow(c.id);
    expect(row.lastFollowUpAt?.toISOString()).toBe('2026-05-09T10:00:00.000Z');
    expect(row.updatedAt.toISOString()).toBe('2026-05-09T10:00:00.000Z');

    clock.advanceDays(1);
    await createFollowUp(deps, admin.actor, c.id, { channel: 'message', note: 'sent the quote' });
    expect((await customerRow(c.id)).lastFollowUpAt?.toISOString()).toBe('2026-05-10T10:00:00.000Z');
  });

  it('may not lie in the future, though a client clock a little ahead counts as now', async () => {
    const { deps } = setup();
    const { admin } = await makeTenant(database.db);
    const c = await createCustomer(deps, admin.actor, { kind: 'consumer', name: 'Zhang Wei' });
    const later = (ms: number) => new Date(Date.parse(START) + ms).toISOString();
    await expect(
      createFollowUp(deps, admin.actor, c.id, { channel: 'call', note: 'x', at: later(DAY_MS) }),
    ).rejects.toMatchObject({ code: 'crm.follow_up.invalid', issues: [{ path: 'at' }] });
    const skewed = await createFollowUp(deps, admin.actor, c.id, {
      channel: 'call',
      note: 'x',
      at: later(30_000),
    });
    expect(skewed.at).toBe(START);
    expect((await listFollowUps(deps, admin.actor, c.id, page())).items).toHaveLength(1);
  });

  it('store what the conversation taught about budget, need and objection, and say so in the note', async () => {
    const { deps } = setup();
    const { admin } = await makeTenant(database.db);
    const c = await createCustomer(deps, admin.actor, {
      kind: 'business',
      name: '华创电子',
      need: 'recorded',
    });
    const followUp = await createFollowUp(deps, admin.actor, c.id, {
      channel: 'meeting',
      note: '对比了竞品',
      budget: 'over_budget',
      need: 'recorded',
      objection: 'over budget vs competitor X',
    });
    expect(followUp.note).toBe(
      '对比了竞品\n\n[budget: unknown → over_budget]\n[objection: — → over budget vs competitor X]',
    );
    expect(await customerRow(c.id)).toMatchObject({
      budget: 'over_budget',
      need: 'recorded',
      objection: 'over budget vs competitor X',
    });
    const cleared = await createFollowUp(deps, admin.actor, c.id, {
      channel: 'call',
      note: 'ok',
      objection: null,
    });
    expect(cleared.note).toBe('ok\n\n[objection: over budget vs competitor X → —]');
    expect((await customerRow(c.id)).objection).toBeNull();
  });

  it('name a person of the tenant, when they name one', async () => {
    const { deps } = setup();
    const { tenant, admin } = await makeTenant(database.db);
    const c = await createCustomer(deps, admin.actor, { kind: 'business', name: 'Harbor Foods' });
    const personId = newId();
    const at = new Date(START);
    await database.db
      .insert(people)
      .values({ tenantId: tenant.id, id: personId, name: 'Ann', createdAt: at, updatedAt: at });
    await expect(
      createFollowUp(deps, admin.actor, c.id, { channel: 'call', note: 'x', personId: newId() }),
    ).rejects.toMatchObject({ code: 'crm.follow_up.invalid', issues: [{ path: 'personId' }] });
    expect(
      (await createFollowUp(deps, admin.actor, c.id, { channel: 'call', note: 'x', personId })).personId,
    ).toBe(personId);
  });

  it('stay within the data scope and leave pool customers to whoever claims them', async () => {
    const { deps } = setup();
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const marketer = await makeUser(database.db, tenant, 'marketer');
    const theirs = await createCustomer(deps, admin.actor, { kind: 'consumer', name: 'theirs' });
    const input = { channel: 'call', note: 'x' } as const;
    await expect(createFollowUp(deps, rep.actor, theirs.id, input)).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
    await expect(listActivity(deps, rep.actor, theirs.id, page())).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
    await expect(createFollowUp(deps, marketer.actor, theirs.id, input)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const poolId = newId();
    await database.db
      .insert(pools)
      .values({ tenantId: tenant.id, id: poolId, name: '公海', createdAt: new Date(START) });
    const pooled = await createCustomer(deps, admin.actor, { kind: 'consumer', name: 'pooled', poolId });
    await expect(createFollowUp(deps, rep.actor, pooled.id, input)).rejects.toMatchObject({
      code: 'crm.follow_up.in_pool',
    });
    expect((await listFollowUps(deps, rep.actor, pooled.id, page())).items).toEqual([]);
    await createFollowUp(deps, admin.actor, pooled.id, input);
  });

  it('page newest first, ties on time broken by id', async () => {
    const { deps } = setup();
    const { admin } = await makeTenant(database.db);
    const c = await createCustomer(deps, admin.actor, { kind: 'consumer', name: 'pager' });
    const made: { id: string; at: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const at = new Date(Date.parse(START) - (i % 3) * DAY_MS).toISOString();
      made.push(await createFollowUp(deps, admin.actor, c.id, { channel: 'email', note: `#${i}`, at }));
    }
    const expected = [...made]
      .sort((a, b) => b.at.localeCompare(a.at) || (a.id < b.id ? 1 : -1))
      .map((item) => item.id);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const result = await listFollowUps(deps, admin.actor, c.id, page({ limit: 3, after }));
      seen.push(...result.items.map((item) => item.id));
      after = result.nextCursor ?? undefined;
    } while (after);
    expect(seen).toEqual(expected);
    await expect(listFollowUps(deps, admin.actor, c.id, page({ after: 'nonsense' }))).rejects.toMatchObject({
      code: 'crm.follow_up.cursor_invalid',
      issues: [{ path: 'after' }],
    });
  });
});

describe('the timeline', () => {
  it('merges follow-ups, tier changes and pool moves newest first, and pages through them exactly once', async () => {
    const { deps, clock } = setup();
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const c = await createCustomer(deps, admin.actor, {
      kind: 'business',
      name: '星辰物流',
      satisfactionTier: 'B',
    });
    clock.advanceDays(1);
    await createFollowUp(deps, admin.actor, c.id, { channel: 'call', note: 'first call' });
    clock.advanceDays(1);
    await changeCustomerTier(deps, admin.actor, c.id, {
      dimension: 'intent',
      tier: 'B',
      reason: 'hesitates',
    });
    await insertPoolMoves(database.db, tenant.id, [
      {
        customerId: c.id,
        action: 'transfer',
        fromUserId: admin.id,
        toUserId: rep.id,
        actorUserId: admin.id,
        cause: 'region',
        at: clock.now(),
      },
    ]);
    // What the transfer would have done to the customer, so the rep may follow up.
    await database.db.update(customers).set({ ownerUserId: rep.id }).where(eq(customers.id, c.id));
    clock.advanceDays(1);
    await createFollowUp(deps, rep.actor, c.id, { channel: 'visit', note: 'site visit' });
    await createFollowUp(deps, rep.actor, c.id, {
      channel: 'email',
      note: 'backdated',
      at: new Date(Date.parse(START) - DAY_MS).toISOString(),
    });

    const all = await listActivity(deps, admin.actor, c.id, page());
    const summary = (item: ActivityItem) =>
      item.type === 'follow_up'
        ? `${item.at.slice(5, 10)} follow_up ${item.note}`
        : item.type === 'tier_change'
          ? `${item.at.slice(5, 10)} tier_change ${item.dimension} ${item.from}→${item.to}`
          : `${item.at.slice(5, 10)} pool_move ${item.action}`;
    const lines = all.items.map(summary);
    // Entries at the same instant keep the id order (newest id first); compare those as sets.
    expect(lines[0]).toBe('05-07 follow_up site visit');
    expect(lines.slice(1, 3).sort()).toEqual(['05-06 pool_move transfer', '05-06 tier_change intent null→B']);
    expect(lines[3]).toBe('05-05 follow_up first call');
    expect(lines.slice(4, 6).sort()).toEqual([
      '05-04 pool_move create',
      '05-04 tier_change satisfaction null→B',
    ]);
    expect(lines[6]).toBe('05-03 follow_up backdated');
    expect(all.nextCursor).toBeNull();
    expect(all.items.find((item) => item.type === 'pool_move' && item.action === 'transfer')).toMatchObject({
      userId: admin.id,
      fromUserId: admin.id,
      toUserId: rep.id,
      cause: 'region',
    });

    for (const limit of [1, 2, 3]) {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const result = await listActivity(deps, admin.actor, c.id, page({ limit, after }));
        expect(result.items.length).toBeLessThanOrEqual(limit);
        ids.push(...result.items.map((item) => item.id));
        after = result.nextCursor ?? undefined;
      } while (after);
      expect(ids).toEqual(all.items.map((item) => item.id));
    }
  });
});
