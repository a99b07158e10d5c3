import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Database } from '../../../platform/db/database.js';
import type { TouchpointMessage } from '../message/message.contract.js';
import { ingestMessages } from './ingest.service.js';
import { ingestDeps, message, webSource } from './ingest.test-helper.js';

// On the PostgreSQL project these batches really run at once (a pool of 10 connections); on the
// embedded engine they queue for its one connection, which must come out the same.

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const USERS = 5;
const ANONYMOUS = 10;
const CALLS = 20;

/** Anonymous id k belongs to user k mod 5, and so does email k mod 5: every message names one user's ids. */
const userOf = (k: number) => `user-${k % USERS}`;
const emailOf = (k: number) => `user${k % USERS}@example.com`;

/** Call i's batch: a visit, identify and alias sharing ids with the other calls, and a retried message. */
function batch(i: number): TouchpointMessage[] {
  const k = i % ANONYMOUS;
  const other = (i + USERS) % ANONYMOUS;
  const time = new Date(Date.UTC(2026, 2, 1, 8, 0, i));
  return [
    message({ anonymousId: `anon-${k}`, timestamp: time }),
    message({
      type: 'identify',
      anonymousId: `anon-${k}`,
      userId: userOf(k),
      traits: { email: emailOf(k) },
      timestamp: time,
    }),
    message({
      type: 'identify',
      anonymousId: `anon-${other}`,
      traits: { email: emailOf(other), seen: i },
      timestamp: time,
    }),
    message({ userId: userOf(k), event: 'Signed In', timestamp: time }),
    message({ type: 'alias', previousId: `anon-${other}`, userId: userOf(other), timestamp: time }),
    message({ messageId: `retried-${i % 4}`, anonymousId: `anon-${k}`, timestamp: time }),
  ];
}

