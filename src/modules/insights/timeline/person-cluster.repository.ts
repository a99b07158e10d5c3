/**
 * Queries that find persons by what names them and gather merge clusters: a survivor (a person not
 * merged into anyone) with every person merged into it, transitively, along `persons.merged_into`.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';

/** Merge chains longer than this are treated as broken data, not followed (it also stops cycles). */
const MAX_DEPTH = 64;

/** What a person route's `{id}` may be: a person id (when it is a UUID), a userId / anonymousId, an email key. */
export type PersonRefKeys = { personId?: string; value: string; emailKey?: string };

/** Where a cluster search starts: given persons, persons linked to an account, or to a CRM contact. */
export type ClusterStart = { personIds: string[] } | { customerId: string } | { crmPersonId: string };

/** One member of a cluster: `rootId` is the survivor, `id` the member (the survivor itself included). */
export type ClusterMember = { rootId: string; id: string };

/**
 * The survivor of the person `ref` names: the person with that id, else the one whose user_id,
 * then anonymous_id, then email is the value; undefined when none.
 */
export async function findSurvivorId(
  db: Db,
  tenantId: string,
  ref: PersonRefKeys,
): Promise<string | undefined> {
  const byId = ref.personId
    ? sql`select id as person_id, 0 as rank from persons where tenant_id = ${tenantId} and id = ${ref.personId} union all `
    : sql``;
  const byEmail = ref.emailKey ? sql` or (kind = 'email' and value = ${ref.emailKey})` : sql``;
  const result = await db.execute<{ id: string }>(sql`
    with recursive start as (
      select person_id from (
        ${byId}select person_id, case kind when 'user_id' then 1 when 'anonymous_id' then 2 else 3 end as rank
        from person_identities
        where tenant_id = ${tenantId}
          and ((kind = 'user_id' and value = ${ref.value}) or (kind = 'anonymous_id' and value = ${ref.value})${byEmail})
      ) named order by rank limit 1
    ), chain (id, merged_into, depth) as (
      select p.id, p.merged_into, 0 from persons p join start on p.tenant_id = ${tenantId} and p.id = start.person_id
      union all
      select p.id, p.merged_into, chain.depth + 1 from chain
      join persons p on p.tenant_id = ${tenantId} and p.id = chain.merged_into
      where chain.depth < ${MAX_DEPTH}
    )
    select id from chain where merged_into is null limit 1`);
  return result.rows[0]?.id;
}

/**
 * Every member of the clusters `start` touches: from the starting persons up to their survivors,
 * then down to everyone merged into those (index persons_merged_into_idx). Survivors first.
 */
export async function listClusterMembers(
  db: Db,
  tenantId: string,
  start: ClusterStart,
): Promise<ClusterMember[]> {
  const result = await db.execute<ClusterMember>(sql`
    with recursive up (id, merged_into, depth) as (
      select p.id, p.merged_into, 0 from persons p where p.tenant_id = ${tenantId} and p.id in (${startIds(tenantId, start)})
      union all
      select p.id, p.merged_into, up.depth + 1 from up
      join persons p on p.tenant_id = ${tenantId} and p.id = up.merged_into
      where up.depth < ${MAX_DEPTH}
    ), down (root_id, id, depth) as (
      select distinct id, id, 0 from up where merged_into is null
      union all
      select down.root_id, p.id, down.depth + 1 from down
      join persons p on p.tenant_id = ${tenantId} and p.merged_into = down.id
      where down.depth < ${MAX_DEPTH}
    )
    select root_id as "rootId", id from down group by root_id, id order by root_id, min(depth), id`);
  return result.rows;
}

function startIds(tenantId: string, start: ClusterStart): SQL {
  if ('personIds' in start) return sql`select unnest(${sql.param(start.personIds)}::uuid[])`;
  if ('customerId' in start) {
    return sql`select person_id from person_accounts where tenant_id = ${tenantId} and customer_id = ${start.customerId}`;
  }
  return sql`select id from persons where tenant_id = ${tenantId} and crm_person_id = ${start.crmPersonId}`;
}
