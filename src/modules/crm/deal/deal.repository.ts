/**
 * Queries of deals, their lines and stage history. Reads are scoped like customers: an actor sees the
 * deals they (or their teams) own and the deals of every customer they may see, so the scoped reads
 * join customers through `visibleCustomers` (a TABLE_JOINS entry).
 */
import { and, asc, desc, eq, getTableColumns, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleRows } from '../../../platform/tenancy.js';
import { visibleCustomers } from '../customer/customer-scope.contract.js';
import { customers } from '../customer/customer.table.js';
import { dealLines, dealStageChanges, deals } from './deal.table.js';

export type DealRow = typeof deals.$inferSelect;
export type DealLineRow = typeof dealLines.$inferSelect;
export type StageChangeRow = typeof dealStageChanges.$inferSelect;
export type DealChanges = Partial<Omit<DealRow, 'tenantId' | 'id' | 'createdAt'>>;
export type DealFilter = {
  ownerUserId?: string;
  customerId?: string;
  pipelineId?: string;
  stageId?: string;
  outcome?: string;
};

/** Deals the actor may see: their own or their teams', and those of customers they may see. */
function visibleDeals(actor: Actor): SQL | undefined {
  if (actor.scope === 'all') return visibleRows(actor, deals);
  return or(
    visibleRows(actor, deals, { ownerUserId: deals.ownerUserId, teamId: deals.teamId }),
    visibleCustomers(actor),
  );
}

const dealColumns = getTableColumns(deals);
const customerOfDeal = and(eq(customers.tenantId, deals.tenantId), eq(customers.id, deals.customerId));

/** Records a deal with its lines. */
export async function insertDeal(db: Db, row: DealRow, lines: DealLineRow[]): Promise<void> {
  await db.insert(deals).values(row);
  if (lines.length) await db.insert(dealLines).values(lines);
}

/** One deal the actor may see. */
export async function findVisibleDeal(db: Db, actor: Actor, id: string): Promise<DealRow | undefined> {
  const [row] = await db
    .select(dealColumns)
    .from(deals)
    .innerJoin(customers, customerOfDeal)
    .where(and(eq(deals.tenantId, actor.tenantId), eq(deals.id, id), visibleDeals(actor)));
  return row;
}

/** A deal of the tenant, locked until the transaction ends. */
export async function lockDeal(db: Db, tenantId: string, id: string): Promise<DealRow | undefined> {
  const [row] = await db
    .select()
    .from(deals)
    .where(and(eq(deals.tenantId, tenantId), eq(deals.id, id)))
    .for('update');
  return row;
}

/** A page of the deals the actor may see, newest first, after the cursor id. */
export async function listVisibleDeals(
  db: Db,
  actor: Actor,
  filter: DealFilter,
  after: string | undefined,
  limit: number,
): Promise<DealRow[]> {
  return db
    .select(dealColumns)
    .from(deals)
    .innerJoin(customers, customerOfDeal)
    .where(
      and(
        eq(deals.tenantId, actor.tenantId),
        visibleDeals(actor),
        filter.ownerUserId ? eq(deals.ownerUserId, filter.ownerUserId) : undefined,
        filter.customerId ? eq(deals.customerId, filter.customerId) : undefined,
        filter.pipelineId ? eq(deals.pipelineId, filter.pipelineId) : undefined,
        filter.stageId ? eq(deals.stageId, filter.stageId) : undefined,
        filter.outcome ? eq(deals.outcome, filter.outcome) : undefined,
        after ? lt(deals.id, after) : undefined,
      ),
    )
    .orderBy(desc(deals.id))
    .limit(limit);
}

/** The lines of these deals in order. */
export async function listDealLines(db: Db, tenantId: string, dealIds: string[]): Promise<DealLineRow[]> {
  if (dealIds.length === 0) return [];
  return db
    .select()
    .from(dealLines)
    .where(and(eq(dealLines.tenantId, tenantId), inArray(dealLines.dealId, dealIds)))
    .orderBy(asc(dealLines.dealId), asc(dealLines.lineNo));
}

