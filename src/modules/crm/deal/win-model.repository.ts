/**
 * Queries of the learned win probability: the stage entries of closed deals it learns from, the
 * stored model per tenant, which tenants have closed deals the model has not seen, and when each open
 * deal entered its stage.
 */
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { dealStageChanges, deals } from './deal.table.js';
import { dealWinModels } from './win-model.table.js';

export type WinModelRow = typeof dealWinModels.$inferSelect;

/** One stage entry of a closed deal: where it was, from when to when, and how the deal ended. */
export type ClosedStageEntry = {
  dealId: string;
  outcome: string;
  source: string | null;
  amount: number;
  customerId: string;
  pipelineId: string;
  stageId: string;
  at: Date;
  /** When the deal left the stage. */
  until: Date;
};

const CLOSED = ['won', 'lost'];

/** Every stage entry of the tenant's won and lost deals, each with when the next entry began. */
export async function listClosedStageEntries(db: Db, tenantId: string): Promise<ClosedStageEntry[]> {
  const c = dealStageChanges;
  const rows = await db
    .select({
      dealId: c.dealId,
      outcome: deals.outcome,
      source: deals.source,
      amount: deals.amount,
      customerId: deals.customerId,
      pipelineId: deals.pipelineId,
      stageId: c.toStageId,
      at: c.at,
      until: sql<
        string | Date | null
      >`lead(${c.at}) over (partition by ${c.dealId} order by ${c.at}, ${c.id})`,
      closedAt: deals.closedAt,
    })
    .from(c)
    .innerJoin(deals, and(eq(deals.tenantId, c.tenantId), eq(deals.id, c.dealId)))
    .where(and(eq(c.tenantId, tenantId), inArray(deals.outcome, CLOSED)));
  return rows.map(({ closedAt, until, ...row }) => ({
    ...row,
    until: until === null ? (closedAt ?? row.at) : new Date(until),
  }));
}

/** The tenant's stored model. */
export async function findWinModel(db: Db, tenantId: string): Promise<WinModelRow | undefined> {
  const [row] = await db.select().from(dealWinModels).where(eq(dealWinModels.tenantId, tenantId));
  return row;
}

/**
 * Stores a tenant's model, replacing the one before. The update leaves `tenant_id` out: Citus refuses
 * to set the distribution column, even to the value it has.
 */
export async function saveWinModel(db: Db, row: WinModelRow): Promise<void> {
  const { tenantId: _tenant, ...rest } = row;
  await db
    .insert(dealWinModels)
    .values(row)
    .onConflictDoUpdate({ target: dealWinModels.tenantId, set: rest });
}

/**
 * Tenants whose closed deals changed since their model was trained: a later close, or another count
 * (a reopened deal is no longer closed).
 */
export async function listTenantsToRetrain(db: Db): Promise<string[]> {
  const closed = db
    .select({
      tenantId: deals.tenantId,
      count: sql<number>`count(*)::int`.as('count'),
      last: max(deals.closedAt).as('last'),
    })
    .from(deals)
    .where(inArray(deals.outcome, CLOSED))
    .groupBy(deals.tenantId)
    .as('closed');
  const rows = await db
    .select({ tenantId: closed.tenantId })
    .from(closed)
    .leftJoin(dealWinModels, eq(dealWinModels.tenantId, closed.tenantId))
    .where(
      sql`${dealWinModels.tenantId} is null or ${dealWinModels.closedDeals} <> ${closed.count} or ${closed.last} > ${dealWinModels.lastClosedAt}`,
    );
  return rows.map((row) => row.tenantId);
}

/** When each of these deals entered its current stage (its latest stage entry). */
export async function listStageEntryTimes(
  db: Db,
  tenantId: string,
  dealIds: string[],
): Promise<Map<string, Date>> {
  if (dealIds.length === 0) return new Map();
  const c = dealStageChanges;
  const rows = await db
    .select({ dealId: c.dealId, at: max(c.at) })
    .from(c)
    .where(and(eq(c.tenantId, tenantId), inArray(c.dealId, dealIds)))
    .groupBy(c.dealId);
  return new Map(rows.flatMap((row) => (row.at ? [[row.dealId, new Date(row.at)]] : [])));
}
