import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { TouchpointMessage } from '../message/message.contract.js';
import { ingestMessages } from './ingest.service.js';
import { ingestDeps, message, webSource } from './ingest.test-helper.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const receivedAt = new Date('2026-03-02T00:00:00Z');
const at = (time: string) => new Date(`2026-03-01T${time}Z`);

/** A fresh tenant and a function sending batches to it. */
async function setup() {
  const source = webSource((await makeTenant(database.db)).tenant.id);
  const send = (...messages: TouchpointMessage[]) =>
    ingestMessages(ingestDeps(database.db), source, messages, receivedAt);
  const q = async <T>(query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows as T[];
  const tenantId = source.tenantId;
  return {
    tenantId,
    send,
    persons: () =>
      q<{
        id: string;
        merged_into: string | null;
        user_id: string | null;
        traits: Record<string, unknown>;
        email_key: string | null;
      }>(
        sql`select id, merged_into, user_id, traits, email_key from persons where tenant_id = ${tenantId} order by created_at, id`,
      ),
    /** The person an identity points at. */
    owner: async (kind: string, value: string) =>
      (
        await q<{ person_id: string }>(
          sql`select person_id from person_identities where tenant_id = ${tenantId} and kind = ${kind} and value = ${value}`,
        )
      )[0]?.person_id,
    eventPerson: async (messageId: string) =>
      (
        await q<{ person_id: string }>(
          sql`select person_id from events where tenant_id = ${tenantId} and message_id = ${messageId}`,
        )
      )[0]?.person_id,
    /** The events of a survivor and of everyone merged into it, transitively. */
    timeline: async (personId: string) =>
      (
        await q<{ message_id: string }>(sql`
          with recursive cluster (id) as (
            select ${personId}::uuid
            union select p.id from persons p join cluster c on p.tenant_id = ${tenantId} and p.merged_into = c.id
          )
          select message_id from events where tenant_id = ${tenantId} and person_id in (select id from cluster) order by timestamp`)
      ).map((row) => row.message_id),
    traitChanges: (personId: string) =>
      q<{ trait: string; old_value: unknown; new_value: unknown; message_id: string }>(sql`
        select trait, old_value, new_value, message_id from person_trait_changes
        where tenant_id = ${tenantId} and person_id = ${personId} order by changed_at, trait`),
  };
}

describe('identity resolution', () => {
  it('gives an anonymous visitor their userId on identify, without a new person', async () => {
    const t = await setup();
    const visit = message({ anonymousId: 'a1', timestamp: at('08:00:00') });
    await t.send(visit);
    await t.send(message({ type: 'identify', anonymousId: 'a1', userId: 'u1', timestamp: at('08:05:00') }));
    const [person, ...others] = await t.persons();
    expect(others).toEqual([]);
    expect(person).toMatchObject({ user_id: 'u1', merged_into: null });
    expect(await t.owner('user_id', 'u1')).toBe(person!.id);
    expect(await t.owner('anonymous_id', 'a1')).toBe(person!.id);
  });

  it('merges an anonymous person into a known one when an identify names both; the older survives', async () => {
    const t = await setup();
    const anonymous = message({ anonymousId: 'a1', timestamp: at('08:00:00') });
    await t.send(anonymous);
    const known = message({ userId: 'u1', timestamp: at('09:00:00') });
    await t.send(known);
    const [older, younger] = await t.persons();
    expect(older!.id).not.toBe(younger!.id);
    const identify = message({
      type: 'identify',
      anonymousId: 'a1',
      userId: 'u1',
      timestamp: at('10:00:00'),
    });
    await t.send(identify);
    const after = await t.persons();
    expect(after).toEqual([
      expect.objectContaining({ id: older!.id, merged_into: null, user_id: 'u1' }),
      expect.objectContaining({ id: younger!.id, merged_into: older!.id }),
    ]);
    expect(await t.owner('user_id', 'u1')).toBe(older!.id);
    // Events keep the person they were stored with; the survivor's timeline gathers them all.
    expect(await t.eventPerson(known.messageId)).toBe(younger!.id);
    expect(await t.eventPerson(identify.messageId)).toBe(older!.id);
    expect(await t.timeline(older!.id)).toEqual([anonymous.messageId, known.messageId, identify.messageId]);
    // A later event by either id goes to the survivor.
    const later = message({ userId: 'u1', timestamp: at('11:00:00') });
    await t.send(later);
    expect(await t.eventPerson(later.messageId)).toBe(older!.id);
  });

  it('never merges two persons with different userIds: the message goes to its own userId', async () => {
    const t = await setup();
    await t.send(message({ type: 'identify', userId: 'u1', anonymousId: 'shared-device' }));
    const second = message({ type: 'identify', userId: 'u2', anonymousId: 'shared-device' });
    await t.send(second);
    const persons = await t.persons();
    expect(persons.map((p) => [p.user_id, p.merged_into])).toEqual([
      ['u1', null],
      ['u2', null],
    ]);
    expect(await t.owner('anonymous_id', 'shared-device')).toBe(persons[0]!.id);
    expect(await t.eventPerson(second.messageId)).toBe(persons[1]!.id);
    // The same through an email both claim.
    await t.send(message({ type: 'identify', userId: 'u3', traits: { email: 'same@example.com' } }));
    await t.send(message({ type: 'identify', userId: 'u4', traits: { email: 'same@example.com' } }));
    expect((await t.persons()).filter((p) => p.merged_into === null).map((p) => p.user_id)).toEqual([
      'u1',
      'u2',
      'u3',
      'u4',
    ]);
  });

  it('merges through alias: previousId (an anonymous id) and userId become one person', async () => {
    const t = await setup();
    await t.send(message({ anonymousId: 'before-login' }));
    await t.send(message({ userId: 'u-alias' }));
    const [anonymous, known] = await t.persons();
    await t.send(message({ type: 'alias', previousId: 'before-login', userId: 'u-alias' }));
    expect(await t.persons()).toEqual([
      expect.objectContaining({ id: anonymous!.id, merged_into: null, user_id: 'u-alias' }),
      expect.objectContaining({ id: known!.id, merged_into: anonymous!.id }),
    ]);
  });

  it('alias with an unknown previousId records it for the user; with another userId it merges nothing', async () => {
    const t = await setup();
    await t.send(message({ type: 'alias', previousId: 'never-seen', userId: 'u-a' }));
    const [person] = await t.persons();
    expect(await t.owner('anonymous_id', 'never-seen')).toBe(person!.id);
    await t.send(message({ userId: 'u-b' }));
    await t.send(message({ type: 'alias', previousId: 'u-a', userId: 'u-b' }));
    expect((await t.persons()).map((p) => p.merged_into)).toEqual([null, null]);
  });

  it('resolves in message order within one batch: visit, identify, then the userId', async () => {
    const t = await setup();
    const batch = [
      message({ anonymousId: 'a-batch' }),
      message({ type: 'identify', anonymousId: 'a-batch', userId: 'u-batch' }),
      message({ userId: 'u-batch' }),
    ];
    await t.send(...batch);
    const persons = await t.persons();
    expect(persons).toHaveLength(1);
    for (const m of batch) expect(await t.eventPerson(m.messageId)).toBe(persons[0]!.id);
  });

  it('joins persons by normalised email and phone from identify traits', async () => {
    const t = await setup();
    await t.send(message({ type: 'identify', userId: 'u-mail', traits: { email: ' Zhang@Example.com ' } }));
    const later = message({
      type: 'identify',
      anonymousId: 'a-mail',
      traits: { email: 'zhang@example.com' },
    });
    await t.send(later);
    await t.send(message({ type: 'identify', anonymousId: 'a-phone', traits: { phone: '138 0013 8000' } }));
    await t.send(message({ type: 'identify', userId: 'u-phone', traits: { phone: '+86 13800138000' } }));
    const persons = await t.persons();
    expect(persons.map((p) => [p.user_id, p.email_key])).toEqual([
      ['u-mail', 'zhang@example.com'],
      ['u-phone', null],
    ]);
    expect(await t.eventPerson(later.messageId)).toBe(persons[0]!.id);
    expect(await t.owner('phone', '+8613800138000')).toBe(persons[1]!.id);
    // The email of a group's traits describes the account, not the person.
    await t.send(
      message({
        type: 'group',
        groupId: 'g',
        anonymousId: 'a-group',
        traits: { email: 'zhang@example.com' },
      }),
    );
    expect(await t.persons()).toHaveLength(3);
  });

  it("a domain event naming only a CRM contact goes to that contact's person, made once", async () => {
    const t = await setup();
    const crmPersonId = newId();
    const first = message({ event: 'crm.deal.won', crmPersonId, channel: 'sales' });
    const second = message({ event: 'crm.deal.lost', crmPersonId, channel: 'sales' });
    await t.send(first);
    await t.send(second);
    const persons = await t.persons();
    expect(persons).toHaveLength(1);
    expect(await t.eventPerson(first.messageId)).toBe(persons[0]!.id);
    expect(await t.eventPerson(second.messageId)).toBe(persons[0]!.id);
    const orphan = message({ event: 'crm.customer.created', customerId: newId() });
    await t.send(orphan);
    expect(await t.eventPerson(orphan.messageId)).toBeNull();
  });
});

describe('traits', () => {
  it('keep the latest value per key by event time, with every change in the history', async () => {
    const t = await setup();
    const m1 = message({
      type: 'identify',
      userId: 'u',
      timestamp: at('10:00:00'),
      traits: { name: 'A', plan: 'free' },
    });
    const m2 = message({ type: 'identify', userId: 'u', timestamp: at('12:00:00'), traits: { name: 'B' } });
    await t.send(m1);
    await t.send(m2);
    // An older identify arriving late changes only what is older than it.
    const late = message({
      type: 'identify',
      userId: 'u',
      timestamp: at('11:00:00'),
      traits: { name: 'C', plan: 'pro', company: 'X' },
    });
    await t.send(late);
    // The same value again is no change.
    await t.send(
      message({ type: 'identify', userId: 'u', timestamp: at('13:00:00'), traits: { name: 'B' } }),
    );
    const [person] = await t.persons();
    expect(person!.traits).toEqual({ name: 'B', plan: 'pro', company: 'X' });
    expect(await t.traitChanges(person!.id)).toEqual([
      { trait: 'name', old_value: null, new_value: 'A', message_id: m1.messageId },
      { trait: 'plan', old_value: null, new_value: 'free', message_id: m1.messageId },
      { trait: 'company', old_value: null, new_value: 'X', message_id: late.messageId },
      { trait: 'plan', old_value: 'free', new_value: 'pro', message_id: late.messageId },
      { trait: 'name', old_value: 'A', new_value: 'B', message_id: m2.messageId },
    ]);
  });

  it('apply by event time within one batch too, and nested values compare by content', async () => {
    const t = await setup();
    await t.send(
      message({
        type: 'identify',
        userId: 'u',
        timestamp: at('12:00:00'),
        traits: { address: { city: 'Shenzhen', zip: '518000' } },
      }),
      message({
        type: 'identify',
        userId: 'u',
        timestamp: at('11:00:00'),
        traits: { address: { city: 'Beijing' } },
      }),
    );
    await t.send(
      message({
        type: 'identify',
        userId: 'u',
        timestamp: at('13:00:00'),
        traits: { address: { zip: '518000', city: 'Shenzhen' } },
      }),
    );
    const [person] = await t.persons();
    expect(person!.traits).toEqual({ address: { city: 'Shenzhen', zip: '518000' } });
    expect(await t.traitChanges(person!.id)).toHaveLength(1);
  });

  it("merge: the survivor takes the merged person's traits that are newer than its own", async () => {
    const t = await setup();
    await t.send(
      message({ type: 'identify', anonymousId: 'a', timestamp: at('09:00:00'), traits: { color: 'red' } }),
    );
    const loserTraits = message({
      type: 'identify',
      userId: 'u',
      timestamp: at('08:00:00'),
      traits: { color: 'blue', name: 'Wang', email: 'wang@example.com' },
    });
    await t.send(loserTraits);
    await t.send(message({ type: 'identify', anonymousId: 'a', userId: 'u', timestamp: at('10:00:00') }));
    const [survivor, merged] = await t.persons();
    expect(merged!.merged_into).toBe(survivor!.id);
    expect(survivor).toMatchObject({
      traits: { color: 'red', name: 'Wang', email: 'wang@example.com' },
      email_key: 'wang@example.com',
    });
    const changes = await t.traitChanges(survivor!.id);
    expect(changes.map((c) => [c.trait, c.new_value, c.message_id])).toEqual([
      ['email', 'wang@example.com', loserTraits.messageId],
      ['name', 'Wang', loserTraits.messageId],
      ['color', 'red', expect.any(String)],
    ]);
    // The merged value keeps its time: an identify older than it does not win.
    await t.send(
      message({ type: 'identify', userId: 'u', timestamp: at('07:00:00'), traits: { name: 'Old' } }),
    );
    expect((await t.persons())[0]!.traits).toMatchObject({ name: 'Wang' });
  });
});
