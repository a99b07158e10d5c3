/** Pure helpers of the warehouse pages: colours, expiry, age limits and the words for allocation rules. */
import type { MantineColor } from '@mantine/core';
import type { Candidate, ShortReason } from '../../../src/modules/warehouse/allocation/allocation.contract';
import type { AllocationStrategy } from '../../../src/modules/warehouse/layout/layout.contract';
import type { OrderStatus, OrderType, Priority } from '../../../src/modules/warehouse/orders/order.contract';
import type { MoveKind } from '../../../src/modules/warehouse/stock/stock.contract';

/** Urgent orders stand out in red; low ones fade. */
export const priorityColors: Record<Priority, MantineColor> = {
  urgent: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'gray',
};

/** Order statuses from waiting to done. */
export const statusColors: Record<OrderStatus, MantineColor> = {
  pending: 'gray',
  allocated: 'teal',
  partially_allocated: 'yellow',
  backordered: 'orange',
  shipped: 'blue',
  cancelled: 'dark',
};

/** One colour per ledger move kind. */
export const moveKindColors: Record<MoveKind, MantineColor> = {
  receipt: 'green',
  putaway: 'teal',
  allocation: 'violet',
  pick: 'cyan',
  adjustment: 'orange',
  shipment: 'blue',
};

/** Chosen lots green, rejected red, those the allocation did not need grey. */
export const decisionColors: Record<Candidate['decision'], MantineColor> = {
  chosen: 'teal',
  rejected: 'red',
  unused: 'gray',
};

/** The short reasons the server may send, to tell a known one from free text. */
const SHORT_REASON_KEYS: readonly ShortReason[] = [
  'no_stock',
  'reserved_by_other_orders',
  'expired',
  'too_old_for_tier',
  'no_single_lot',
  'requested_lot_short',
  'backorder_hold',
  'insufficient',
];

/** The short reason `value` names, if it is a known one. */
export const asShortReason = (value: string | null): ShortReason | undefined =>
  SHORT_REASON_KEYS.find((reason) => reason === value);

/** Days before expiry at which stock counts as expiring soon. */
export const EXPIRING_SOON_DAYS = 30;

/** How an expiry date stands on `today` (both `YYYY-MM-DD`): past, within 30 days, later, or no date. */
export function expiryState(expiryDate: string | null, today: string): 'expired' | 'soon' | 'ok' | null {
  if (!expiryDate) return null;
  if (expiryDate < today) return 'expired';
  const days = (Date.parse(expiryDate) - Date.parse(today)) / 86_400_000;
  return days <= EXPIRING_SOON_DAYS ? 'soon' : 'ok';
}

/** Today as `YYYY-MM-DD` in UTC, the day allocation judges expiry against. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** The text key (under `warehouse.rules`) and values of the rule that decided about a candidate. */
export type RuleText = { key: RuleKey; values: Record<string, string | number> };

/** Every text the allocation result uses to explain a decision. */
export type RuleKey =
  | 'fifo'
  | 'fefo'
  | 'fefoNoExpiry'
  | 'nearest'
  | 'expired'
  | 'tooOldMonths'
  | 'tooOldDays'
  | 'productionDateUnknown'
  | 'otherLotRequested'
  | 'singleLot'
  | 'nothingAvailable'
  | 'notNeeded'
  | 'backorderHold';

/** What the rule text needs to know beyond the candidate itself. */
export type RuleContext = {
  strategy: AllocationStrategy;
  /** The customer's value tier as shown (the tenant's label), or null. */
  tierName: string | null;
  /** The tier's limit in calendar months, and the same in days as of the allocation day. */
  maxStockAgeMonths: number | null;
  maxStockAgeDays: number | null;
  /** The lot the line asked for, if any. */
  requestedLot: string | null;
  dateTime: (iso: string) => string;
};

/**
 * Why one lot at one location was chosen, rejected or not needed, e.g. `tooOldMonths` with
 * `{ tier: 'SVIP', produced: '2026-01-05', months: 3 }` -> "too old for SVIP: produced 2026-01-05,
 * limit 3 months".
 */
