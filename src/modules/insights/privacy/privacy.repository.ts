/**
 * Queries of personal-information requests over a set of persons (a merge cluster): everything
 * insights holds about them, read in full, and erased in place. A person's record spans the
 * identity feature's tables and the event feature's `events`, so this repository is named in
 * TABLE_JOINS.insights: an erase must change all of them in one transaction, and an export read
 * them without a service per table.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { personAccounts, personIdentities, persons, personTraitChanges } from '../identity/person.table.js';

/** `(a, b, c)` of bound values. */
const inList = (values: readonly string[]) =>
  sql`(${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;

/** Deletes the ids the persons are known by and their trait history. */
export async function deleteIdentityRecords(db: Db, tenantId: string, ids: string[]): Promise<void> {
  await db
    .delete(personIdentities)
    .where(and(eq(personIdentities.tenantId, tenantId), inArray(personIdentities.personId, ids)));
  await db
    .delete(personTraitChanges)
    .where(and(eq(personTraitChanges.tenantId, tenantId), inArray(personTraitChanges.personId, ids)));
}

/** Blanks the persons' traits, user id and contact keys; first/last seen and links stay. */
export async function erasePersonFields(db: Db, tenantId: string, ids: string[], at: Date): Promise<void> {
  await db
    .update(persons)
    .set({ traits: {}, userId: null, emailKey: null, phoneKey: null, updatedAt: at })
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.id, ids)));
}

export type PersonRecord = typeof persons.$inferSelect;
export type IdentityRecord = typeof personIdentities.$inferSelect;

/** The ids of the persons linked to the CRM contact `crmPersonId`. */
export async function listPersonIdsOfContact(
  db: Db,
  tenantId: string,
  crmPersonId: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.crmPersonId, crmPersonId)))
    .orderBy(persons.id);
  return rows.map((row) => row.id);
}

/** The persons' rows as stored. */
export async function listPersonRecords(db: Db, tenantId: string, ids: string[]): Promise<PersonRecord[]> {
  return db
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.id, ids)))
    .orderBy(persons.id);
}

/** The ids (user ids, anonymous ids, emails) the persons are known by. */
export async function listIdentityRecords(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<IdentityRecord[]> {
  return db
    .select()
    .from(personIdentities)
    .where(and(eq(personIdentities.tenantId, tenantId), inArray(personIdentities.personId, ids)))
    .orderBy(personIdentities.kind, personIdentities.value);
}

/** The persons' trait history, oldest first. */
export async function listTraitChangeRecords(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<(typeof personTraitChanges.$inferSelect)[]> {
  return db
    .select()
    .from(personTraitChanges)
    .where(and(eq(personTraitChanges.tenantId, tenantId), inArray(personTraitChanges.personId, ids)))
    .orderBy(asc(personTraitChanges.changedAt), asc(personTraitChanges.id));
}

/** The accounts the persons act for. */
export async function listAccountRecords(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<(typeof personAccounts.$inferSelect)[]> {
  return db
    .select()
    .from(personAccounts)
    .where(and(eq(personAccounts.tenantId, tenantId), inArray(personAccounts.personId, ids)))
    .orderBy(personAccounts.personId, personAccounts.customerId);
}

/** Every event of the persons, oldest first (`events` is named by hand: it is the event feature's store). */
export async function listEventRecords(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<Record<string, unknown>[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select id, source_id as "sourceId", person_id as "personId", customer_id as "customerId", type, event,
      channel, message_id as "messageId", user_id as "userId", anonymous_id as "anonymousId",
      group_id as "groupId", timestamp, received_at as "receivedAt", sent_at as "sentAt",
      original_timestamp as "originalTimestamp", properties, traits, context
    from events
    where tenant_id = ${tenantId} and person_id in ${inList(ids)}
    order by timestamp, id`);
  return result.rows;
}

/**
 * Erases the personal parts of the persons' events: ids, traits, context, and every property but
 * `keptProperties` (amounts and the like). Type, name, channel, times and account stay. Answers the count.
 */
export async function anonymiseEvents(
  db: Db,
  tenantId: string,
  ids: string[],
  keptProperties: readonly string[],
): Promise<number> {
  const result = await db.execute<{ id: string }>(sql`
    update events set user_id = null, anonymous_id = null, traits = null, context = null,
      properties = (select coalesce(jsonb_object_agg(p.key, p.value), '{}'::jsonb)
        from jsonb_each("events"."properties") p where p.key in ${inList(keptProperties)})
    where tenant_id = ${tenantId} and person_id in ${inList(ids)}
    returning id`);
  return result.rows.length;
}