/** Replaces a deal's lines. */
export async function replaceDealLines(
  db: Db,
  tenantId: string,
  dealId: string,
  lines: DealLineRow[],
): Promise<void> {
  await db.delete(dealLines).where(and(eq(dealLines.tenantId, tenantId), eq(dealLines.dealId, dealId)));
  if (lines.length) await db.insert(dealLines).values(lines);
}

/** Changes a deal of the tenant; the row after. */
export async function updateDealRow(
  db: Db,
  tenantId: string,
  id: string,
  changes: DealChanges,
): Promise<DealRow | undefined> {
  const [row] = await db
    .update(deals)
    .set(changes)
    .where(and(eq(deals.tenantId, tenantId), eq(deals.id, id)))
    .returning();
  return row;
}

/** Records a stage or outcome change. */
export async function insertStageChange(db: Db, row: StageChangeRow): Promise<void> {
  await db.insert(dealStageChanges).values(row);
}

/** A deal's stage and outcome changes, oldest first. */
export async function listStageChanges(db: Db, tenantId: string, dealId: string): Promise<StageChangeRow[]> {
  return db
    .select()
    .from(dealStageChanges)
    .where(and(eq(dealStageChanges.tenantId, tenantId), eq(dealStageChanges.dealId, dealId)))
    .orderBy(asc(dealStageChanges.at), asc(dealStageChanges.id));
}

/** The outcomes of a customer's deals (one row per deal). */
export async function listCustomerOutcomes(db: Db, tenantId: string, customerId: string): Promise<string[]> {
  const rows = await db
    .select({ outcome: deals.outcome })
    .from(deals)
    .where(and(eq(deals.tenantId, tenantId), eq(deals.customerId, customerId)));
  return rows.map((row) => row.outcome);
}

/** Moves the deals of merged customers to the one they merged into; how many moved. */
export async function repointDeals(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  const moved = await db
    .update(deals)
    .set({ customerId: intoId })
    .where(and(eq(deals.tenantId, tenantId), inArray(deals.customerId, fromIds)))
    .returning({ id: deals.id });
  return moved.length;
}

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

/** The open deals the actor may see, summed per expected-close month (else creation month), owner, team, stage. */
export async function sumOpenDeals(db: Db, actor: Actor, pipelineId?: string): Promise<OpenDealSum[]> {
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
        pipelineId ? eq(deals.pipelineId, pipelineId) : undefined,
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
    .where(and(sql`${entries.stayed} is not null`, visibleDeals(actor)))
    .groupBy(entries.stageId);
  return rows;
}

/** Sales cycles of the visible won deals (creation to close) per owner and customer kind. */
export async function listWonCycles(
  db: Db,
  actor: Actor,
): Promise<
  { ownerUserId: string | null; kind: string; deals: number; meanDays: number; medianDays: number }[]
> {
  const cycle = days(sql`${deals.closedAt} - ${deals.createdAt}`);
  return db
    .select({
      ownerUserId: deals.ownerUserId,
      kind: customers.kind,
      deals: sql<number>`count(*)::int`,
      meanDays: sql<number>`avg(${cycle})::float8`,
      medianDays: sql<number>`percentile_cont(0.5) within group (order by ${cycle})::float8`,
    })
    .from(deals)
    .innerJoin(customers, customerOfDeal)
    .where(and(eq(deals.tenantId, actor.tenantId), eq(deals.outcome, 'won'), visibleDeals(actor)))
    .groupBy(deals.ownerUserId, customers.kind);
}

/** Of the visible closed (won or lost) deals that reached each stage, how many won. */
export async function listStageWinRates(
  db: Db,
  actor: Actor,
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
    .where(and(eq(c.tenantId, actor.tenantId), inArray(deals.outcome, ['won', 'lost']), visibleDeals(actor)))
    .groupBy(c.toStageId);
}
