/**
 * Queries of the sales reports over the deals an actor may see: open deals summed for the forecast,
 * days per stage from the stage history, won deals' cycles and the win rate per stage. Each joins the
 * deals' customers (a TABLE_JOINS entry) for the scope and the customer-kind filter.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { customers } from '../customer/customer.table.js';
import { visibleDeals } from './deal-scope.contract.js';
import { dealStageChanges, deals } from './deal.table.js';

const customerOfDeal = and(eq(customers.tenantId, deals.tenantId), eq(customers.id, deals.customerId));

/** Open deals of one expected-close month, owner, team, stage and currency: how many, how much. */
export type OpenDealSum = {
  month: string;
  ownerUserId: string | null;
  teamId: string | null;
  stageId: string;
  currency: string;
  deals: number;
  amount: number;
};

/** What the sales reports narrow their deals to: a pipeline, a customer kind, an owner, a team. */
export type ReportFilter = { pipelineId?: string; kind?: string; ownerUserId?: string; teamId?: string };

/** The report filter as conditions on deals joined to their customers. */
const reportWhere = (f: ReportFilter): SQL | undefined =>
  and(
    f.pipelineId ? eq(deals.pipelineId, f.pipelineId) : undefined,
    f.kind ? eq(customers.kind, f.kind) : undefined,
    f.ownerUserId ? eq(deals.ownerUserId, f.ownerUserId) : undefined,
    f.teamId ? eq(deals.teamId, f.teamId) : undefined,
  );

/** The open deals the actor may see, summed per expected-close month (else creation month), owner, team, stage. */
export async function sumOpenDeals(db: Db, actor: Actor, filter: ReportFilter): Promise<OpenDealSum[]> {
  const month = sql<string>`to_char(coalesce(${deals.expectedCloseDate}, (${deals.createdAt} at time zone 'UTC')::date), 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      ownerUserId: deals.ownerUserId,
      teamId: deals.teamId,
      stageId: deals.stageId,
      currency: deals.currency,
      deals: sql<number>`count(*)::int`,
      amount: sql<string>`sum(${deals.amount})`,
    })
    .from(deals)
    .innerJoin(customers, customerOfDeal)
    .where(
      and(
        eq(deals.tenantId, actor.tenantId),
        eq(deals.outcome, 'open'),
        visibleDeals(actor),
        reportWhere(filter),
      ),
    )
    .groupBy(month, deals.ownerUserId, deals.teamId, deals.stageId, deals.currency);
  return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
}

/** Days as a number from an interval expression. */
const days = (interval: SQL) => sql`extract(epoch from ${interval}) / 86400`;

/** How long the visible deals stayed in each stage they left: entries, mean and median days. */
export async function listStageDurations(
  db: Db,
  actor: Actor,
  filter: ReportFilter,
): Promise<{ stageId: string; entries: number; meanDays: number; medianDays: number }[]> {
  const c = dealStageChanges;
  const entries = db.$with('entries').as(
    db
      .select({
        dealId: c.dealId,
        stageId: sql<string>`${c.toStageId}`.as('entry_stage_id'),
        stayed:
          sql<number>`${days(sql`lead(${c.at}) over (partition by ${c.dealId} order by ${c.at}, ${c.id}) - ${c.at}`)}`.as(
            'stayed',
          ),
      })
      .from(c)
      .where(eq(c.tenantId, actor.tenantId)),
  );
  const rows = await db
    .with(entries)
    .select({
      stageId: entries.stageId,
      entries: sql<number>`count(*)::int`,
      meanDays: sql<number>`avg(${entries.stayed})::float8`,
      medianDays: sql<number>`percentile_cont(0.5) within group (order by ${entries.stayed})::float8`,
    })
    .from(entries)
    .innerJoin(deals, and(eq(deals.tenantId, actor.tenantId), eq(deals.id, entries.dealId)))
    .innerJoin(customers, customerOfDeal)
    .where(and(sql`${entries.stayed} is not null`, visibleDeals(actor), reportWhere(filter)))
    .groupBy(entries.stageId);
  return rows;
}

/**
 * Sales cycles of the visible won deals (creation to close) per owner and customer kind, and per kind
 * alone (`perKind`: the grouping set without the owner).
 */
export async function listWonCycles(
  db: Db,
  actor: Actor,
  filter: ReportFilter,
): Promise<
  {
    ownerUserId: string | null;
    kind: string;
    perKind: boolean;
    deals: number;
    meanDays: number;
    medianDays: number;
  }[]
> {
  const cycle = days(sql`${deals.closedAt} - ${deals.createdAt}`);
  return db
    .select({
      ownerUserId: deals.ownerUserId,
      kind: customers.kind,
      perKind: sql<boolean>`grouping(${deals.ownerUserId}) = 1`,
      deals: sql<number>`count(*)::int`,
      meanDays: sql<number>`avg(${cycle})::float8`,
      medianDays: sql<number>`percentile_cont(0.5) within group (order by ${cycle})::float8`,
    })
    .from(deals)
    .innerJoin(customers, customerOfDeal)
    .where(
      and(
        eq(deals.tenantId, actor.tenantId),
        eq(deals.outcome, 'won'),
        visibleDeals(actor),
        reportWhere(filter),
      ),
    )
    .groupBy(sql`grouping sets ((${deals.ownerUserId}, ${customers.kind}), (${customers.kind}))`);
}

/** Of the visible closed (won or lost) deals that reached each stage, how many won. */
export async function listStageWinRates(
  db: Db,
  actor: Actor,
  filter: ReportFilter,
): Promise<{ stageId: string; won: number; closed: number }[]> {
  const c = dealStageChanges;
  return db
    .select({
      stageId: c.toStageId,
      won: sql<number>`(count(distinct ${deals.id}) filter (where ${deals.outcome} = 'won'))::int`,
      closed: sql<number>`count(distinct ${deals.id})::int`,
    })
    .from(c)
    .innerJoin(deals, and(eq(deals.tenantId, c.tenantId), eq(deals.id, c.dealId)))
    .innerJoin(customers, customerOfDeal)
    .where(
      and(
        eq(c.tenantId, actor.tenantId),
        inArray(deals.outcome, ['won', 'lost']),
        visibleDeals(actor),
        reportWhere(filter),
      ),
    )
    .groupBy(c.toStageId);
}
