import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { useTestApp } from '../../../../test/helpers/server.js';
import { systemClock } from '../../../platform/clock.js';
import { createSource } from '../../insights/index.js';
import { createCustomer } from '../customer/customer.service.js';
import { createContact } from '../contact/contact.service.js';

// Touchpoints through the real Segment endpoint, resolved against real CRM contacts and customers:
// the CRM side of identity resolution as the running app wires it.

const t = useTestApp();
const USCC = '91350100M000100Y43';

async function setup() {
  const { admin } = await makeTenant(t.database.db);
  const deps = { db: t.database.db, clock: systemClock };
  const byExternalId = await createCustomer(deps, admin.actor, {
    kind: 'business',
    name: '云帆科技',
    externalId: 'acme-1',
    allowDuplicate: true,
  });
  const byUscc = await createCustomer(deps, admin.actor, {
    kind: 'business',
    name: '闽信集团',
    uscc: USCC,
    allowDuplicate: true,
  });
  const zhang = await createContact(deps, admin.actor, {
    name: '张三',
    email: 'zhang@example.com',
    accounts: [{ customerId: byExternalId.id, role: 'decision_maker' }],
  });
  const source = await createSource(deps, admin.actor, { name: 'web', kind: 'web' });
  const send = async (batch: object[]) => {
    const reply = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: `Basic ${Buffer.from(`${source.writeKey}:`).toString('base64')}` },
      payload: { batch },
    });
    expect(reply.statusCode, reply.body).toBe(200);
  };
  const q = async <T>(query: ReturnType<typeof sql>) => (await t.database.db.execute(query)).rows as T[];
  const tenantId = admin.actor.tenantId;
  return { tenantId, byExternalId, byUscc, zhang, send, q };
}

describe('touchpoints linked to the CRM', () => {
  it('links a person to the contact with its email and seats it on the customer its group names by USCC', async () => {
    const s = await setup();
    await s.send([
      {
        type: 'identify',
        userId: 'u1',
        anonymousId: 'a1',
        traits: { email: 'ZHANG@example.com', name: '张三' },
      },
      { type: 'group', userId: 'u1', groupId: USCC.toLowerCase(), messageId: 'g1' },
      { type: 'track', userId: 'u1', event: 'Viewed', messageId: 't1' },
    ]);
    const [person] = await s.q<{ id: string; crm_person_id: string }>(
      sql`select id, crm_person_id from persons where tenant_id = ${s.tenantId} and user_id = 'u1'`,
    );
    expect(person!.crm_person_id).toBe(s.zhang.id);
    const accounts = await s.q<{ customer_id: string }>(
      sql`select customer_id from person_accounts where tenant_id = ${s.tenantId} and person_id = ${person!.id}`,
    );
    expect(accounts.map((a) => a.customer_id).sort()).toEqual([s.byExternalId.id, s.byUscc.id].sort());
    const seats = await s.q<{ customer_id: string; role: string }>(
      sql`select customer_id, role from account_members where tenant_id = ${s.tenantId} and person_id = ${s.zhang.id}`,
    );
    expect(seats).toEqual(
      expect.arrayContaining([
        { customer_id: s.byExternalId.id, role: 'decision_maker' },
        { customer_id: s.byUscc.id, role: 'user' },
      ]),
    );
    const events = await s.q<{ message_id: string; customer_id: string | null }>(
      sql`select message_id, customer_id from events where tenant_id = ${s.tenantId} and message_id in ('g1', 't1') order by 1`,
    );
    // The group names its customer; the track belongs to a person of two accounts: no single one.
    expect(events).toEqual([
      { message_id: 'g1', customer_id: s.byUscc.id },
      { message_id: 't1', customer_id: null },
    ]);
  });

  it('creates the contact from the traits when a known person without one joins a customer by external id', async () => {
    const s = await setup();
    await s.send([
      { type: 'identify', userId: 'u2', traits: { name: '李四', phone: '139 0013 9000', title: '采购经理' } },
      { type: 'group', userId: 'u2', groupId: 'acme-1' },
    ]);
    const [contact] = await s.q<{
      id: string;
      name: string;
      title: string;
      phone_key: string;
      external_id: string;
    }>(
      sql`select id, name, title, phone_key, external_id from people where tenant_id = ${s.tenantId} and external_id = 'u2'`,
    );
    expect(contact).toMatchObject({ name: '李四', title: '采购经理', phone_key: '+8613900139000' });
    const [person] = await s.q<{ crm_person_id: string }>(
      sql`select crm_person_id from persons where tenant_id = ${s.tenantId} and user_id = 'u2'`,
    );
    expect(person!.crm_person_id).toBe(contact!.id);
    const seats = await s.q<{ customer_id: string; role: string }>(
      sql`select customer_id, role from account_members where tenant_id = ${s.tenantId} and person_id = ${contact!.id}`,
    );
    expect(seats).toEqual([{ customer_id: s.byExternalId.id, role: 'user' }]);
    // An anonymous visitor's group records the account but seats nobody.
    await s.send([{ type: 'group', anonymousId: 'anon-9', groupId: 'acme-1' }]);
    const [{ n }] = (await s.q<{ n: number }>(
      sql`select count(*)::int as n from people where tenant_id = ${s.tenantId}`,
    )) as [{ n: number }];
    expect(n).toBe(2);
  });
});
