/**
 * The one read a funnel makes: the candidate events of every unit (a person resolved to its merge
 * survivor, or each account such a person acts for), ordered by unit and time, through a cursor so
 * the service holds one unit's events at a time. Events carry which steps and exclusions they match
 * as bit masks, computed here, and the breakdown property's value as text.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';

/** Merge chains longer than this are treated as broken data, not followed (it also stops cycles). */
const MAX_DEPTH = 64;

/** An event name with equality filters on its properties. */
export type EventMatch = { event: string; properties?: Record<string, unknown> | undefined };

/** What to read: the tenant, the time range of every event used, what each step and exclusion matches. */
export type FunnelRead = {
  tenantId: string;
  from: Date;
  /** The end of the last window: `to` plus the conversion window. */
  until: Date;
  steps: EventMatch[];
  exclusions: EventMatch[];
  /** Strict funnels read every behavioural event (track, page, screen): any other one breaks a step. */
  allEvents: boolean;
  breakdownProperty: string | null;
  aggregateBy: 'person' | 'customer';
  /** Only units after this id (paging). */
  afterUnit?: string | undefined;
};

/** One event as read: its unit, epoch milliseconds, step and exclusion masks, breakdown value. */
export type FunnelRow = { unit: string; at: number; steps: number; exclusions: number; value: string | null };

/**
 * Reads the rows of `read` in one read-only transaction through a cursor, `limit` at a time, handing
 * each page to `handle` before fetching the next; `handle` answers true to stop early.
 */
export async function forEachFunnelPage(
  db: Db,
  read: FunnelRead,
  limit: number,
  handle: (rows: FunnelRow[]) => boolean | void,
): Promise<void> {
  const fetch = sql.raw(`fetch forward ${Math.max(1, Math.trunc(limit))} from funnel_rows`);
  await db.transaction(
    async (tx) => {
      await tx.execute(sql`declare funnel_rows no scroll cursor for ${funnelSelect(read)}`);
      for (;;) {
        const result = await tx.execute<FunnelRow>(fetch);
        const rows = result.rows.map((row) => ({
          ...row,
          at: Number(row.at),
          steps: Number(row.steps),
          exclusions: Number(row.exclusions),
        }));
        if (handle(rows) === true || rows.length < limit) break;
      }
      await tx.execute(sql`close funnel_rows`);
    },
    { accessMode: 'read only' },
  );
}

function funnelSelect(read: FunnelRead): SQL {
  const t = read.tenantId;
  const names = [...new Set([...read.steps, ...read.exclusions].map((m) => m.event))];
  const scope = read.allEvents
    ? sql`e.type in ('track', 'page', 'screen')`
    : sql`e.type = 'track' and e.event = any(${sql.param(names)}::text[])`;
  const value =
    read.breakdownProperty === null ? sql`null::text` : sql`e.properties ->> ${read.breakdownProperty}`;
  const unit =
    read.aggregateBy === 'person'
      ? { select: sql`coalesce(s.root, e.person_id)`, join: sql`` }
      : {
          select: sql`u.customer_id`,
          join: sql` join (
            select distinct coalesce(s2.root, a.person_id) as person_id, a.customer_id from person_accounts a
            left join survivor s2 on s2.id = a.person_id where a.tenant_id = ${t}
          ) u on u.person_id = coalesce(s.root, e.person_id)`,
        };
  const after = read.afterUnit === undefined ? sql`` : sql` and ${unit.select} > ${read.afterUnit}::uuid`;
  return sql`with recursive chain (id, root, depth) as (
      select p.id, p.merged_into, 1 from persons p where p.tenant_id = ${t} and p.merged_into is not null
      union all
      select chain.id, p.merged_into, chain.depth + 1 from chain
      join persons p on p.tenant_id = ${t} and p.id = chain.root
      where p.merged_into is not null and chain.depth < ${MAX_DEPTH}
    ), survivor as (
      select distinct on (id) id, root from chain order by id, depth desc
    )
    select ${unit.select} as unit, (extract(epoch from e."timestamp") * 1000)::float8 as at,
      ${maskOf(read.steps)} as steps, ${maskOf(read.exclusions)} as exclusions, ${value} as value
    from events e left join survivor s on s.id = e.person_id${unit.join}
    where e.tenant_id = ${t} and e."timestamp" >= ${read.from} and e."timestamp" <= ${read.until}
      and e.person_id is not null and ${scope}${after}
    order by 1, e."timestamp", e.id`;
}

/** The sum of each match's bit when the event matches it (a track event of that name and properties). */
function maskOf(matches: EventMatch[]): SQL {
  if (matches.length === 0) return sql`0`;
  const terms = matches.map((match, bit) => {
    const properties =
      match.properties && Object.keys(match.properties).length > 0
        ? sql` and e.properties @> ${JSON.stringify(match.properties)}::jsonb`
        : sql``;
    return sql`case when e.type = 'track' and e.event = ${match.event}${properties} then ${sql.raw(String(1 << bit))} else 0 end`;
  });
  return sql`(${sql.join(terms, sql` + `)})`;
}
