/**
 * The per-row rules of the allocation engine (`allocate.ts`): what a candidate row and a line are,
 * which predicate rejects a row, and the strategies' sort keys. Pure, like the engine.
 */
import { DAY_MS } from '../../../platform/clock.js';
import type { AllocationStrategy } from '../layout/layout.contract.js';
import type { CandidateRule } from './allocation.contract.js';

/** A stock row that might serve a line: storage location, item and lot, with what is left of it. */
export type StockCandidate = {
  stockId: string;
  itemId: string;
  locationId: string;
  locationCode: string;
  pathRank: number | null;
  lotId: string | null;
  lotNumber: string | null;
  /** `YYYY-MM-DD`. */
  productionDate: string | null;
  /** `YYYY-MM-DD`: the last usable day. */
  expiryDate: string | null;
  /** ISO timestamp. */
  putawayAt: string;
  /** On hand minus the other orders' active reservations. */
  available: number;
  onHand: number;
};

/** An order line as the engine sees it. */
export type EngineLine = {
  lineNo: number;
  sku: string;
  itemId: string;
  quantity: number;
  /** The item's strategy, or else the warehouse's. */
  strategy: AllocationStrategy;
  /** Serve the line from this lot only. */
  requestedLotId: string | null;
};

/** The lot rules that hold for the whole order. */
export type AllocationRules = {
  /** `YYYY-MM-DD`: the day expiry and age are judged against. */
  asOf: string;
  /** Calendar months since production the customer's tier allows; null: no limit. */
  maxStockAgeMonths: number | null;
  singleLotPerLine: boolean;
  /** Scrap and returns to supplier may take expired stock. */
  allowExpired: boolean;
};

/** `date` (YYYY-MM-DD) minus `months` calendar months; the day is clamped to the month's end. */
export function subtractMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How many days the tier age limit spans, or null without one. */
export function ageLimitDays(rules: AllocationRules): number | null {
  if (rules.maxStockAgeMonths === null) return null;
  const cutoff = subtractMonths(rules.asOf, rules.maxStockAgeMonths);
  return Math.round((Date.parse(`${rules.asOf}T00:00:00Z`) - Date.parse(`${cutoff}T00:00:00Z`)) / DAY_MS);
}

/** The predicate that rejects `row` for `line`, or null when the row is eligible. */
export function predicateRule(
  row: StockCandidate,
  line: Pick<EngineLine, 'requestedLotId'>,
  rules: AllocationRules,
  available: number,
): CandidateRule | null {
  if (line.requestedLotId !== null && row.lotId !== line.requestedLotId) return 'other_lot_requested';
  if (!rules.allowExpired && row.expiryDate !== null && row.expiryDate < rules.asOf) return 'expired';
  if (rules.maxStockAgeMonths !== null) {
    if (row.productionDate === null) return 'production_date_unknown';
    if (row.productionDate < subtractMonths(rules.asOf, rules.maxStockAgeMonths)) return 'too_old_for_tier';
  }
  if (available <= 0) return 'nothing_available';
  return null;
}

/** The strategy's sort key of a row: compare element by element, lower first. */
export function strategyKey(row: StockCandidate, strategy: AllocationStrategy): number[] {
  const putaway = Date.parse(row.putawayAt);
  if (strategy === 'fifo') return [putaway];
  if (strategy === 'fefo') {
    const expiry = row.expiryDate === null ? 0 : Date.parse(`${row.expiryDate}T00:00:00Z`);
    return [row.expiryDate === null ? 1 : 0, expiry, putaway];
  }
  return [row.pathRank === null ? 1 : 0, row.pathRank ?? 0];
}

/** Negative when key `a` sorts before `b`. */
export function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
