/** Deal rows in their public shape. */
import type { Deal, DealLine, DealOutcome, DealProbability, DealStageChange } from './deal.contract.js';
import type { DealLineRow, DealRow, StageChangeRow } from './deal.repository.js';
import type { DealOrder } from './sales-order.contract.js';
import { MIN_CLOSED_DEALS } from './win-probability.js';

/** The win probability a person reads off the stage: 1 once won, 0 once lost or invalid. */
export function manualProbability(outcome: string, stageProbability: number | undefined): number {
  if (outcome === 'won') return 1;
  if (outcome === 'lost' || outcome === 'invalid') return 0;
  return stageProbability ?? 0;
}

export function toDealLine(row: DealLineRow): DealLine {
  return {
    lineNo: row.lineNo,
    productId: row.productId,
    quantity: row.quantity,
    unitPrice: row.unitPrice,
    discountPercent: row.discountPercent,
    taxRate: row.taxRate,
    net: row.net,
    tax: row.tax,
  };
}

/** What a deal shows before the learned model has looked at it. */
const NOT_ESTIMATED: Omit<DealProbability, 'manual'> = {
  automated: null,
  reasons: [],
  explanation: {
    status: 'too_little_history',
    closedDeals: 0,
    needed: MIN_CLOSED_DEALS,
    raised: [],
    lowered: [],
  },
};

/** A stored deal with its lines, orders and its stage's default probability. */
export function toDeal(
  row: DealRow,
  lines: DealLineRow[],
  orders: DealOrder[],
  stageProbability: number | undefined,
  stageEnteredAt: Date,
  learned: Omit<DealProbability, 'manual'> = NOT_ESTIMATED,
): Deal {
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    pipelineId: row.pipelineId,
    stageId: row.stageId,
    stageEnteredAt: stageEnteredAt.toISOString(),
    outcome: row.outcome as DealOutcome,
    amount: row.amount,
    tax: lines.reduce((sum, line) => sum + line.tax, 0),
    currency: row.currency,
    expectedCloseDate: row.expectedCloseDate,
    ownerUserId: row.ownerUserId,
    teamId: row.teamId,
    lostReason: row.lostReason,
    closedAt: row.closedAt?.toISOString() ?? null,
    leadId: row.leadId,
    source: row.source,
    lines: lines.map(toDealLine),
    probability: { manual: manualProbability(row.outcome, stageProbability), ...learned },
    orders,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toStageChange(row: StageChangeRow): DealStageChange {
  return {
    id: row.id,
    fromStageId: row.fromStageId,
    toStageId: row.toStageId,
    fromOutcome: row.fromOutcome as DealOutcome | null,
    toOutcome: row.toOutcome as DealOutcome,
    userId: row.userId,
    note: row.note,
    at: row.at.toISOString(),
  };
}
