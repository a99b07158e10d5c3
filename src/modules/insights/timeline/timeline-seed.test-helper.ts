/**
 * Test data for timelines, written straight into the tables (persons, identities, account links,
 * trait changes and events in a November 2026 partition made here). Used by tests only.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { personAccounts, personIdentities, persons, personTraitChanges } from '../identity/person.table.js';

/** Makes the November 2026 partition of `events`, where every seeded event goes. */
export async function ensureTestPartition(db: Db): Promise<void> {
  await db.execute(
    sql.raw(`create table if not exists events_2026_11 partition of events
      for values from ('2026-11-01 00:00:00+00') to ('2026-12-01 00:00:00+00')`),
  );
}

/** What a seeded person is known by. */
export type PersonSeed = {
  id?: string;
  userId?: string;
  anonymousIds?: string[];
  /** Email keys (already normalised). */
  emails?: string[];
  mergedInto?: string;
  traits?: Record<string, unknown>;
  crmPersonId?: string;
  lastSeenAt?: string;
};

/** Inserts a person and its identities; answers its id. */
export async function seedPerson(db: Db, tenantId: string, seed: PersonSeed = {}): Promise<string> {
  const id = seed.id ?? newId();
  const lastSeenAt = new Date(seed.lastSeenAt ?? '2026-11-20T00:00:00Z');
  const at = new Date('2026-11-01T00:00:00Z');
  await db.insert(persons).values({
    tenantId,
    id,
    mergedInto: seed.mergedInto ?? null,
    userId: seed.userId ?? null,
    traits: seed.traits ?? {},
    crmPersonId: seed.crmPersonId ?? null,
    firstSeenAt: at,
    lastSeenAt,
    createdAt: at,
    updatedAt: at,
  });
  const identities = [
    ...(seed.userId ? [{ kind: 'user_id', value: seed.userId }] : []),
    ...(seed.anonymousIds ?? []).map((value) => ({ kind: 'anonymous_id', value })),
    ...(seed.emails ?? []).map((value) => ({ kind: 'email', value })),
  ];
  if (identities.length) {
    await db
      .insert(personIdentities)
      .values(identities.map((i) => ({ ...i, tenantId, personId: id, createdAt: at })));
  }
  return id;
}

/** Marks `id` as merged into `survivorId`. */
export async function mergePerson(db: Db, tenantId: string, id: string, survivorId: string): Promise<void> {
  await db.execute(
    sql`update persons set merged_into = ${survivorId} where tenant_id = ${tenantId} and id = ${id}`,
  );
}

/** One event to seed; `timestamp` may carry microseconds, e.g. `2026-11-02T10:00:00.000001Z`. */
export type EventSeed = {
  personId?: string | null;
  customerId?: string | null;
  type?: string;
  event?: string | null;
  channel?: string;
  timestamp: string;
  id?: string;
  properties?: Record<string, unknown>;
  userId?: string | null;
  anonymousId?: string | null;
};

/** Inserts events (into the test partition; call ensureTestPartition first); answers their ids. */
export async function seedEvents(db: Db, tenantId: string, seeds: EventSeed[]): Promise<string[]> {
  const ids = seeds.map((s) => s.id ?? newId());
  const sourceId = newId();
  const rows = seeds.map(
    (s, i) => sql`(${tenantId}, ${ids[i]}, ${sourceId}, ${s.personId ?? null}, ${s.customerId ?? null},
      ${s.type ?? 'track'}, ${s.event === undefined ? 'Viewed' : s.event}, ${s.channel ?? 'web'},
      ${`m-${ids[i]}`}, ${s.userId ?? null}, ${s.anonymousId ?? null}, ${s.timestamp}::timestamptz,
      ${s.timestamp}::timestamptz, ${JSON.stringify(s.properties ?? {})}::jsonb)`,
  );
  for (let start = 0; start < rows.length; start += 500) {
    await db.execute(sql`insert into events (tenant_id, id, source_id, person_id, customer_id, type, event,
        channel, message_id, user_id, anonymous_id, "timestamp", received_at, properties)
      values ${sql.join(rows.slice(start, start + 500), sql`, `)}`);
  }
  return ids;
}

/** Links a person to a CRM account, as a `group` call does. */
export async function linkAccount(
  db: Db,
  tenantId: string,
  personId: string,
  customerId: string,
  groupId: string | null = null,
): Promise<void> {
  const at = new Date('2026-11-01T00:00:00Z');
  await db
    .insert(personAccounts)
    .values({ tenantId, personId, customerId, groupId, createdAt: at, lastSeenAt: at });
}

/** Records a trait change of a person. */
export async function seedTraitChange(
  db: Db,
  tenantId: string,
  personId: string,
  change: { trait: string; oldValue: unknown; newValue: unknown; changedAt: string },
): Promise<void> {
  await db.insert(personTraitChanges).values({
    tenantId,
    id: newId(),
    personId,
    trait: change.trait,
    oldValue: change.oldValue,
    newValue: change.newValue,
    messageId: `m-${newId()}`,
    changedAt: new Date(change.changedAt),
  });
}