/** Follows every identity along merges to its survivor: `[kind, value, survivor's userId]`, sorted. */
async function identityOwners(tenantId: string) {
  const q = async <T>(query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows as T[];
  return q<{ kind: string; value: string; root_user: string | null }>(sql`
    with recursive up (identity_kind, identity_value, id, merged_into, depth) as (
      select i.kind, i.value, p.id, p.merged_into, 0 from person_identities i
      join persons p on p.tenant_id = i.tenant_id and p.id = i.person_id where i.tenant_id = ${tenantId}
      union all
      select up.identity_kind, up.identity_value, p.id, p.merged_into, up.depth + 1 from up
      join persons p on p.tenant_id = ${tenantId} and p.id = up.merged_into where up.depth < 64
    )
    select up.identity_kind as kind, up.identity_value as value, p.user_id as root_user
    from up join persons p on p.tenant_id = ${tenantId} and p.id = up.id
    where up.merged_into is null order by 1, 2`);
}

const expectedOwners = () =>
  [
    ...Array.from({ length: ANONYMOUS }, (_, k) => ({
      kind: 'anonymous_id',
      value: `anon-${k}`,
      root_user: userOf(k),
    })),
    ...Array.from({ length: USERS }, (_, u) => ({ kind: 'email', value: emailOf(u), root_user: userOf(u) })),
    ...Array.from({ length: USERS }, (_, u) => ({ kind: 'user_id', value: userOf(u), root_user: userOf(u) })),
  ].sort((a, b) => (a.kind + a.value < b.kind + b.value ? -1 : 1));

describe('concurrent batches of one tenant', () => {
  it('merge persons stored beforehand exactly once, whichever batch gets there first', async () => {
    const source = webSource((await makeTenant(database.db)).tenant.id);
    // Anonymous visitors and email-only contacts first, one person each: the batches below merge them.
    for (let k = 0; k < ANONYMOUS; k++) {
      await ingestMessages(
        ingestDeps(database.db),
        source,
        [message({ anonymousId: `anon-${k}` })],
        new Date(),
      );
    }
    for (let u = 0; u < USERS; u++) {
      const identify = message({ type: 'identify', anonymousId: `mail-${u}`, traits: { email: emailOf(u) } });
      await ingestMessages(ingestDeps(database.db), source, [identify], new Date());
    }
    await Promise.all(
      Array.from({ length: CALLS }, (_, i) =>
        ingestMessages(ingestDeps(database.db), source, batch(i), new Date()),
      ),
    );
    const owners = await identityOwners(source.tenantId);
    expect(owners.filter((o) => !o.value.startsWith('mail-'))).toEqual(expectedOwners());
    expect(owners.filter((o) => o.value.startsWith('mail-')).map((o) => o.root_user)).toEqual(
      Array.from({ length: USERS }, (_, u) => userOf(u)),
    );
    const survivors = await database.db.execute<{ user_id: string | null }>(
      sql`select user_id from persons where tenant_id = ${source.tenantId} and merged_into is null order by 1`,
    );
    expect(survivors.rows.map((p) => p.user_id)).toEqual(Array.from({ length: USERS }, (_, u) => userOf(u)));
  });

  it('give a stored anonymous person to only one of two userIds identifying it at once', async () => {
    const source = webSource((await makeTenant(database.db)).tenant.id);
    const pairs = CALLS / 2;
    for (let k = 0; k < pairs; k++) {
      await ingestMessages(
        ingestDeps(database.db),
        source,
        [message({ anonymousId: `device-${k}` })],
        new Date(),
      );
    }
    await Promise.all(
      Array.from({ length: CALLS }, (_, i) => {
        const k = i % pairs;
        const identify = message({
          type: 'identify',
          anonymousId: `device-${k}`,
          userId: `user-${k}-${i < pairs ? 'a' : 'b'}`,
        });
        return ingestMessages(ingestDeps(database.db), source, [identify], new Date());
      }),
    );
    const owners = await identityOwners(source.tenantId);
    for (let k = 0; k < pairs; k++) {
      const device = owners.find((o) => o.value === `device-${k}`)!;
      expect([`user-${k}-a`, `user-${k}-b`]).toContain(device.root_user);
    }
    // Every userId is on its own person, which carries it.
    const users = owners.filter((o) => o.kind === 'user_id');
    expect(users).toHaveLength(CALLS);
    for (const user of users) expect(user.root_user).toBe(user.value);
  });

  it('make exactly one person per user and identity, and store every message once', async () => {
    const source = webSource((await makeTenant(database.db)).tenant.id);
    const tenantId = source.tenantId;
    const batches = Array.from({ length: CALLS }, (_, i) => batch(i));
    const outcomes = await Promise.all(
      batches.map((messages) => ingestMessages(ingestDeps(database.db), source, messages, new Date())),
    );
    const total = outcomes.reduce((sum, o) => ({
      stored: sum.stored + o.stored,
      duplicates: sum.duplicates + o.duplicates,
    }));
    expect(total).toEqual({ stored: CALLS * 5 + 4, duplicates: CALLS - 4 });

    const q = async <T>(query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows as T[];
    const survivors = await q<{ user_id: string | null }>(
      sql`select user_id from persons where tenant_id = ${tenantId} and merged_into is null order by user_id`,
    );
    expect(survivors.map((p) => p.user_id)).toEqual(Array.from({ length: USERS }, (_, u) => `user-${u}`));

    // Every identity, followed along merges, reaches its user's one survivor.
    expect(await identityOwners(tenantId)).toEqual(expectedOwners());

    const events = await q<{ messages: number; distinct_messages: number; unresolved: number }>(sql`
      select count(*)::int as messages, count(distinct message_id)::int as distinct_messages,
        count(*) filter (where person_id is null)::int as unresolved
      from events where tenant_id = ${tenantId}`);
    expect(events).toEqual([{ messages: CALLS * 5 + 4, distinct_messages: CALLS * 5 + 4, unresolved: 0 }]);
  });
});
