import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { createCustomer } from '../customer/customer.service.js';
import { getCommittee } from './committee.service.js';
import * as members from './account-member.repository.js';
import * as repo from './contact.repository.js';
import { createContact } from './contact.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');
const deps = () => ({ db: database.db, clock });

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('person repository queries', () => {
  it('match contact.repository.sql', async () => {
    const { admin } = await makeTenant(database.db);
    const tenantId = admin.actor.tenantId;
    const rep: Actor = { ...admin.actor, role: 'sales_rep', scope: 'team', teamIds: [newId()] };
    const own: Actor = { ...rep, scope: 'own' };
    const [customerId, personId, at] = [newId(), newId(), clock.now()];
    const person = { tenantId, id: personId, name: 'x', createdAt: at, updatedAt: at };
    const people = await snapshotRepository(database.pool, repo, [
      ['insertContact', (db) => repo.insertContact(db, person)],
      [
        'insertContactRows (seed rows as they are)',
        (db) => repo.insertContactRows(db, [{ ...person, id: newId() }]),
      ],
      [
        'updateContactRow',
        (db) => repo.updateContactRow(db, tenantId, personId, { title: 'CTO', updatedAt: at }),
      ],
      ['findVisibleContact (all scope)', (db) => repo.findVisibleContact(db, admin.actor, personId)],
      [
        'findVisibleContact (team scope: through a visible account, pools included, or no account)',
        (db) => repo.findVisibleContact(db, rep, personId),
      ],
      [
        'findVisibleContact (own scope, write: through an owned account not in a pool, or no account)',
        (db) => repo.findVisibleContact(db, own, personId, 'write'),
      ],
      [
        'listVisibleContacts (own scope, search with a phone key, one account, after a cursor)',
        (db) =>
          repo.listVisibleContacts(db, own, {
            q: '138',
            phoneKey: '+8613800138000',
            customerId,
            after: personId,
            limit: 50,
          }),
      ],
      ['listAccountsOf (team scope)', (db) => repo.listAccountsOf(db, rep, [personId])],
      ['findDecisionMakerKnown', (db) => repo.findDecisionMakerKnown(db, tenantId, [customerId])],
      ['hasContact', (db) => repo.hasContact(db, tenantId, newId())],
      [
        'findContactsByKeys (every key)',
        (db) =>
          repo.findContactsByKeys(db, tenantId, {
            externalIds: ['P-1'],
            emailKeys: ['a@b.cn'],
            phoneKeys: ['+8613800138000'],
          }),
      ],
      ['findContactByExternalId', (db) => repo.findContactByExternalId(db, tenantId, 'P-1')],
      [
        'insertContactUnlessTaken',
        (db) => repo.insertContactUnlessTaken(db, { ...person, id: newId(), externalId: 'P-2' }),
      ],
    ]);
    const member = { tenantId, customerId, personId, role: 'user', createdAt: at, updatedAt: at };
    const key = { customerId: newId(), personId };
    const seats = await snapshotRepository(database.pool, members, [
      ['listMembers', (db) => members.listMembers(db, tenantId, customerId)],
      ['findMember', (db) => members.findMember(db, tenantId, customerId, personId)],
      ['insertMembers', (db) => members.insertMembers(db, [member])],
      [
        'clearPrimary (keeping one person)',
        (db) => members.clearPrimary(db, tenantId, [customerId], at, personId),
      ],
      [
        'updateMember',
        (db) => members.updateMember(db, tenantId, customerId, personId, { influence: 5, updatedAt: at }),
      ],
      ['deleteMember', (db) => members.deleteMember(db, tenantId, customerId, personId)],
      ['moveMembers', (db) => members.moveMembers(db, tenantId, [newId()], customerId, at)],
      ['listMembersOfCustomers', (db) => members.listMembersOfCustomers(db, tenantId, [customerId, newId()])],
      [
        'moveMembersByPlan (drop, unprimary, move)',
        (db) =>
          members.moveMembersByPlan(
            db,
            tenantId,
            { intoId: customerId, fromIds: [key.customerId, newId()] },
            { drop: [key], unprimary: [key] },
            at,
          ),
      ],
      ['insertSeatUnlessMember', (db) => members.insertSeatUnlessMember(db, member)],
    ]);
    await expect(`${people}\n${seats}`).toMatchFileSnapshot('./contact.repository.sql');
  });
});

describe('moving members on a merge', () => {
  it('keeps one membership per person, and the survivor its own primary contact', async () => {
    const { admin } = await makeTenant(database.db);
    const account = async (name: string) =>
      (await createCustomer(deps(), admin.actor, { kind: 'business', name, allowDuplicate: true })).id;
    const [into, fromA, fromB] = [await account('Into'), await account('From A'), await account('From B')];
    const person = (
      name: string,
      accounts: { customerId: string; role: 'user' | 'manager'; isPrimary?: boolean }[],
    ) => createContact(deps(), admin.actor, { name, accounts });
    await person('On all three', [
      { customerId: into, role: 'manager', isPrimary: true },
      { customerId: fromA, role: 'user' },
      { customerId: fromB, role: 'user' },
    ]);
    await person('On both merged', [
      { customerId: fromA, role: 'user', isPrimary: true },
      { customerId: fromB, role: 'manager' },
    ]);
    await person('Only on B', [{ customerId: fromB, role: 'user', isPrimary: true }]);
    const first = [fromA, fromB].sort()[0];
    await database.db.transaction((tx) =>
      members.moveMembers(tx, admin.actor.tenantId, [fromA, fromB], into, clock.now()),
    );
    const committee = await getCommittee(deps(), admin.actor, into);
    const byName = Object.fromEntries(committee.members.map((m) => [m.person.name, [m.role, m.isPrimary]]));
    expect(byName).toEqual({
      'On all three': ['manager', true],
      // The lowest merged id wins for a person on several merged accounts.
      'On both merged': [first === fromA ? 'user' : 'manager', false],
      'Only on B': ['user', false],
    });
    expect((await getCommittee(deps(), admin.actor, fromA)).members).toEqual([]);
    expect((await getCommittee(deps(), admin.actor, fromB)).members).toEqual([]);
  });
});

describe('finding contacts by their keys', () => {
  it("lists only the accounts of the lookup's tenant, when another tenant has the same person", async () => {
    // People are keyed by (tenant_id, id), so one person id may hold seats in two tenants'
    // committees; a tenant condition that is always true lets the other tenant's seats in.
    const [personId, at] = [newId(), clock.now()];
    const seatIn = async () => {
      const { admin } = await makeTenant(database.db);
      const tenantId = admin.actor.tenantId;
      const { id: customerId } = await createCustomer(deps(), admin.actor, {
        kind: 'business',
        name: '同名公司',
      });
      await repo.insertContact(database.db, {
        tenantId,
        id: personId,
        name: '张伟',
        externalId: 'P-1',
        emailKey: 'zhang.wei@example.cn',
        createdAt: at,
        updatedAt: at,
      });
      await members.insertMembers(database.db, [
        { tenantId, customerId, personId, role: 'decision_maker', createdAt: at, updatedAt: at },
      ]);
      return { tenantId, customerId };
    };
    const a = await seatIn();
    await seatIn();

    const keys = { externalIds: ['P-1'], emailKeys: ['zhang.wei@example.cn'], phoneKeys: [] };
    expect(await repo.findContactsByKeys(database.db, a.tenantId, keys)).toEqual([
      {
        id: personId,
        externalId: 'P-1',
        emailKey: 'zhang.wei@example.cn',
        phoneKey: null,
        customerIds: [a.customerId],
      },
    ]);
  });
});
