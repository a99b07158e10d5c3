/**
 * Queries of deals, their lines and stage history. Reads are scoped like customers: an actor sees the
 * deals they (or their teams) own and the deals of every customer they may see, so the scoped reads
 * join customers (a TABLE_JOINS entry) under `visibleDeals` (deal-scope.contract.ts). The sales reports'
 * queries are in deal-report.repository.ts.
 */
import { and, asc, desc, eq, getTableColumns, inArray, lt, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleRows } from '../../../platform/tenancy.js';
import { visibleCustomers } from '../customer/customer-scope.contract.js';
import { customers } from '../customer/customer.table.js';
import { visibleDeals } from './deal-scope.contract.js';
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

/** The filter and cursor of a deal page as conditions on `deals`. */
function pageConditions(filter: DealFilter, after: string | undefined): (SQL | undefined)[] {
  return [
    filter.ownerUserId ? eq(deals.ownerUserId, filter.ownerUserId) : undefined,
    filter.customerId ? eq(deals.customerId, filter.customerId) : undefined,
    filter.pipelineId ? eq(deals.pipelineId, filter.pipelineId) : undefined,
    filter.stageId ? eq(deals.stageId, filter.stageId) : undefined,
    filter.outcome ? eq(deals.outcome, filter.outcome) : undefined,
    after ? lt(deals.id, after) : undefined,
  ];
}

/**
 * A page of the deals the actor may see, newest first, after the cursor id. A scoped actor's page is
 * the merge of two pages read side by side, the deals they (or their teams) own and the deals of the
 * customers they may see: one `or` across both tables would make the planner join every visible
 * customer before it can stop at the page's end.
 */
export async function listVisibleDeals(
  db: Db,
  actor: Actor,
  filter: DealFilter,
  after: string | undefined,
  limit: number,
): Promise<DealRow[]> {
  const conditions = pageConditions(filter, after);
  if (actor.scope === 'all') {
    return db
      .select()
      .from(deals)
      .where(and(visibleRows(actor, deals), ...conditions))
      .orderBy(desc(deals.id))
      .limit(limit);
  }
  const [owned, ofCustomers] = await Promise.all([
    db
      .select()
      .from(deals)
      .where(
        and(
          visibleRows(actor, deals, { ownerUserId: deals.ownerUserId, teamId: deals.teamId }),
          ...conditions,
        ),
      )
      .orderBy(desc(deals.id))
      .limit(limit),
    db
      .select(dealColumns)
      .from(deals)
      .innerJoin(customers, customerOfDeal)
      .where(and(eq(deals.tenantId, actor.tenantId), visibleCustomers(actor), ...conditions))
      .orderBy(desc(deals.id))
      .limit(limit),
  ]);
  const byId = new Map([...owned, ...ofCustomers].map((row) => [row.id, row]));
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, limit);
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
