/**
 * Reads behind identity resolution: identities by key with the persons along their merge chains,
 * persons locked for change with their trait stamps, persons linked to CRM contacts. Every statement
 * takes a whole batch's keys at once; results come back as JSON arrays (one row, little to decode).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { advisoryKey } from './advisory-key.js';
import type { IdentityRef } from './identity-keys.js';
import type { TraitStamp } from './trait-merge.js';

/** Merge chains longer than this are broken data; they are not followed further. */
const MAX_DEPTH = 64;

/** A stored identity. */
export type IdentityRow = IdentityRef & { personId: string };

/** What resolution reads of a person, plus the accounts it acts for. */
export type PersonHead = {
  id: string;
  mergedInto: string | null;
  userId: string | null;
  crmPersonId: string | null;
  createdAt: Date;
  firstSeenAt: Date;
  lastSeenAt: Date;
  customerIds: string[];
};

/** A person as it is about to be changed (its row locked). */
export type LockedPerson = Omit<PersonHead, 'customerIds'> & {
  traits: Record<string, unknown>;
  emailKey: string | null;
  phoneKey: string | null;
  /** When, and by which message, each trait got its current value. */
  stamps: Map<string, TraitStamp>;
};

/**
 * Persons as JSON: `[id, mergedInto, userId, crmPersonId, createdAt, firstSeenAt, lastSeenAt, customerIds]`.
 * The accounts' subquery names the tenant itself rather than `p.tenant_id`: Citus prunes a correlated
 * subquery only by its own constant, and a locking or recursive statement must stay on one node.
 */
const headJson = (
  tenantId: string,
) => sql`json_build_array(p.id, p.merged_into, p.user_id, p.crm_person_id, p.created_at,
  p.first_seen_at, p.last_seen_at,
  array(select a.customer_id from person_accounts a where a.tenant_id = ${tenantId} and a.person_id = p.id))`;

type HeadJson = [
  string,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string,
  string[] | null,
];

function toHead(json: HeadJson): PersonHead {
  const [id, mergedInto, userId, crmPersonId, createdAt, firstSeenAt, lastSeenAt, customerIds] = json;
  return {
    id,
    mergedInto,
    userId,
    crmPersonId,
    createdAt: new Date(createdAt),
    firstSeenAt: new Date(firstSeenAt),
    lastSeenAt: new Date(lastSeenAt),
    customerIds: customerIds ?? [],
  };
}

/**
 * In one statement: the stored identities among `refs` (each looked up by its primary key), and
 * the persons they and `seedIds` name, with their accounts. Merge chains are not followed here
 * (see `findPersonChains`): most persons were never merged.
 */
export async function findIdentitiesAndPersons(
  db: Db,
  tenantId: string,
  refs: IdentityRef[],
  seedIds: string[] = [],
): Promise<{ identities: IdentityRow[]; heads: PersonHead[] }> {
  if (refs.length === 0 && seedIds.length === 0) return { identities: [], heads: [] };
  const kinds = sql.param(refs.map((ref) => ref.kind));
  const values = sql.param(refs.map((ref) => ref.value));
  // `limit 1` keeps the lateral lookup a primary-key probe per key: without it the planner may turn
  // it into a hash join over every identity of the tenant (young tables have stale statistics).
  const result = await db.execute<{
    identities: [IdentityRef['kind'], string, string][];
    heads: HeadJson[];
  }>(sql`
    with found as materialized (
      select k.kind, k.value, i.person_id
      from unnest(${kinds}::text[], ${values}::text[]) k(kind, value)
      cross join lateral (
        select i.person_id from person_identities i
        where i.tenant_id = ${tenantId} and i.kind = k.kind and i.value = k.value
        limit 1
      ) i
    )
    select
      (select coalesce(json_agg(json_build_array(kind, value, person_id)), '[]') from found) as identities,
      (select coalesce(json_agg(${headJson(tenantId)}), '[]') from persons p
        where p.tenant_id = ${tenantId}
          and p.id = any(array(select person_id from found union select unnest(${sql.param(seedIds)}::uuid[])))
      ) as heads`);
  const row = result.rows[0]!;
  return {
    identities: row.identities.map(([kind, value, personId]) => ({ kind, value, personId })),
    heads: row.heads.map(toHead),
  };
}

