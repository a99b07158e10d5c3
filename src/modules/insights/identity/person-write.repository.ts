/**
 * Writes of identity resolution. Most are built as statements (`*Sql`) that the batch sends
 * together with its event rows in one round trip (`executeWrites`); new identities (inserted first:
 * they are what concurrent batches queue on) and merges run on their own. The last-seen widening of
 * persons a batch only sent events for is in person-touch.service.ts.
 * Rows travel as one JSON parameter per statement.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Write } from '../message/batch-write.contract.js';
import { identityKey, type IdentityRef } from './identity-keys.js';

/** A person as written: new, or a locked one with its new values. */
export type PersonWrite = {
  id: string;
  mergedInto: string | null;
  userId: string | null;
  traits: Record<string, unknown>;
  emailKey: string | null;
  phoneKey: string | null;
  crmPersonId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
};

/** A person's membership of an account, seen at `lastSeenAt`. */
export type AccountWrite = { personId: string; customerId: string; groupId: string | null; lastSeenAt: Date };

/** The event times a batch saw a person at. */
export type SeenWrite = { id: string; firstSeenAt: Date; lastSeenAt: Date };

/** One row of trait history. */
export type TraitChangeWrite = {
  id: string;
  personId: string;
  trait: string;
  oldValue: unknown;
  newValue: unknown;
  messageId: string | null;
  changedAt: Date;
};

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
// Joins to a JSON recordset also name their keys as an array, so the planner probes the index
// whatever it guesses of the recordset's size and of young tables' statistics.
const ids = (rows: { id: string }[]) => sql`${sql.param(rows.map((row) => row.id))}::uuid[]`;
const stamp = (at: Date) => sql`${at.toISOString()}::timestamptz`;

const PERSON_RECORD = sql.raw(`id uuid, "mergedInto" uuid, "userId" text, traits jsonb, "emailKey" text,
  "phoneKey" text, "crmPersonId" uuid, "firstSeenAt" timestamptz, "lastSeenAt" timestamptz`);

/** Inserts new persons, created at `at`. */
export function insertPersonsSql(tenantId: string, rows: PersonWrite[], at: Date): Write | undefined {
  if (rows.length === 0) return undefined;
  return {
    sql: sql`insert into persons (tenant_id, id, merged_into, user_id, traits, email_key, phone_key, crm_person_id,
      first_seen_at, last_seen_at, created_at, updated_at)
    select ${tenantId}::uuid, x.id, x."mergedInto", x."userId", coalesce(x.traits, '{}'::jsonb), x."emailKey",
      x."phoneKey", x."crmPersonId", x."firstSeenAt", x."lastSeenAt", ${stamp(at)}, ${stamp(at)}
    from jsonb_to_recordset(${json(rows)}) as x(${PERSON_RECORD})`,
  };
}

/** Overwrites locked persons with their new values; first and last seen only ever widen. */
export function updatePersonsSql(tenantId: string, rows: PersonWrite[], at: Date): Write | undefined {
  if (rows.length === 0) return undefined;
  return {
    sql: sql`update persons p set merged_into = x."mergedInto", user_id = x."userId",
      traits = coalesce(x.traits, '{}'::jsonb), email_key = x."emailKey", phone_key = x."phoneKey",
      crm_person_id = x."crmPersonId", first_seen_at = least(p.first_seen_at, x."firstSeenAt"),
      last_seen_at = greatest(p.last_seen_at, x."lastSeenAt"), updated_at = ${stamp(at)}
    from jsonb_to_recordset(${json(rows)}) as x(${PERSON_RECORD})
    where p.tenant_id = ${tenantId} and p.id = x.id and p.id = any(${ids(rows)})`,
  };
}

/**
 * Adds identities unless they exist, in key order (so batches adding several of the same queue
 * rather than deadlock), and answers the keys (`kind:value`) it added. One left out was added by
 * another transaction, which this insert waited for until it committed.
 */
export async function insertIdentities(
  db: Db,
  tenantId: string,
  rows: (IdentityRef & { personId: string })[],
  at: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await db.execute<IdentityRef>(sql`
    insert into person_identities (tenant_id, kind, value, person_id, created_at)
    select ${tenantId}::uuid, x.kind, x.value, x."personId", ${stamp(at)}
    from jsonb_to_recordset(${json(rows)}) as x(kind text, value text, "personId" uuid)
    order by x.kind, x.value
    on conflict do nothing
    returning kind, value`);
  return new Set(result.rows.map((row) => identityKey(row)));
}

