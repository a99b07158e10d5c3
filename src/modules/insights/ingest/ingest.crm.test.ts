import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { TouchpointMessage } from '../message/message.contract.js';
import { ingestMessages } from './ingest.service.js';
import { fakeCrm, ingestDeps, message, webSource } from './ingest.test-helper.js';

// The CRM side (real queries on real contacts and customers) is tested in crm/touchpoint-link; here
// the port is an in-memory CRM, so what ingest asks of it and does with the answers is visible.

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const receivedAt = new Date('2026-03-02T00:00:00Z');

async function setup() {
  const crm = fakeCrm();
  const source = webSource((await makeTenant(database.db)).tenant.id);
  const tenantId = source.tenantId;
  const q = async <T>(query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows as T[];
  return {
    crm,
    send: (...messages: TouchpointMessage[]) =>
      ingestMessages(ingestDeps(database.db, crm.link), source, messages, receivedAt),
    person: async (userId: string) =>
      (
        await q<{ id: string; crm_person_id: string | null }>(
          sql`select id, crm_person_id from persons where tenant_id = ${tenantId} and user_id = ${userId} and merged_into is null`,
        )
      )[0],
    accounts: (personId: string) =>
      q<{ customer_id: string; group_id: string | null }>(
        sql`select customer_id, group_id from person_accounts where tenant_id = ${tenantId} and person_id = ${personId} order by customer_id`,
      ),
    customerOf: async (messageId: string) =>
      (
        await q<{ customer_id: string | null }>(
          sql`select customer_id from events where tenant_id = ${tenantId} and message_id = ${messageId}`,
        )
      )[0]?.customer_id,
  };
}

describe('linking persons to CRM contacts', () => {
  it("links by email key and takes the contact's account for later events", async () => {
    const t = await setup();
    const customerId = newId();
    const contact = t.crm.addContact({
      name: 'Zhang',
      email: 'zhang@example.com',
      customerIds: [customerId],
    });
    await t.send(message({ type: 'identify', userId: 'u1', traits: { email: 'Zhang@Example.com' } }));
    const person = await t.person('u1');
    expect(person!.crm_person_id).toBe(contact.id);
    expect(await t.accounts(person!.id)).toEqual([{ customer_id: customerId, group_id: null }]);
    const later = message({ userId: 'u1' });
    await t.send(later);
    expect(await t.customerOf(later.messageId)).toBe(customerId);
  });

  it('prefers the contact whose external id is the userId, then email, then phone', async () => {
    const t = await setup();
    t.crm.addContact({ name: 'By email', email: 'li@example.com' });
    const byExternalId = t.crm.addContact({ name: 'By id', externalId: 'u2' });
    await t.send(message({ type: 'identify', userId: 'u2', traits: { email: 'li@example.com' } }));
    expect((await t.person('u2'))!.crm_person_id).toBe(byExternalId.id);
    const byPhone = t.crm.addContact({ name: 'By phone', phone: '13800138000' });
    await t.send(message({ type: 'identify', userId: 'u3', traits: { phone: '+86 138-0013-8000' } }));
    expect((await t.person('u3'))!.crm_person_id).toBe(byPhone.id);
  });

  it('leaves a linked person linked, and an unknown one unlinked', async () => {
    const t = await setup();
    const first = t.crm.addContact({ name: 'First', externalId: 'u4' });
    await t.send(message({ type: 'identify', userId: 'u4' }));
    t.crm.addContact({ name: 'Second', email: 'second@example.com' });
    await t.send(message({ type: 'identify', userId: 'u4', traits: { email: 'second@example.com' } }));
    expect((await t.person('u4'))!.crm_person_id).toBe(first.id);
    await t.send(message({ type: 'identify', userId: 'nobody', traits: { email: 'nobody@example.com' } }));
    expect((await t.person('nobody'))!.crm_person_id).toBeNull();
  });
});

describe('group', () => {
  it('maps the group id to a customer, records the account and seats the known person on its committee', async () => {
    const t = await setup();
    const customerId = newId();
    t.crm.groups.set('acme', customerId);
    await t.send(
      message({
        type: 'identify',
        userId: 'u5',
        traits: { firstName: 'San', lastName: 'Zhang', email: 'san@acme.cn', title: 'CTO' },
      }),
    );
    const group = message({ type: 'group', userId: 'u5', groupId: 'acme', traits: { name: 'Acme' } });
    await t.send(group);
    const person = await t.person('u5');
    expect(await t.customerOf(group.messageId)).toBe(customerId);
    expect(await t.accounts(person!.id)).toEqual([{ customer_id: customerId, group_id: 'acme' }]);
    expect(t.crm.contacts).toEqual([
      expect.objectContaining({ name: 'San Zhang', email: 'san@acme.cn', title: 'CTO', externalId: 'u5' }),
    ]);
    expect(person!.crm_person_id).toBe(t.crm.contacts[0]!.id);
    expect(t.crm.seats).toEqual([{ customerId, crmPersonId: person!.crm_person_id, created: true }]);
    // Again: the linked contact is seated (a no-op for the CRM), no second contact is made.
    await t.send(message({ type: 'group', userId: 'u5', groupId: 'acme' }));
    expect(t.crm.contacts).toHaveLength(1);
    expect(t.crm.seats.at(-1)).toEqual({ customerId, crmPersonId: person!.crm_person_id, created: false });
  });

  it("records an anonymous person's account without a committee seat; an unknown group id maps to nothing", async () => {
    const t = await setup();
    const customerId = newId();
    t.crm.groups.set('acme', customerId);
    const anonymous = message({ type: 'group', anonymousId: 'a-g', groupId: 'acme' });
    const unknown = message({ type: 'group', anonymousId: 'a-g2', groupId: 'nobody-knows' });
    await t.send(anonymous, unknown);
    expect(t.crm.seats).toEqual([]);
    expect(await t.customerOf(anonymous.messageId)).toBe(customerId);
    expect(await t.customerOf(unknown.messageId)).toBeNull();
  });

  it('seats the existing contact rather than creating one when the person has a contact by key', async () => {
    const t = await setup();
    const customerId = newId();
    t.crm.groups.set('acme', customerId);
    const contact = t.crm.addContact({ name: 'Known', externalId: 'u6' });
    await t.send(
      message({ type: 'track', userId: 'u6' }),
      message({ type: 'group', userId: 'u6', groupId: 'acme' }),
    );
    expect(t.crm.seats).toEqual([{ customerId, crmPersonId: contact.id, created: false }]);
  });

  it('sets no account on events of a person with two accounts; an explicit customerId always wins', async () => {
    const t = await setup();
    const [c1, c2, c3] = [newId(), newId(), newId()];
    t.crm.groups.set('one', c1);
    t.crm.groups.set('two', c2);
    await t.send(message({ type: 'group', userId: 'u7', groupId: 'one' }));
    const single = message({ userId: 'u7' });
    await t.send(single);
    expect(await t.customerOf(single.messageId)).toBe(c1);
    await t.send(message({ type: 'group', userId: 'u7', groupId: 'two' }));
    const ambiguous = message({ userId: 'u7' });
    const explicit = message({ userId: 'u7', customerId: c3 });
    await t.send(ambiguous, explicit);
    expect(await t.customerOf(ambiguous.messageId)).toBeNull();
    expect(await t.customerOf(explicit.messageId)).toBe(c3);
  });
});
