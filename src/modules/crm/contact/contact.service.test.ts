import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { createCustomer } from '../customer/customer.service.js';
import { pools } from '../pool/pool.table.js';
import { CreateContactInput, ListContactsQuery } from './contact.contract.js';
import { createContact, getContact, listContacts, updateContact } from './contact.service.js';
import { people } from './contact.table.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');
const deps = () => ({ db: database.db, clock });
const query = (q: Partial<ListContactsQuery> = {}) => ListContactsQuery.parse(q);

/** A business account created by `actor` (owned by them unless `poolId` is given). */
async function account(actor: Actor, name: string, poolId?: string) {
  return createCustomer(deps(), actor, { kind: 'business', name, poolId, allowDuplicate: true });
}

/** A pool of the actor's tenant. */
async function pool(actor: Actor) {
  const id = newId();
  await database.db
    .insert(pools)
    .values({ tenantId: actor.tenantId, id, name: `Pool ${id}`, createdAt: clock.now() });
  return id;
}

describe('people', () => {
  it('creates a person who joins an account at once, and reads them back with it', async () => {
    const { admin } = await makeTenant(database.db);
    const acme = await account(admin.actor, '北京云杉科技有限公司');
    const input = CreateContactInput.parse({
      name: ' 王芳 ',
      title: '采购经理',
      phone: '138-0013-8000',
      email: ' Wang.Fang@Example.COM ',
      accounts: [{ customerId: acme.id, role: 'procurement', department: 'finance', isPrimary: true }],
    });
    const person = await createContact(deps(), admin.actor, input);
    expect(person).toMatchObject({
      name: '王芳',
      title: '采购经理',
      phone: '138-0013-8000',
      email: 'wang.fang@example.com',
      createdAt: '2026-03-01T08:00:00.000Z',
      accounts: [
        {
          customerId: acme.id,
          customerName: '北京云杉科技有限公司',
          customerKind: 'business',
          role: 'procurement',
          department: 'finance',
          stance: 'neutral',
          influence: 3,
          isPrimary: true,
        },
      ],
    });
    expect(await getContact(deps(), admin.actor, person.id)).toEqual(person);
  });

  it('lets one person belong to two accounts with a different role on each', async () => {
    const { admin } = await makeTenant(database.db);
    const parent = await account(admin.actor, '华东集团');
    const branch = await account(admin.actor, '华东集团杭州分公司');
    const person = await createContact(deps(), admin.actor, {
      name: 'Li Wei',
      accounts: [
        { customerId: parent.id, role: 'decision_maker', department: 'executive', influence: 5 },
        { customerId: branch.id, role: 'user', stance: 'supporter' },
      ],
    });
    const roles = Object.fromEntries(person.accounts.map((a) => [a.customerName, [a.role, a.influence]]));
    expect(roles).toEqual({ 华东集团: ['decision_maker', 5], 华东集团杭州分公司: ['user', 3] });
    const onBranch = await listContacts(deps(), admin.actor, query({ customerId: branch.id }));
    expect(onBranch.items.map((p) => p.id)).toEqual([person.id]);
    expect(onBranch.items[0]!.accounts).toHaveLength(2);
  });

  it('stores phone and email keys so every spelling of a number finds the same person', async () => {
    const { admin } = await makeTenant(database.db);
    const a = await createContact(deps(), admin.actor, { name: 'A', phone: '138-0013-8000' });
    const b = await createContact(deps(), admin.actor, {
      name: 'B',
      phone: '+86 13800138000',
      email: 'B@X.CN',
    });
    const [rowA] = await database.db.select().from(people).where(eq(people.id, a.id));
    const [rowB] = await database.db.select().from(people).where(eq(people.id, b.id));
    expect(rowA!.phoneKey).toBe('+8613800138000');
    expect(rowB!.phoneKey).toBe(rowA!.phoneKey);
    expect(rowB!.emailKey).toBe('b@x.cn');
    const found = await listContacts(deps(), admin.actor, query({ q: '8613800138000' }));
    expect(found.items.map((p) => p.name).sort()).toEqual(['A', 'B']);
    const updated = await updateContact(deps(), admin.actor, a.id, { phone: null, email: 'a@x.cn' });
    expect(updated).toMatchObject({ phone: null, email: 'a@x.cn' });
    const [after] = await database.db.select().from(people).where(eq(people.id, a.id));
    expect(after).toMatchObject({ phoneKey: null, emailKey: 'a@x.cn' });
  });

  it('refuses an external id another person has, and writes nothing', async () => {
    const { admin } = await makeTenant(database.db);
    const acme = await account(admin.actor, 'Acme');
    await createContact(deps(), admin.actor, { name: 'First', externalId: 'hs-1' });
    await expect(
      createContact(deps(), admin.actor, {
        name: 'Second',
        externalId: 'hs-1',
        accounts: [{ customerId: acme.id, role: 'user' }],
      }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'crm.person.external_id_taken' });
    const second = await createContact(deps(), admin.actor, { name: 'Second', externalId: 'hs-2' });
    await expect(updateContact(deps(), admin.actor, second.id, { externalId: 'hs-1' })).rejects.toMatchObject(
      {
        code: 'crm.person.external_id_taken',
      },
    );
    const onAcme = await listContacts(deps(), admin.actor, query({ customerId: acme.id }));
    expect(onAcme.items).toEqual([]);
  });

  it('names the account that does not exist or sits in a pool', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const pooled = await account(admin.actor, 'Pooled', await pool(admin.actor));
    const mine = await account(rep.actor, 'Mine');
    const error = await createContact(deps(), rep.actor, {
      name: 'X',
      accounts: [
        { customerId: mine.id, role: 'user' },
        { customerId: newId(), role: 'user' },
        { customerId: pooled.id, role: 'manager' },
      ],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'invalid',
      code: 'crm.person.invalid',
      issues: [
        { path: 'accounts.1.customerId', message: 'no such customer' },
        { path: 'accounts.2.customerId', message: 'claim this customer from its pool first' },
      ],
    });
    expect((await listContacts(deps(), rep.actor, query({ q: 'X' }))).items).toEqual([]);
  });

  it('shows people through their accounts: own, pool, or none yet', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const other = await makeUser(database.db, tenant, 'sales_rep');
    const poolId = await pool(admin.actor);
    const theirs = await account(other.actor, 'Theirs');
    const shared = await account(admin.actor, 'In the pool', poolId);
    const hidden = await createContact(deps(), other.actor, {
      name: 'Hidden',
      accounts: [{ customerId: theirs.id, role: 'decision_maker' }],
    });
    const pooled = await createContact(deps(), admin.actor, {
      name: 'Pooled',
      accounts: [{ customerId: shared.id, role: 'user' }],
    });
    const both = await createContact(deps(), admin.actor, {
      name: 'Both',
      accounts: [
        { customerId: theirs.id, role: 'user' },
        { customerId: shared.id, role: 'manager' },
      ],
    });
    const loose = await createContact(deps(), admin.actor, { name: 'Loose' });
    const names = async (actor: Actor, q?: string) =>
      (await listContacts(deps(), actor, query({ q }))).items.map((p) => p.name).sort();
    expect(await names(rep.actor)).toEqual(['Both', 'Loose', 'Pooled']);
    expect(await names(rep.actor, 'hid')).toEqual([]);
    expect(await names(other.actor)).toEqual(['Both', 'Hidden', 'Loose', 'Pooled']);
    expect(await names(admin.actor)).toEqual(['Both', 'Hidden', 'Loose', 'Pooled']);
    await expect(getContact(deps(), rep.actor, hidden.id)).rejects.toMatchObject({
      code: 'crm.person.not_found',
    });
    // Only the accounts the rep may see are listed: the other rep's account stays unnamed.
    expect((await getContact(deps(), rep.actor, both.id)).accounts.map((a) => a.customerName)).toEqual([
      'In the pool',
    ]);
    await expect(listContacts(deps(), rep.actor, query({ customerId: theirs.id }))).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
    // Visible through a pool account, but read-only until the account is claimed.
    await expect(updateContact(deps(), rep.actor, pooled.id, { title: 'CTO' })).rejects.toMatchObject({
      code: 'crm.person.read_only',
    });
    await expect(updateContact(deps(), rep.actor, hidden.id, { title: 'CTO' })).rejects.toMatchObject({
      code: 'crm.person.not_found',
    });
    expect((await updateContact(deps(), rep.actor, loose.id, { title: 'CTO' })).title).toBe('CTO');
  });

  it('pages through every visible person exactly once, newest first', async () => {
    const { admin } = await makeTenant(database.db);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await createContact(deps(), admin.actor, { name: `P${i}` })).id);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listContacts(deps(), admin.actor, query({ limit: 3, after }));
      seen.push(...page.items.map((p) => p.id));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('lets roles without the permission neither read nor write people', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const picker = await makeUser(database.db, tenant, 'picker');
    const marketer = await makeUser(database.db, tenant, 'marketer');
    const person = await createContact(deps(), admin.actor, { name: 'Z' });
    await expect(listContacts(deps(), picker.actor, query())).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(createContact(deps(), marketer.actor, { name: 'N' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(updateContact(deps(), marketer.actor, person.id, { name: 'N' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect((await getContact(deps(), marketer.actor, person.id)).name).toBe('Z');
  });

  it('keeps people of other tenants apart', async () => {
    const a = await makeTenant(database.db);
    const b = await makeTenant(database.db);
    const person = await createContact(deps(), a.admin.actor, { name: 'Only in A', externalId: 'same' });
    expect(await createContact(deps(), b.admin.actor, { name: 'B', externalId: 'same' })).toMatchObject({
      externalId: 'same',
    });
    await expect(getContact(deps(), b.admin.actor, person.id)).rejects.toMatchObject({
      code: 'crm.person.not_found',
    });
    expect((await listContacts(deps(), b.admin.actor, query())).items.map((p) => p.name)).toEqual(['B']);
  });
});
