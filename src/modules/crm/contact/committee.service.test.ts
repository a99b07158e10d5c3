import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTeam, makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { createCustomer } from '../customer/customer.service.js';
import { pools } from '../pool/pool.table.js';
import { addMember, getCommittee, removeMember, updateMember } from './committee.service.js';
import type { Committee } from './contact.contract.js';
import { findDecisionMakerKnown } from './contact.repository.js';
import { createContact, getContact } from './contact.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');
const deps = () => ({ db: database.db, clock });

async function account(actor: Actor, name: string, poolId?: string) {
  return createCustomer(deps(), actor, { kind: 'business', name, poolId, allowDuplicate: true });
}

async function pool(actor: Actor) {
  const id = newId();
  await database.db
    .insert(pools)
    .values({ tenantId: actor.tenantId, id, name: `Pool ${id}`, createdAt: clock.now() });
  return id;
}

/** Member names by role, e.g. `{ decision_maker: ['Zhao'] }`, primary marked with a star. */
const seats = (committee: Committee) => {
  const out: Record<string, string[]> = {};
  for (const m of committee.members) (out[m.role] ??= []).push(m.person.name + (m.isPrimary ? '*' : ''));
  return out;
};

describe('buying committees', () => {
  it('starts empty with every key role missing, and fills in as people join', async () => {
    const { admin } = await makeTenant(database.db);
    const acme = await account(admin.actor, '深圳云帆科技有限公司');
    expect(await getCommittee(deps(), admin.actor, acme.id)).toEqual({
      customerId: acme.id,
      members: [],
      coverage: { decision_maker: 0, manager: 0, user: 0, procurement: 0, other: 0 },
      missingRoles: ['decision_maker', 'manager', 'user', 'procurement'],
      decisionMakerKnown: false,
    });
    await addMember(deps(), admin.actor, acme.id, { person: { name: 'User A' }, role: 'user' });
    await addMember(deps(), admin.actor, acme.id, { person: { name: 'User B' }, role: 'user', influence: 4 });
    await addMember(deps(), admin.actor, acme.id, {
      person: { name: 'Legal' },
      role: 'other',
      department: 'compliance',
    });
    const committee = await addMember(deps(), admin.actor, acme.id, {
      person: { name: 'Boss', title: 'CEO' },
      role: 'decision_maker',
      department: 'executive',
      stance: 'supporter',
      influence: 5,
    });
    expect(committee.coverage).toEqual({ decision_maker: 1, manager: 0, user: 2, procurement: 0, other: 1 });
    expect(committee.missingRoles).toEqual(['manager', 'procurement']);
    expect(committee.decisionMakerKnown).toBe(true);
    expect(seats(committee)).toEqual({
      decision_maker: ['Boss'],
      user: ['User B', 'User A'],
      other: ['Legal'],
    });
    expect(committee.members[0]).toMatchObject({
      person: { name: 'Boss', title: 'CEO' },
      department: 'executive',
      stance: 'supporter',
      influence: 5,
      isPrimary: false,
    });
    expect(await findDecisionMakerKnown(database.db, admin.actor.tenantId, [acme.id, newId()])).toEqual(
      new Set([acme.id]),
    );
  });

  it('keeps one primary contact: making another primary takes the flag from the first', async () => {
    const { admin } = await makeTenant(database.db);
    const acme = await account(admin.actor, 'Acme');
    await addMember(deps(), admin.actor, acme.id, {
      person: { name: 'First' },
      role: 'manager',
      isPrimary: true,
    });
    const added = await addMember(deps(), admin.actor, acme.id, {
      person: { name: 'Second' },
      role: 'procurement',
      isPrimary: true,
    });
    expect(seats(added)).toEqual({ manager: ['First'], procurement: ['Second*'] });
    const first = added.members.find((m) => m.person.name === 'First')!.person.id;
    const switched = await updateMember(deps(), admin.actor, acme.id, first, { isPrimary: true });
    expect(seats(switched)).toEqual({ manager: ['First*'], procurement: ['Second'] });
    // A person created with an account can take the flag too, in the same transaction.
    await createContact(deps(), admin.actor, {
      name: 'Third',
      accounts: [{ customerId: acme.id, role: 'user', isPrimary: true }],
    });
    const third = await getCommittee(deps(), admin.actor, acme.id);
    expect(third.members.filter((m) => m.isPrimary).map((m) => m.person.name)).toEqual(['Third']);
    // Primary on one account says nothing about another.
    const other = await account(admin.actor, 'Other');
    await addMember(deps(), admin.actor, other.id, { personId: first, role: 'user', isPrimary: true });
    expect(
      (await getCommittee(deps(), admin.actor, acme.id)).members.filter((m) => m.isPrimary),
    ).toHaveLength(1);
  });

  it('adds an existing person once, changes and removes the membership, and keeps the person', async () => {
    const { admin } = await makeTenant(database.db);
    const acme = await account(admin.actor, 'Acme');
    const person = await createContact(deps(), admin.actor, { name: 'Zhao Lei', phone: '13900139000' });
    await addMember(deps(), admin.actor, acme.id, { personId: person.id, role: 'user' });
    await expect(
      addMember(deps(), admin.actor, acme.id, { personId: person.id, role: 'manager' }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'crm.committee.already_member' });
    const changed = await updateMember(deps(), admin.actor, acme.id, person.id, {
      role: 'decision_maker',
      stance: 'opponent',
      influence: 5,
    });
    expect(changed.members).toMatchObject([{ role: 'decision_maker', stance: 'opponent', influence: 5 }]);
    await removeMember(deps(), admin.actor, acme.id, person.id);
    expect((await getCommittee(deps(), admin.actor, acme.id)).members).toEqual([]);
    expect((await getContact(deps(), admin.actor, person.id)).accounts).toEqual([]);
    await expect(removeMember(deps(), admin.actor, acme.id, person.id)).rejects.toMatchObject({
      code: 'crm.committee.not_member',
    });
    await expect(
      updateMember(deps(), admin.actor, acme.id, person.id, { influence: 2 }),
    ).rejects.toMatchObject({ code: 'crm.committee.not_member' });
    await expect(
      addMember(deps(), admin.actor, acme.id, { personId: newId(), role: 'user' }),
    ).rejects.toMatchObject({
      code: 'crm.person.invalid',
      issues: [{ path: 'personId', message: 'no such person' }],
    });
  });

  it("hides another rep's committee, and keeps pool committees read-only until claimed", async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const team = await makeTeam(database.db, admin.actor);
    const rep = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const other = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const manager = await makeUser(database.db, tenant, 'sales_manager', { teamIds: [team.id] });
    const theirs = await account(other.actor, 'Theirs');
    const secret = await createContact(deps(), other.actor, {
      name: 'Secret',
      accounts: [{ customerId: theirs.id, role: 'decision_maker' }],
    });
    const notFound = { kind: 'not_found', code: 'crm.customer.not_found' };
    await expect(getCommittee(deps(), rep.actor, theirs.id)).rejects.toMatchObject(notFound);
    await expect(
      addMember(deps(), rep.actor, theirs.id, { person: { name: 'Sneaky' }, role: 'user' }),
    ).rejects.toMatchObject(notFound);
    await expect(
      updateMember(deps(), rep.actor, theirs.id, secret.id, { stance: 'opponent' }),
    ).rejects.toMatchObject(notFound);
    await expect(removeMember(deps(), rep.actor, theirs.id, secret.id)).rejects.toMatchObject(notFound);
    // Nor may the rep put someone they cannot see on their own account.
    const mine = await account(rep.actor, 'Mine');
    await expect(
      addMember(deps(), rep.actor, mine.id, { personId: secret.id, role: 'user' }),
    ).rejects.toMatchObject({ code: 'crm.person.invalid' });
    // Their manager sees the team's committees and may change them.
    expect(seats(await getCommittee(deps(), manager.actor, theirs.id))).toEqual({
      decision_maker: ['Secret'],
    });
    await updateMember(deps(), manager.actor, theirs.id, secret.id, { stance: 'supporter' });

    const pooled = await account(admin.actor, 'Pooled', await pool(admin.actor));
    const member = await createContact(deps(), admin.actor, {
      name: 'In the pool',
      accounts: [{ customerId: pooled.id, role: 'procurement' }],
    });
    expect(seats(await getCommittee(deps(), rep.actor, pooled.id))).toEqual({ procurement: ['In the pool'] });
    expect((await getContact(deps(), rep.actor, member.id)).accounts.map((a) => a.customerId)).toEqual([
      pooled.id,
    ]);
    const inPool = { kind: 'conflict', code: 'crm.committee.customer_in_pool' };
    await expect(
      addMember(deps(), rep.actor, pooled.id, { person: { name: 'New' }, role: 'user' }),
    ).rejects.toMatchObject(inPool);
    await expect(
      updateMember(deps(), rep.actor, pooled.id, member.id, { influence: 1 }),
    ).rejects.toMatchObject(inPool);
    await expect(removeMember(deps(), rep.actor, pooled.id, member.id)).rejects.toMatchObject(inPool);
    // An admin sees everything and may tidy a pool account's committee.
    await updateMember(deps(), admin.actor, pooled.id, member.id, { influence: 1 });
  });

  it('lets every kind of customer have members, a consumer included', async () => {
    const { admin } = await makeTenant(database.db);
    const consumer = await createCustomer(deps(), admin.actor, { kind: 'consumer', name: 'Emma Chen' });
    const committee = await addMember(deps(), admin.actor, consumer.id, {
      person: { name: 'Emma Chen' },
      role: 'decision_maker',
      isPrimary: true,
    });
    expect(committee.decisionMakerKnown).toBe(true);
  });

  it('writes nothing when a new member cannot be added', async () => {
    const { admin } = await makeTenant(database.db);
    const acme = await account(admin.actor, 'Acme');
    await createContact(deps(), admin.actor, { name: 'Taken', externalId: 'crm-7' });
    await addMember(deps(), admin.actor, acme.id, {
      person: { name: 'Main' },
      role: 'manager',
      isPrimary: true,
    });
    await expect(
      addMember(deps(), admin.actor, acme.id, {
        person: { name: 'Clash', externalId: 'crm-7' },
        role: 'user',
        isPrimary: true,
      }),
    ).rejects.toMatchObject({ code: 'crm.person.external_id_taken' });
    // The previous primary contact keeps the flag: the whole add was rolled back.
    expect(seats(await getCommittee(deps(), admin.actor, acme.id))).toEqual({ manager: ['Main*'] });
  });
});
