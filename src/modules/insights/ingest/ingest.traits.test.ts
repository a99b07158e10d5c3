import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import type { Database } from '../../../platform/db/database.js';
import { at, setupTenant } from './identity-tenant.test-helper.js';
import { message } from './ingest.test-helper.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const setup = () => setupTenant(database.db);

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
