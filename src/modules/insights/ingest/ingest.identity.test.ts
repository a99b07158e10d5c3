import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { at, setupTenant } from './identity-tenant.test-helper.js';
import { message } from './ingest.test-helper.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const setup = () => setupTenant(database.db);

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
