import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { CrmLink } from '../../insights/index.js';
import { createCustomer } from '../customer/customer.service.js';
import { addMember } from '../contact/committee.service.js';
import { createContact } from '../contact/contact.service.js';
import { accountMembers, people } from '../contact/contact.table.js';
import { createPool } from '../assignment/pool-list.service.js';
import { crmLink } from './crm-link.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');
const deps = () => ({ db: database.db, clock });
// The composition root passes `crmLink` where insights expects its port: the shapes must match.
const link: CrmLink = crmLink;
const USCC = '91350100M000100Y43';

async function business(actor: Actor, fields: { externalId?: string; uscc?: string; poolId?: string } = {}) {
  return createCustomer(deps(), actor, {
    kind: 'business',
    name: `Acme ${newId()}`,
    allowDuplicate: true,
    ...fields,
  });
}

describe('findCustomerByGroupId', () => {
  it('finds a customer by external id, else by USCC however written; in the tenant only', async () => {
    const { admin } = await makeTenant(database.db);
    const byExternal = await business(admin.actor, { externalId: 'crm-42' });
    const byUscc = await business(admin.actor, { uscc: USCC });
    const { tenantId } = admin.actor;
    expect(await link.findCustomerByGroupId(database.db, tenantId, 'crm-42')).toBe(byExternal.id);
    expect(await link.findCustomerByGroupId(database.db, tenantId, ' 91350100m000100y43 ')).toBe(byUscc.id);
    expect(await link.findCustomerByGroupId(database.db, tenantId, 'unknown')).toBeUndefined();
    const other = await makeTenant(database.db);
    expect(
      await link.findCustomerByGroupId(database.db, other.admin.actor.tenantId, 'crm-42'),
    ).toBeUndefined();
  });

  it('prefers the external id when one customer has the group id as external id and another as USCC', async () => {
    const { admin } = await makeTenant(database.db);
    await business(admin.actor, { uscc: USCC });
    const named = await business(admin.actor, { externalId: USCC });
    const found = await crmLink.findCustomersByGroupIds(database.db, admin.actor.tenantId, [USCC, 'none']);
    expect(found).toEqual(new Map([[USCC, named.id]]));
  });
});

describe('findContact', () => {
  it("finds by external id, then email key, then phone key, with the contact's accounts", async () => {
    const { admin } = await makeTenant(database.db);
    const acme = await business(admin.actor);
    const byEmail = await createContact(deps(), admin.actor, {
      name: 'Zhang',
      email: 'Zhang@Example.com',
      accounts: [{ customerId: acme.id, role: 'decision_maker' }],
    });
    const byPhone = await createContact(deps(), admin.actor, { name: 'Li', phone: '138 0013 8000' });
    const byId = await createContact(deps(), admin.actor, {
      name: 'Wang',
      externalId: 'u-7',
      email: 'w@example.com',
    });
    const { tenantId } = admin.actor;
    const emailKey = link.emailKey(' zhang@EXAMPLE.com')!;
    const phoneKey = link.phoneKey('+86 13800138000')!;
    expect(await link.findContact(database.db, tenantId, { emailKey })).toEqual({
      crmPersonId: byEmail.id,
      customerIds: [acme.id],
    });
    expect(await link.findContact(database.db, tenantId, { phoneKey })).toEqual({
      crmPersonId: byPhone.id,
      customerIds: [],
    });
    expect(
      (await link.findContact(database.db, tenantId, { externalId: 'u-7', emailKey }))?.crmPersonId,
    ).toBe(byId.id);
    expect((await link.findContact(database.db, tenantId, { emailKey, phoneKey }))?.crmPersonId).toBe(
      byEmail.id,
    );
    expect(await link.findContact(database.db, tenantId, { externalId: 'nobody' })).toBeUndefined();
    expect(await link.findContact(database.db, tenantId, {})).toBeUndefined();
    const many = await crmLink.findContacts(database.db, tenantId, [
      { phoneKey },
      { externalId: 'x' },
      { emailKey },
    ]);
    expect(many.map((match) => match?.crmPersonId)).toEqual([byPhone.id, undefined, byEmail.id]);
    const other = await makeTenant(database.db);
    expect(await link.findContact(database.db, other.admin.actor.tenantId, { emailKey })).toBeUndefined();
  });
});