/** The persons `ids` and everyone their merge chains lead to, with their accounts. */
export async function findPersonChains(db: Db, tenantId: string, ids: string[]): Promise<PersonHead[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ head: HeadJson }>(sql`
    with recursive chain (id, depth) as (
      select unnest(${sql.param(ids)}::uuid[]), 0
      union
      select p.merged_into, chain.depth + 1 from chain
      join persons p on p.tenant_id = ${tenantId} and p.id = chain.id
      where p.merged_into is not null and chain.depth < ${MAX_DEPTH}
    )
    select ${headJson(tenantId)} as head from persons p
    where p.tenant_id = ${tenantId} and p.id = any(array(select id from chain))`);
  return result.rows.map((row) => toHead(row.head));
}

type LockedJson = {
  head: HeadJson;
  traits: Record<string, unknown>;
  emailKey: string | null;
  phoneKey: string | null;
  stamps: [string, string, string | null][] | null;
};

/**
 * Locks the persons `ids` for change, in id order so that concurrent batches queue instead of
 * deadlocking, and answers their current rows (newer than any earlier read of this transaction)
 * with the stamp (time and message of the last change) of each of their traits.
 */
export async function lockPersons(db: Db, tenantId: string, ids: string[]): Promise<LockedPerson[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<LockedJson>(sql`
    select ${headJson(tenantId)} as head, p.traits, p.email_key as "emailKey", p.phone_key as "phoneKey",
      (select json_agg(json_build_array(s.trait, s.changed_at, s.message_id)) from (
        select distinct on (c.trait) c.trait, c.changed_at, c.message_id from person_trait_changes c
        where c.tenant_id = ${tenantId} and c.person_id = p.id
        order by c.trait, c.changed_at desc
      ) s) as stamps
    from persons p
    where p.tenant_id = ${tenantId} and p.id = any(${sql.param(ids)}::uuid[])
    order by p.id
    for update of p`);
  return result.rows.map((row) => {
    const { customerIds, ...head } = toHead(row.head);
    void customerIds;
    const stamps = (row.stamps ?? []).map(
      ([trait, at, messageId]) => [trait, { at: new Date(at), messageId }] as const,
    );
    return {
      ...head,
      traits: row.traits,
      emailKey: row.emailKey,
      phoneKey: row.phoneKey,
      stamps: new Map(stamps),
    };
  });
}

/**
 * Serialises the creation of persons for these CRM contacts (a domain event creates one when none
 * exists, and nothing else in the schema makes that unique); locks are taken in key order.
 */
export async function lockCrmContacts(db: Db, tenantId: string, crmPersonIds: string[]): Promise<void> {
  if (crmPersonIds.length === 0) return;
  const keys = [...new Set(crmPersonIds.map((id) => advisoryKey(`insights.crm_person:${tenantId}:${id}`)))];
  keys.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  await db.execute(sql`
    select pg_advisory_xact_lock(k) from unnest(${sql.param(keys)}::bigint[]) with ordinality as t(k, n) order by n`);
}

/** For each of these CRM contacts, the oldest stored person linked to it. */
export async function findPersonsOfContacts(
  db: Db,
  tenantId: string,
  crmPersonIds: string[],
): Promise<Map<string, string>> {
  if (crmPersonIds.length === 0) return new Map();
  const result = await db.execute<{ crmPersonId: string; id: string }>(sql`
    select distinct on (crm_person_id) crm_person_id as "crmPersonId", id
    from persons
    where tenant_id = ${tenantId} and crm_person_id = any(${sql.param(crmPersonIds)}::uuid[])
    order by crm_person_id, merged_into is not null, created_at, id`);
  return new Map(result.rows.map((row) => [row.crmPersonId, row.id]));
}
