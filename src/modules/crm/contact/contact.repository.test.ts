import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { createCustomer } from '../customer/customer.service.js';
import { getCommittee } from './committee.service.js';
import {
  clearPrimary,
  deleteMember,
  findMember,
  insertMembers,
  listMembers,
  moveMembers,
  updateMember,
} from './account-member.repository.js';
import {
  findDecisionMakerKnown,
  findVisibleContact,
  insertContact,
  listAccountsOf,
  listVisibleContacts,
  updateContactRow,
} from './contact.repository.js';
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
    const sql = captureSql(database.pool);
    const tenantId = admin.actor.tenantId;
    const rep: Actor = { ...admin.actor, role: 'sales_rep', scope: 'team', teamIds: [newId()] };
    const own: Actor = { ...rep, scope: 'own' };
    const [customerId, personId, at] = [newId(), newId(), clock.now()];
    const parts: string[] = [];
    const take = (title: string) => parts.push(sql.take(title));
    await insertContact(sql.db, { tenantId, id: personId, name: 'x', createdAt: at, updatedAt: at });
    take('insertContact');
    await updateContactRow(sql.db, tenantId, personId, { title: 'CTO', updatedAt: at });
    take('updateContactRow');
    await findVisibleContact(sql.db, admin.actor, personId);
    take('findVisibleContact (all scope)');
    await findVisibleContact(sql.db, rep, personId);
    take('findVisibleContact (team scope: through a visible account, pools included, or no account)');
    await findVisibleContact(sql.db, own, personId, 'write');
    take('findVisibleContact (own scope, write: through an owned account not in a pool, or no account)');
    await listVisibleContacts(sql.db, own, {
      q: '138',
      phoneKey: '+8613800138000',
      customerId,
      after: personId,
      limit: 50,
    });
    take('listVisibleContacts (own scope, search with a phone key, one account, after a cursor)');
    await listAccountsOf(sql.db, rep, [personId]);
    take('listAccountsOf (team scope)');
    await listMembers(sql.db, tenantId, customerId);
    take('listMembers');
    await findMember(sql.db, tenantId, customerId, personId);
    take('findMember');
    await insertMembers(sql.db, [
      { tenantId, customerId, personId, role: 'user', createdAt: at, updatedAt: at },
    ]);
    take('insertMembers');
    await clearPrimary(sql.db, tenantId, [customerId], at, personId);
    take('clearPrimary (keeping one person)');
    await updateMember(sql.db, tenantId, customerId, personId, { influence: 5, updatedAt: at });
    take('updateMember');
    await deleteMember(sql.db, tenantId, customerId, personId);
    take('deleteMember');
    await findDecisionMakerKnown(sql.db, tenantId, [customerId]);
    take('findDecisionMakerKnown');
    await moveMembers(sql.db, tenantId, [newId()], customerId, at);
    take('moveMembers');
    await expect(parts.join('\n')).toMatchFileSnapshot('./contact.repository.sql');
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
      moveMembers(tx, admin.actor.tenantId, [fromA, fromB], into, clock.now()),
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
