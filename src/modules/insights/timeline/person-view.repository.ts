/** Queries of the person views: the persons list and search, a cluster's rows, ids, accounts and trait history. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { escapeLike } from '../../../platform/db/text-search.js';
import type { CrmPersonScope } from '../identity/crm-link.contract.js';
import type { KeysetPosition } from './timeline-cursor.js';
import { jsonOf } from './json-column.js';

/** A persons row as the views show it; `cursorAt` is last_seen_at to the microsecond (for cursors). */
export type PersonRow = {
  id: string;
  mergedInto: string | null;
  userId: string | null;
  traits: Record<string, unknown>;
  crmPersonId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  cursorAt: string;
};

/**
 * Search and position of a persons page; `limit` rows at most are answered. With `scope`, only the
 * persons the CRM scope shows (see `CrmPersonScope`).
 */
export type PersonFilter = { q?: string; after?: KeysetPosition; limit: number; scope?: CrmPersonScope };

/** A person's account link. */
export type AccountRow = { personId: string; customerId: string; groupId: string | null };

/** One recorded trait change. */
export type TraitChangeRow = {
  trait: string;
  oldValue: unknown;
  newValue: unknown;
  messageId: string | null;
  changedAt: Date;
};

const COLUMNS = sql.raw(
  [
    'p.id',
    'p.merged_into as "mergedInto"',
    'p.user_id as "userId"',
    'p.traits',
    'p.crm_person_id as "crmPersonId"',
    'p.first_seen_at as "firstSeenAt"',
    'p.last_seen_at as "lastSeenAt"',
    `to_char(p.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"`,
  ].join(', '),
);

/**
 * Survivors (persons not merged away), last seen first (index persons_last_seen_idx). `q` is a
 * case-insensitive prefix of the userId, traits.name, traits.email, or any id of the cluster.
 */
export async function listSurvivors(db: Db, tenantId: string, filter: PersonFilter): Promise<PersonRow[]> {
  const parts: SQL[] = [];
  if (filter.after) {
    parts.push(
      sql` and (p.last_seen_at, p.id) < (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)`,
    );
  }
  if (filter.scope) parts.push(sql` and ${inScope(tenantId, filter.scope)}`);
  const page = (match?: SQL) => sql`select ${COLUMNS} from persons p
    where p.tenant_id = ${tenantId} and p.merged_into is null${match ?? sql``}${sql.join(parts)}
    order by p.last_seen_at desc, p.id desc limit ${filter.limit}`;
  if (filter.q === undefined)
    return (await db.execute<Record<string, unknown>>(page())).rows.map(personRowOf);
  // A page of each way to match, then the page of their union: each arm takes its own cheapest path
  // (a common prefix walks persons_last_seen_idx and stops after a page; a rare one reads its index).
  const pattern = `${escapeLike(filter.q)}%`;
  const result = await db.execute<Record<string, unknown>>(sql`select * from (
      (${page(sql` and (lower(p.user_id) like lower(${pattern})
        or lower(p.traits->>'name') like lower(${pattern}) or lower(p.traits->>'email') like lower(${pattern}))`)})
      union
      (${page(sql` and p.id in (${survivorsOfIdentities(tenantId, pattern)})`)})
    ) found order by "lastSeenAt" desc, id desc limit ${filter.limit}`);
  return result.rows.map(personRowOf);
}

/**
 * True when the CRM scope shows the person `id`: it acts for no account (no account link, not a
 * contact on any committee) or for at least one account the actor may see.
 */
export async function isPersonInScope(
  db: Db,
  tenantId: string,
  id: string,
  scope: CrmPersonScope,
): Promise<boolean> {
  const result = await db.execute<{ id: string }>(sql`select p.id from persons p
    where p.tenant_id = ${tenantId} and p.id = ${id} and ${inScope(tenantId, scope)}`);
  return result.rows.length > 0;
}

/**
 * The scope predicate on the persons row `p`. The subqueries name the tenant as a constant, not as
 * `p.tenant_id`: on Citus a correlated subquery must be routed to the tenant's shard on its own.
 */