describe('joinCommittee', () => {
  const seat = (tenantId: string, customerId: string, personId: string) =>
    database.db
      .select({ role: accountMembers.role, department: accountMembers.department })
      .from(accountMembers)
      .where(
        and(
          eq(accountMembers.tenantId, tenantId),
          eq(accountMembers.customerId, customerId),
          eq(accountMembers.personId, personId),
        ),
      );

  it('seats a contact as a user, once, leaving an existing seat as it is', async () => {
    const { admin } = await makeTenant(database.db);
    const { tenantId } = admin.actor;
    const acme = await business(admin.actor);
    const zhang = await createContact(deps(), admin.actor, { name: 'Zhang' });
    const input = { customerId: acme.id, crmPersonId: zhang.id };
    expect(await link.joinCommittee(database.db, tenantId, input)).toBe(zhang.id);
    expect(await link.joinCommittee(database.db, tenantId, input)).toBe(zhang.id);
    expect(await seat(tenantId, acme.id, zhang.id)).toEqual([{ role: 'user', department: 'other' }]);
    const boss = await business(admin.actor);
    await addMember(deps(), admin.actor, boss.id, { personId: zhang.id, role: 'decision_maker' });
    await link.joinCommittee(database.db, tenantId, { customerId: boss.id, crmPersonId: zhang.id });
    expect(await seat(tenantId, boss.id, zhang.id)).toEqual([
      { role: 'decision_maker', department: 'other' },
    ]);
  });

  it('creates the contact from the draft, with its match keys; a draft naming a taken external id reuses that contact', async () => {
    const { admin } = await makeTenant(database.db);
    const { tenantId } = admin.actor;
    const acme = await business(admin.actor);
    const draft = {
      name: 'San Zhang',
      email: 'San@Acme.cn',
      phone: '138 0013 8000',
      title: 'CTO',
      externalId: 'u-9',
    };
    const id = await link.joinCommittee(database.db, tenantId, { customerId: acme.id, draft });
    const [contact] = await database.db
      .select()
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
    expect(contact).toMatchObject({
      name: 'San Zhang',
      title: 'CTO',
      externalId: 'u-9',
      emailKey: 'san@acme.cn',
      phoneKey: '+8613800138000',
    });
    expect(await seat(tenantId, acme.id, id)).toEqual([{ role: 'user', department: 'other' }]);
    const other = await business(admin.actor);
    expect(
      await link.joinCommittee(database.db, tenantId, { customerId: other.id, draft: { externalId: 'u-9' } }),
    ).toBe(id);
    const noName = await link.joinCommittee(database.db, tenantId, {
      customerId: other.id,
      draft: { email: 'x@acme.cn' },
    });
    const [named] = await database.db.select({ name: people.name }).from(people).where(eq(people.id, noName));
    expect(named?.name).toBe('x@acme.cn');
  });
});

describe('visibility checks', () => {
  it("shows a rep their own and pool customers, and answers the CRM's not-found for others", async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const colleague = await makeUser(database.db, tenant, 'sales_rep');
    const own = await business(rep.actor);
    const theirs = await business(colleague.actor);
    const pool = await createPool(deps(), admin.actor, { name: 'Pool' });
    const pooled = await business(admin.actor, { poolId: pool.id });
    await expect(link.assertCustomerVisible(database.db, rep.actor, own.id)).resolves.toBeUndefined();
    await expect(link.assertCustomerVisible(database.db, rep.actor, pooled.id)).resolves.toBeUndefined();
    await expect(link.assertCustomerVisible(database.db, rep.actor, theirs.id)).rejects.toMatchObject({
      kind: 'not_found',
      code: 'crm.customer.not_found',
    });
    await expect(link.assertCustomerVisible(database.db, rep.actor, 'not-a-uuid')).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
    await expect(link.assertCustomerVisible(database.db, admin.actor, theirs.id)).resolves.toBeUndefined();
  });

  it("finds contacts of the actor's tenant it may see, and no others", async () => {
    const { admin } = await makeTenant(database.db);
    const contact = await createContact(deps(), admin.actor, { name: 'Zhao' });
    await expect(link.assertContactExists(database.db, admin.actor, contact.id)).resolves.toBeUndefined();
    const other = await makeTenant(database.db);
    await expect(link.assertContactExists(database.db, other.admin.actor, contact.id)).rejects.toMatchObject({
      kind: 'not_found',
      code: 'crm.person.not_found',
    });
    await expect(link.assertContactExists(database.db, admin.actor, newId())).rejects.toMatchObject({
      code: 'crm.person.not_found',
    });
  });
});
