import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTeam, makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { findDuplicateCandidates } from '../customer/duplicate.service.js';
import type { CreateCustomerInput } from '../customer/customer.contract.js';
import { createCustomer, getCustomer, getCustomerRow } from '../customer/customer.service.js';
import { customerMerges, customers } from '../customer/customer.table.js';
import { followUps } from '../follow-up/follow-up.table.js';
import { listPoolMoves } from '../customer/ownership.repository.js';
import { pools } from '../pool/pool.table.js';
import { accountMembers, people } from '../contact/contact.table.js';
import { listTierChanges } from '../customer/tier-history.repository.js';
import { mergeCustomers } from './merge.service.js';
import { createDeal, getDeal } from '../deal/deal.service.js';
import { winDeal } from '../deal/deal-transition.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');
const deps = () => ({ db: database.db, clock });
const create = async (actor: Actor, input: CreateCustomerInput) =>
  createCustomer(deps(), actor, { allowDuplicate: true, ...input });

async function addPerson(tenantId: string, name: string): Promise<string> {
  const id = newId();
  const now = clock.now();
  await database.db.insert(people).values({ tenantId, id, name, createdAt: now, updatedAt: now });
  return id;
}

async function join(tenantId: string, customerId: string, personId: string, role: string, isPrimary = false) {
  const now = clock.now();
  await database.db
    .insert(accountMembers)
    .values({ tenantId, customerId, personId, role, isPrimary, createdAt: now, updatedAt: now });
}

async function addFollowUp(tenantId: string, customerId: string, note: string) {
  const at = clock.now();
  await database.db
    .insert(followUps)
    .values({ tenantId, id: newId(), customerId, channel: 'call', note, at, createdAt: at });
}

async function addPool(tenantId: string, name: string): Promise<string> {
  const id = newId();
  await database.db.insert(pools).values({ tenantId, id, name, createdAt: clock.now() });
  return id;
}

