/**
 * Set-based queries for recall: which owned customers are due or near due, moving them in batches,
 * and marking warnings. The cutoffs (one per intent tier) and exemptions come from crm/assignment's
 * recall service, through recall-scan.service.ts; the moves themselves are ownership.service.ts.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, ne, not, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { customers } from './customer.table.js';

/** A moment per intent tier (and `unset`): customers whose clock started before it match; null never matches. */
export type TierCutoffs = {
  A: Date | null;
  B: Date | null;
  C: Date | null;
  D: Date | null;
  unset: Date | null;
};

/** Which customers recall leaves alone. */
export type RecallExemptions = { locked: boolean; openDeal: boolean; won: boolean };

/** An owned customer near or past recall, with the moment its recall clock started. */
export type RecallCandidate = {
  id: string;
  name: string;
  ownerUserId: string;
  region: string | null;
  intentTier: string | null;
  /** The later of the last follow-up and when the owner received it (creation when neither is known). */
  startedAt: Date;
  recallWarnedAt: Date | null;
};

/** One page of a keyset walk by id. */
export type Page = { afterId?: string; limit: number };

/** When the recall clock started: the later of last follow-up and receipt, creation when both are missing. */
const clockStart = (): SQL<Date> =>
  sql<Date>`coalesce(greatest(${customers.lastFollowUpAt}, ${customers.receivedAt}), ${customers.createdAt})`.mapWith(
    customers.createdAt,
  );

const TIERS = ['A', 'B', 'C', 'D'] as const;

/** Customers whose clock started before their tier's cutoff. */
function startedBefore(cutoffs: TierCutoffs): SQL {
  const parts: SQL[] = [];
  for (const tier of TIERS) {
    const cutoff = cutoffs[tier];
    if (cutoff) parts.push(and(eq(customers.intentTier, tier), lt(clockStart(), cutoff))!);
  }
  if (cutoffs.unset) parts.push(and(isNull(customers.intentTier), lt(clockStart(), cutoffs.unset))!);
  return parts.length > 0 ? or(...parts)! : sql`false`;
}

/** Owned customers of the tenant that recall may touch. */
function recallable(tenantId: string, exempt: RecallExemptions): (SQL | undefined)[] {
  return [
    eq(customers.tenantId, tenantId),
    isNotNull(customers.ownerUserId),
    isNull(customers.poolId),
    exempt.locked ? eq(customers.locked, false) : undefined,
    exempt.openDeal ? ne(customers.dealState, 'open') : undefined,
    exempt.won ? ne(customers.dealState, 'won') : undefined,
  ];
}

const candidateColumns = {
  id: customers.id,
  name: customers.name,
  ownerUserId: customers.ownerUserId,
  region: customers.region,
  intentTier: customers.intentTier,
  startedAt: clockStart(),
  recallWarnedAt: customers.recallWarnedAt,
};

/** Widens the owner to non-null: every query here filters on `owner_user_id is not null`. */
const asCandidates = (rows: (Omit<RecallCandidate, 'ownerUserId'> & { ownerUserId: string | null })[]) =>
  rows as RecallCandidate[];

/**
 * A page of customers due for recall. With `lock` the rows stay locked until the transaction ends,
 * and rows another transaction is moving right now are skipped (the next run gets them).
 */
export async function listDueForRecall(
  db: Db,
  tenantId: string,
  rule: { due: TierCutoffs; exempt: RecallExemptions },
  page: Page,
  lock: boolean,
): Promise<RecallCandidate[]> {
  const query = db
    .select(candidateColumns)
    .from(customers)
    .where(
      and(
        ...recallable(tenantId, rule.exempt),
        page.afterId ? gt(customers.id, page.afterId) : undefined,
        startedBefore(rule.due),
      ),
    )
    .orderBy(asc(customers.id))
    .limit(page.limit);
  return asCandidates(lock ? await query.for('update', { skipLocked: true }) : await query);
}

/**
 * A page of customers inside the warning window and not yet due, whose owner has not been warned
 * since the clock last started (a follow-up or a move allows a new warning).
 */
export async function listWarnable(
  db: Db,
  tenantId: string,
  rule: { warn: TierCutoffs; due: TierCutoffs; exempt: RecallExemptions },
  page: Page,
  lock: boolean,
): Promise<RecallCandidate[]> {
  const query = db
    .select(candidateColumns)
    .from(customers)
    .where(
      and(
        ...recallable(tenantId, rule.exempt),
        page.afterId ? gt(customers.id, page.afterId) : undefined,
        startedBefore(rule.warn),
        not(startedBefore(rule.due)),
        or(isNull(customers.recallWarnedAt), lt(customers.recallWarnedAt, clockStart())),
      ),
    )
    .orderBy(asc(customers.id))
    .limit(page.limit);
  return asCandidates(lock ? await query.for('update', { skipLocked: true }) : await query);
}

/** Notes that the owners of these customers were warned now. */
export async function markRecallWarned(db: Db, tenantId: string, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(customers)
    .set({ recallWarnedAt: now })
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)));
}

/** The user's customers inside the warning window or past due, the soonest first. */
export async function listOwnedNearRecall(
  db: Db,
  tenantId: string,
  userId: string,
  rule: { warn: TierCutoffs; exempt: RecallExemptions },
  limit: number,
): Promise<RecallCandidate[]> {
  const rows = await db
    .select(candidateColumns)
    .from(customers)
    .where(
      and(...recallable(tenantId, rule.exempt), eq(customers.ownerUserId, userId), startedBefore(rule.warn)),
    )
    .orderBy(asc(clockStart()), asc(customers.id))
    .limit(limit);
  return asCandidates(rows);
}