/** Points identities this transaction added at other persons (a later resolution round moved them). */
export async function repointIdentities(
  db: Db,
  tenantId: string,
  rows: (IdentityRef & { personId: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    update person_identities i set person_id = x."personId"
    from jsonb_to_recordset(${json(rows)}) as x(kind text, value text, "personId" uuid)
    where i.tenant_id = ${tenantId} and i.kind = x.kind and i.value = x.value`);
}

/** Adds or refreshes account memberships (one row per person and account), created at `at`. */
export function upsertAccountsSql(tenantId: string, rows: AccountWrite[], at: Date): Write | undefined {
  const merged = new Map<string, AccountWrite>();
  for (const row of rows) {
    const key = `${row.personId}:${row.customerId}`;
    const seen = merged.get(key);
    merged.set(key, {
      ...row,
      groupId: row.groupId ?? seen?.groupId ?? null,
      lastSeenAt: seen && seen.lastSeenAt > row.lastSeenAt ? seen.lastSeenAt : row.lastSeenAt,
    });
  }
  if (merged.size === 0) return undefined;
  return {
    sql: sql`insert into person_accounts (tenant_id, person_id, customer_id, group_id, created_at, last_seen_at)
    select ${tenantId}::uuid, x."personId", x."customerId", x."groupId", ${stamp(at)}, x."lastSeenAt"
    from jsonb_to_recordset(${json([...merged.values()])})
      as x("personId" uuid, "customerId" uuid, "groupId" text, "lastSeenAt" timestamptz)
    on conflict (tenant_id, person_id, customer_id) do update set
      group_id = coalesce(excluded.group_id, person_accounts.group_id),
      last_seen_at = greatest(person_accounts.last_seen_at, excluded.last_seen_at)`,
  };
}

/** Appends trait history. */
export function insertTraitChangesSql(tenantId: string, rows: TraitChangeWrite[]): Write | undefined {
  if (rows.length === 0) return undefined;
  return {
    sql: sql`insert into person_trait_changes (tenant_id, id, person_id, trait, old_value, new_value, message_id, changed_at)
    select ${tenantId}::uuid, x.id, x."personId", x.trait, x."oldValue", x."newValue", x."messageId", x."changedAt"
    from jsonb_to_recordset(${json(rows)}) as x(id uuid, "personId" uuid, trait text, "oldValue" jsonb,
      "newValue" jsonb, "messageId" text, "changedAt" timestamptz)`,
  };
}

/** Points the identities of merged-away persons at their survivors and moves their accounts there. */
export async function moveToSurvivors(
  db: Db,
  tenantId: string,
  merges: { loserId: string; survivorId: string }[],
): Promise<void> {
  if (merges.length === 0) return;
  const pairs = sql`jsonb_to_recordset(${json(merges)}) as x("loserId" uuid, "survivorId" uuid)`;
  await db.execute(sql`
    update person_identities i set person_id = x."survivorId" from ${pairs}
    where i.tenant_id = ${tenantId} and i.person_id = x."loserId"`);
  await db.execute(sql`
    insert into person_accounts (tenant_id, person_id, customer_id, group_id, created_at, last_seen_at)
    select a.tenant_id, x."survivorId", a.customer_id, max(a.group_id), min(a.created_at), max(a.last_seen_at)
    from person_accounts a join ${pairs} on a.person_id = x."loserId"
    where a.tenant_id = ${tenantId}
    group by a.tenant_id, x."survivorId", a.customer_id
    on conflict (tenant_id, person_id, customer_id) do update set
      group_id = coalesce(person_accounts.group_id, excluded.group_id),
      created_at = least(person_accounts.created_at, excluded.created_at),
      last_seen_at = greatest(person_accounts.last_seen_at, excluded.last_seen_at)`);
  await db.execute(sql`
    delete from person_accounts a using ${pairs}
    where a.tenant_id = ${tenantId} and a.person_id = x."loserId"`);
}