export function candidateRuleText(candidate: Candidate, context: RuleContext): RuleText {
  const tier = context.tierName ?? '—';
  switch (candidate.rule) {
    case 'strategy_order':
      if (candidate.decision !== 'chosen') return { key: 'notNeeded', values: {} };
      return strategyText(candidate, context);
    case 'expired':
      return { key: 'expired', values: { expiry: candidate.expiryDate ?? '—' } };
    case 'too_old_for_tier': {
      const produced = candidate.productionDate ?? '—';
      return context.maxStockAgeMonths !== null
        ? { key: 'tooOldMonths', values: { tier, produced, months: context.maxStockAgeMonths } }
        : { key: 'tooOldDays', values: { tier, produced, days: context.maxStockAgeDays ?? '—' } };
    }
    case 'production_date_unknown':
      return { key: 'productionDateUnknown', values: { tier } };
    case 'other_lot_requested':
      return { key: 'otherLotRequested', values: { lot: context.requestedLot ?? '—' } };
    case 'single_lot':
      return { key: 'singleLot', values: {} };
    case 'nothing_available':
      return { key: 'nothingAvailable', values: {} };
    case 'not_needed':
      return { key: 'notNeeded', values: {} };
    case 'backorder_hold':
      return { key: 'backorderHold', values: {} };
  }
}

function strategyText(candidate: Candidate, context: RuleContext): RuleText {
  switch (context.strategy) {
    case 'fifo':
      return { key: 'fifo', values: { putaway: context.dateTime(candidate.putawayAt) } };
    case 'fefo':
      return candidate.expiryDate
        ? { key: 'fefo', values: { expiry: candidate.expiryDate } }
        : { key: 'fefoNoExpiry', values: {} };
    case 'nearest':
      return { key: 'nearest', values: { rank: candidate.pathRank ?? '—' } };
  }
}

/** A ledger move's route, e.g. "RECV → A-01-02-1", "A-01-02-1 →" (out) or "→ A-01" (in). */
export function moveRoute(from: string | null, to: string | null): string {
  return [from ?? '', to ?? ''].join(' → ').trim();
}

/** One supplier's score per month, aligned on the months of the whole list (null: no receipts). */
export function scoreSeries(
  suppliers: readonly { name: string; months: readonly { month: string; score: number | null }[] }[],
): { months: string[]; series: { name: string; data: (number | null)[] }[] } {
  const months = [...new Set(suppliers.flatMap((s) => s.months.map((m) => m.month)))].sort();
  const series = suppliers.map((supplier) => {
    const byMonth = new Map(supplier.months.map((m) => [m.month, m.score]));
    return { name: supplier.name, data: months.map((month) => byMonth.get(month) ?? null) };
  });
  return { months, series };
}

/** The string values of `search` under `keys`, trimmed, dropping empty and non-string ones. */
export function pickStrings<K extends string>(
  search: Record<string, unknown>,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = search[key];
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

/** `value` if it is one of `allowed`, else undefined; for enum-like search parameters. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((option) => option === value);
}

/** Order statuses in the order the filter lists them. */
export const ORDER_STATUS_OPTIONS = [
  'pending',
  'allocated',
  'partially_allocated',
  'backordered',
  'shipped',
  'cancelled',
] as const satisfies readonly OrderStatus[];

/** Order types in the order the filter lists them. */
export const ORDER_TYPE_OPTIONS = [
  'sales',
  'return_to_supplier',
  'requisition',
  'scrap',
  'transfer',
] as const satisfies readonly OrderType[];

/** Priorities, most urgent first. */
export const PRIORITY_OPTIONS = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly Priority[];

/** Ledger move kinds in the order goods flow. */
export const MOVE_KIND_OPTIONS = [
  'receipt',
  'putaway',
  'allocation',
  'pick',
  'adjustment',
  'shipment',
] as const satisfies readonly MoveKind[];