function inScope(tenantId: string, scope: CrmPersonScope): SQL {
  const accounts = sql`select a.customer_id from person_accounts a
    where a.tenant_id = ${tenantId} and a.person_id = p.id`;
  const committees = scope.customersOfContact(sql`p.crm_person_id`);
  return sql`(
    (not exists (${accounts}) and (p.crm_person_id is null or not exists (${committees})))
    or exists (select 1 from (${accounts}) linked where linked.customer_id in (${scope.visibleCustomerIds}))
    or (p.crm_person_id is not null
      and exists (select 1 from (${committees}) seat where seat.customer_id in (${scope.visibleCustomerIds}))))`;
}

/**
 * The survivors of the persons holding an identity that matches `pattern` (a prefix, ILIKE): a range
 * of `person_identities_search_idx`, since `lower(x) like lower(p)` is how ILIKE compares anyway.
 */
function survivorsOfIdentities(tenantId: string, pattern: string): SQL {
  return sql`with recursive chain (id, merged_into, depth) as (
      select p.id, p.merged_into, 0 from persons p where p.tenant_id = ${tenantId} and p.id in (
        select person_id from person_identities
        where tenant_id = ${tenantId} and lower(value) like lower(${pattern}))
      union all
      select p.id, p.merged_into, chain.depth + 1 from chain
      join persons p on p.tenant_id = ${tenantId} and p.id = chain.merged_into
      where chain.depth < 64
    ) select id from chain where merged_into is null`;
}

/** The persons rows with these ids. */
export async function listPersonRows(db: Db, tenantId: string, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<Record<string, unknown>>(sql`select ${COLUMNS} from persons p
    where p.tenant_id = ${tenantId} and p.id = any(${sql.param(ids)}::uuid[])`);
  return result.rows.map(personRowOf);
}

/** The ids these persons are known by, ordered by kind then value. */
export async function listIdentities(
  db: Db,
  tenantId: string,
  personIds: string[],
): Promise<{ kind: string; value: string }[]> {
  if (personIds.length === 0) return [];
  const result = await db.execute<{
    kind: string;
    value: string;
  }>(sql`select kind, value from person_identities
    where tenant_id = ${tenantId} and person_id = any(${sql.param(personIds)}::uuid[]) order by kind, value`);
  return result.rows;
}

/** The account links of these persons, oldest first. */
export async function listAccountLinks(db: Db, tenantId: string, personIds: string[]): Promise<AccountRow[]> {
  if (personIds.length === 0) return [];
  const result = await db.execute<AccountRow>(sql`select person_id as "personId", customer_id as "customerId",
      group_id as "groupId" from person_accounts
    where tenant_id = ${tenantId} and person_id = any(${sql.param(personIds)}::uuid[])
    order by created_at, customer_id`);
  return result.rows;
}

/** The trait changes of these persons, newest first; `limit` at most. */
export async function listTraitChanges(
  db: Db,
  tenantId: string,
  personIds: string[],
  limit: number,
): Promise<TraitChangeRow[]> {
  if (personIds.length === 0) return [];
  const result = await db.execute<Record<string, unknown>>(sql`select trait, old_value as "oldValue",
      new_value as "newValue", message_id as "messageId", changed_at as "changedAt"
    from person_trait_changes
    where tenant_id = ${tenantId} and person_id = any(${sql.param(personIds)}::uuid[])
    order by changed_at desc, id desc limit ${limit}`);
  return result.rows.map((raw) => ({
    trait: raw.trait as string,
    oldValue: raw.oldValue ?? null,
    newValue: raw.newValue ?? null,
    messageId: raw.messageId as string | null,
    changedAt: new Date(raw.changedAt as string | Date),
  }));
}

function personRowOf(raw: Record<string, unknown>): PersonRow {
  return {
    ...(raw as Omit<PersonRow, 'traits' | 'firstSeenAt' | 'lastSeenAt'>),
    traits: jsonOf(raw.traits) ?? {},
    firstSeenAt: new Date(raw.firstSeenAt as string | Date),
    lastSeenAt: new Date(raw.lastSeenAt as string | Date),
  };
}