/** Expects `promise` to fail with an AppError of this code; returns it. */
async function failure(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('merging customers', () => {
  it('fills the target, re-points every relation and leaves the old ids pointing at the target', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const t = tenant.id;
    const target = await create(admin.actor, {
      kind: 'business',
      name: '华为技术（深圳）有限公司',
      phone: '138-0013-8000',
      tags: ['key-account'],
    });
    const first = await create(admin.actor, {
      kind: 'business',
      name: '华为技术(深圳)有限公司',
      phone: '+86 13800138000',
      email: 'Sales@Huawei.example',
      industry: 'telecom',
      intentTier: 'B',
      budget: 'confirmed',
      externalId: 'crm-old-17',
      tags: ['telecom', 'key-account'],
    });
    const second = await create(admin.actor, { kind: 'business', name: '华为技术深圳', valueTier: 'vip' });
    const child = await create(admin.actor, {
      kind: 'business',
      name: '华为技术（深圳）有限公司北京分公司',
      parentId: first.id,
    });
    await database.db
      .update(customers)
      .set({ lastFollowUpAt: new Date('2026-02-20T00:00:00Z') })
      .where(and(eq(customers.tenantId, t), eq(customers.id, second.id)));

    // Li is on both committees; Wang and Zhao are each the primary contact of a merged customer.
    const li = await addPerson(t, '李雷');
    const wang = await addPerson(t, '王芳');
    const zhao = await addPerson(t, '赵强');
    await join(t, target.id, li, 'decision_maker');
    await join(t, first.id, li, 'user');
    await join(t, first.id, wang, 'procurement', true);
    await join(t, second.id, zhao, 'user', true);
    await addFollowUp(t, first.id, 'first call');
    await addFollowUp(t, first.id, 'visit');
    await addFollowUp(t, second.id, 'email');
    // The target's deal was won, the first's is open: the merged customer has an open deal.
    await winDeal(
      deps(),
      admin.actor,
      (await createDeal(deps(), admin.actor, { customerId: target.id, name: 'won' })).id,
    );
    const openDeal = await createDeal(deps(), admin.actor, { customerId: first.id, name: 'open' });

    const result = await mergeCustomers(deps(), admin.actor, target.id, { from: [first.id, second.id] });

    expect(result.merged).toEqual([first.id, second.id]);
    // first: intent B at creation; second: value vip at creation. One pool move ("create") each.
    expect(result.repointed).toEqual({
      members: 2,
      followUps: 3,
      tierChanges: 2,
      poolMoves: 2,
      children: 1,
      tasks: 0,
      deals: 1,
      // The first's open deal gave it a first contact; that history row moves too.
      lifecycleChanges: 1,
    });
    expect(result.dealState).toBe('open');
    expect((await getDeal(deps(), admin.actor, openDeal.id)).customerId).toBe(target.id);
    expect(result).toMatchObject({
      id: target.id,
      name: '华为技术（深圳）有限公司',
      phone: '138-0013-8000',
      email: 'Sales@Huawei.example',
      industry: 'telecom',
      intentTier: 'B',
      valueTier: 'vip',
      budget: 'confirmed',
      externalId: 'crm-old-17',
      lastFollowUpAt: '2026-02-20T00:00:00.000Z',
      ownerUserId: admin.id,
    });
    expect(result.tags.sort()).toEqual(['key-account', 'telecom']);

    const members = await database.db
      .select()
      .from(accountMembers)
      .where(and(eq(accountMembers.tenantId, t), eq(accountMembers.customerId, target.id)));
    const byPerson = Object.fromEntries(members.map((m) => [m.personId, m]));
    expect(Object.keys(byPerson).sort()).toEqual([li, wang, zhao].sort());
    expect(byPerson[li]!.role).toBe('decision_maker');
    expect(members.filter((m) => m.isPrimary).map((m) => m.personId)).toEqual([wang]);
    const leftBehind = await database.db
      .select()
      .from(accountMembers)
      .where(and(eq(accountMembers.tenantId, t), eq(accountMembers.customerId, first.id)));
    expect(leftBehind).toEqual([]);

    const notes = await database.db
      .select({ note: followUps.note })
      .from(followUps)
      .where(and(eq(followUps.tenantId, t), eq(followUps.customerId, target.id)));
    expect(notes.map((n) => n.note).sort()).toEqual(['email', 'first call', 'visit']);
    expect((await getCustomer(deps(), admin.actor, child.id)).parentId).toBe(target.id);

    const tiers = await listTierChanges(database.db, t, target.id);
    expect(tiers.map((c) => [c.dimension, c.toTier, c.source])).toEqual([
      ['intent', 'B', 'manual'],
      ['value', 'vip', 'manual'],
      ['intent', 'B', 'merge'],
      ['value', 'vip', 'merge'],
    ]);
    expect(tiers[2]!.reason).toContain(first.id);
    const moves = await listPoolMoves(database.db, t, target.id);
    expect(moves.map((m) => m.action)).toEqual(['create', 'create', 'create', 'merge', 'merge']);
    expect(moves.filter((m) => m.action === 'merge').map((m) => m.cause)).toEqual([
      expect.stringContaining(first.id),
      expect.stringContaining(second.id),
    ]);

    const gone = await failure(getCustomerRow(deps(), admin.actor, first.id), 'crm.customer.merged');
    expect(gone.details).toEqual({ mergedInto: target.id });
    const [record] = await database.db
      .select()
      .from(customerMerges)
      .where(and(eq(customerMerges.tenantId, t), eq(customerMerges.fromId, first.id)));
    expect(record).toMatchObject({ intoId: target.id, mergedByUserId: admin.id, mergedAt: clock.now() });
    expect(record!.snapshot).toMatchObject({ name: '华为技术(深圳)有限公司', externalId: 'crm-old-17' });

    // The merged customer's keys are its own now: its new email finds it.
    const found = await findDuplicateCandidates(database.db, t, {
      kind: 'consumer',
      name: 'x',
      email: ' SALES@huawei.example ',
    });
    expect(found.map((c) => c.id)).toEqual([target.id]);
  });

  it('keeps the primary contact of the target and follows chains of merges', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const t = tenant.id;
    const a = await create(admin.actor, { kind: 'consumer', name: 'Amy', phone: '13900139000' });
    const b = await create(admin.actor, { kind: 'consumer', name: 'Amy L.', phone: '139 0013 9000' });
    const c = await create(admin.actor, { kind: 'consumer', name: 'Amy Lin' });
    const p = await addPerson(t, 'Amy');
    const q = await addPerson(t, 'Bob');
    await join(t, b.id, p, 'user', true);
    await join(t, a.id, q, 'user', true);
    await mergeCustomers(deps(), admin.actor, b.id, { from: [a.id] });
    const members = await database.db
      .select()
      .from(accountMembers)
      .where(and(eq(accountMembers.tenantId, t), eq(accountMembers.customerId, b.id)));
    expect(members.filter((m) => m.isPrimary).map((m) => m.personId)).toEqual([p]);

    await mergeCustomers(deps(), admin.actor, c.id, { from: [b.id] });
    const error = await failure(getCustomerRow(deps(), admin.actor, a.id), 'crm.customer.merged');
    expect(error.details).toEqual({ mergedInto: c.id });
    const again = await failure(
      mergeCustomers(deps(), admin.actor, c.id, { from: [b.id] }),
      'crm.merge.source_not_found',
    );
    expect(again.issues).toEqual([{ path: 'from.0', message: `merged into ${c.id} already` }]);
  });

  it('refuses merging a customer into itself', async () => {
    const { admin } = await makeTenant(database.db);
    const a = await create(admin.actor, { kind: 'consumer', name: 'Solo' });
    const error = await failure(
      mergeCustomers(deps(), admin.actor, a.id, { from: [a.id] }),
      'crm.merge.invalid',
    );
    expect(error.issues?.[0]?.path).toBe('from.0');
  });

  it('needs customers.merge and every customer in the actor scope', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const team = await makeTeam(database.db, admin.actor);
    const otherTeam = await makeTeam(database.db, admin.actor);
    const manager = await makeUser(database.db, tenant, 'sales_manager', { teamIds: [team.id] });
    const rep = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const outsider = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [otherTeam.id] });
    const poolId = await addPool(tenant.id, '华南公海');

    const mine = await create(rep.actor, { kind: 'consumer', name: 'Lucy', phone: '13700137000' });
    const mineToo = await create(rep.actor, { kind: 'consumer', name: 'Lucy Z', phone: '13700137000' });
    const theirs = await create(outsider.actor, {
      kind: 'consumer',
      name: 'Lucy Zhang',
      phone: '13700137000',
    });
    const pooled = await create(admin.actor, {
      kind: 'consumer',
      name: 'L. Zhang',
      phone: '137 0013 7000',
      poolId,
    });

    await failure(mergeCustomers(deps(), rep.actor, mine.id, { from: [mineToo.id] }), 'auth.forbidden');
    const hidden = await failure(
      mergeCustomers(deps(), manager.actor, mine.id, { from: [theirs.id, mineToo.id] }),
      'crm.merge.source_not_found',
    );
    expect(hidden.issues).toEqual([{ path: 'from.0', message: 'no such customer' }]);
    await failure(
      mergeCustomers(deps(), manager.actor, theirs.id, { from: [mine.id] }),
      'crm.customer.not_found',
    );
    // Nothing moved on refusal.
    expect((await getCustomer(deps(), admin.actor, theirs.id)).id).toBe(theirs.id);

    // Pool customers are visible to everyone, so a manager may merge them into the team's customer.
    const merged = await mergeCustomers(deps(), manager.actor, mine.id, { from: [mineToo.id, pooled.id] });
    expect(merged.merged).toEqual([mineToo.id, pooled.id]);
    expect(merged.ownerUserId).toBe(rep.id);
    const moves = await listPoolMoves(database.db, tenant.id, mine.id);
    expect(moves.filter((m) => m.action === 'merge')).toMatchObject([
      { fromUserId: rep.id, fromPoolId: null, toUserId: rep.id },
      { fromUserId: null, fromPoolId: poolId, toUserId: rep.id, actorUserId: manager.id },
    ]);
  });
});
