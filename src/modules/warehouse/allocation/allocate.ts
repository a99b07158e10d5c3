/**
 * The allocation engine: a pure function from an order's lines and the candidate stock rows to what
 * each line reserves and why every row was chosen or rejected. No database, no clock: the service
 * gathers the inputs under row locks and stores the outcome.
 *
 * Per line (in line order; rows shared by several lines are used up line by line):
 * 1. Predicates, first failing one wins: another lot was requested → `other_lot_requested`; expired
 *    (expiry < asOf, unless allowed) → `expired`; tier age limit and no production date →
 *    `production_date_unknown`; produced before asOf minus N calendar months → `too_old_for_tier`;
 *    nothing left available → `nothing_available`.
 * 2. The eligible rows are taken greedily in strategy order (fifo: putaway; fefo: expiry, nulls last,
 *    then putaway; nearest: path rank, nulls last); ties prefer a location, then a lot, already chosen
 *    for this order, then location code, lot number (none last) and stock id.
 * 3. One lot per line: only lots whose eligible rows cover the whole line qualify; the first row in
 *    that order whose lot qualifies picks the lot; other eligible rows get `single_lot`.
 * See `shortReasonOf` for how a short line's reason is chosen.
 */
import type { AllocationPolicy, AllocationStrategy } from '../layout/layout.contract.js';
import type {
  AllocationResult,
  Candidate,
  CandidateRule,
  LineAllocation,
  ShortReason,
} from './allocation.contract.js';
import {
  ageLimitDays,
  compareKeys,
  predicateRule,
  strategyKey,
  type AllocationRules,
  type EngineLine,
  type StockCandidate,
} from './allocate-rules.js';

export {
  compareKeys,
  predicateRule,
  strategyKey,
  subtractMonths,
  type AllocationRules,
  type EngineLine,
  type StockCandidate,
} from './allocate-rules.js';

/** Everything one allocation of an order needs. */
export type AllocationInput = {
  orderId: string;
  lines: EngineLine[];
  candidates: StockCandidate[];
  rules: AllocationRules;
  policy: AllocationPolicy;
  valueTier: string | null;
  /** ISO timestamp stamped on the result. */
  allocatedAt: string;
};

/** A reservation the engine decided on. */
export type PlannedReservation = { lineNo: number; stockId: string; quantity: number };

/** The result for the API plus the reservations to write. */
export type AllocationOutcome = { result: AllocationResult; picks: PlannedReservation[] };

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareLotNumber = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : compareText(a, b);

/** Which locations and lots this order has chosen so far (the tie-break prefers them). */
type Chosen = { locations: Set<string>; lots: Set<string> };

/** The full order between two rows: strategy key, then the tie-breaks. */
function compareRows(a: StockCandidate, b: StockCandidate, strategy: AllocationStrategy, chosen: Chosen) {
  return (
    compareKeys(strategyKey(a, strategy), strategyKey(b, strategy)) ||
    Number(!chosen.locations.has(a.locationId)) - Number(!chosen.locations.has(b.locationId)) ||
    Number(!chosen.lots.has(lotKey(a))) - Number(!chosen.lots.has(lotKey(b))) ||
    compareText(a.locationCode, b.locationCode) ||
    compareLotNumber(a.lotNumber, b.lotNumber) ||
    compareText(a.stockId, b.stockId)
  );
}

/** A lot's identity for the single-lot rule; rows kept without lots form one group of their own. */
const lotKey = (row: StockCandidate): string => row.lotId ?? '';

/** Rows in the order the strategy and the current tie-breaks put them (the best first). */
function ordered(rows: StockCandidate[], strategy: AllocationStrategy, chosen: Chosen): StockCandidate[] {
  return [...rows].sort((a, b) => compareRows(a, b, strategy, chosen));
}

type LineWork = {
  line: EngineLine;
  candidates: Candidate[];
  allocated: number;
  shortReason: ShortReason | null;
};

/** Allocates an order: see the file comment for the rules. Never mutates its input. */
export function allocate(input: AllocationInput): AllocationOutcome {
  const remaining = new Map(input.candidates.map((row) => [row.stockId, row.available]));
  const chosen: Chosen = { locations: new Set(), lots: new Set() };
  const picks: PlannedReservation[] = [];
  const lines = [...input.lines].sort((a, b) => a.lineNo - b.lineNo);
  const work = lines.map((line) => {
    const rows = input.candidates.filter((row) => row.itemId === line.itemId);
    return allocateLine(line, rows, input.rules, remaining, chosen, picks);
  });
  const anyShort = work.some((w) => w.allocated < w.line.quantity);
  const hold = input.policy === 'backorder' && anyShort;
  if (hold) for (const w of work) holdLine(w);
  const total = work.reduce((sum, w) => sum + w.allocated, 0);
  const status = total === 0 ? 'backordered' : anyShort ? 'partially_allocated' : 'allocated';
  return {
    picks: hold ? [] : picks,
    result: {
      orderId: input.orderId,
      status,
      policy: input.policy,
      valueTier: input.valueTier,
      maxStockAgeMonths: input.rules.maxStockAgeMonths,
      maxStockAgeDays: ageLimitDays(input.rules),
      singleLotPerLine: input.rules.singleLotPerLine,
      allowExpired: input.rules.allowExpired,
      asOf: input.rules.asOf,
      allocatedAt: input.allocatedAt,
      lines: work.map(toLineAllocation),
    },
  };
}

function allocateLine(
  line: EngineLine,
  rows: StockCandidate[],
  rules: AllocationRules,
  remaining: Map<string, number>,
  chosen: Chosen,
  picks: PlannedReservation[],
): LineWork {
  const decided = new Map<string, Candidate>();
  const eligible: StockCandidate[] = [];
  for (const row of rows) {
    const available = remaining.get(row.stockId) ?? 0;
    const rule = predicateRule(row, line, rules, available);
    if (rule) decided.set(row.stockId, candidateOf(row, available, 'rejected', rule, 0));
    else eligible.push(row);
  }
  let pool = eligible;
  let singleLotFailed = false;
  if (rules.singleLotPerLine) {
    const lot = chooseSingleLot(line, eligible, remaining, chosen);
    pool = lot === undefined ? [] : eligible.filter((row) => lotKey(row) === lot);
    singleLotFailed = lot === undefined && eligible.length > 0;
    for (const row of eligible)
      if (!pool.includes(row))
        decided.set(row.stockId, candidateOf(row, remaining.get(row.stockId)!, 'rejected', 'single_lot', 0));
  }
  let need = line.quantity;
  let left = [...pool];
  while (left.length > 0) {
    const [best, ...rest] = ordered(left, line.strategy, chosen);
    left = rest;
    const available = remaining.get(best!.stockId)!;
    if (need === 0) {
      decided.set(best!.stockId, candidateOf(best!, available, 'unused', 'not_needed', 0));
      continue;
    }
    const take = Math.min(need, available);
    need -= take;
    remaining.set(best!.stockId, available - take);
    chosen.locations.add(best!.locationId);
    chosen.lots.add(lotKey(best!));
    picks.push({ lineNo: line.lineNo, stockId: best!.stockId, quantity: take });
    decided.set(best!.stockId, candidateOf(best!, available, 'chosen', 'strategy_order', take));
  }
  const allocated = line.quantity - need;
  const candidates = ordered(rows, line.strategy, { locations: new Set(), lots: new Set() }).map((row) =>
    decided.get(row.stockId)!,
  );
  const shortReason =
    allocated < line.quantity
      ? shortReasonOf(line, candidates, {
          allocated,
          singleLotFailed,
          onHand: rows.some((row) => row.onHand > 0),
        })
      : null;
  return { line, candidates, allocated, shortReason };
}

/** The lot a single-lot line takes: the first row in strategy order whose lot covers the line. */
function chooseSingleLot(
  line: EngineLine,
  eligible: StockCandidate[],
  remaining: Map<string, number>,
  chosen: Chosen,
): string | undefined {
  const perLot = new Map<string, number>();
  for (const row of eligible)
    perLot.set(lotKey(row), (perLot.get(lotKey(row)) ?? 0) + remaining.get(row.stockId)!);
  const first = ordered(eligible, line.strategy, chosen).find(
    (row) => perLot.get(lotKey(row))! >= line.quantity,
  );
  return first === undefined ? undefined : lotKey(first);
}

/**
 * Why a line is short, first match wins: one lot per line and no lot covers it → `no_single_lot`; a
 * requested lot → `requested_lot_short`; stock with units left was rejected for the tier's age limit
 * (or an unknown production date) → `too_old_for_tier`, else for expiry → `expired`; part of the line
 * was served → `insufficient`; stock is on hand but all of it is reserved → `reserved_by_other_orders`;
 * otherwise → `no_stock`.
 */
export function shortReasonOf(
  line: Pick<EngineLine, 'requestedLotId'>,
  candidates: Candidate[],
  facts: { allocated: number; singleLotFailed: boolean; onHand: boolean },
): ShortReason {
  const { allocated, singleLotFailed } = facts;
  if (singleLotFailed) return 'no_single_lot';
  if (line.requestedLotId !== null) return 'requested_lot_short';
  const blocked = (rules: CandidateRule[]) =>
    candidates.some((c) => c.decision === 'rejected' && rules.includes(c.rule) && c.available > 0);
  if (blocked(['too_old_for_tier', 'production_date_unknown'])) return 'too_old_for_tier';
  if (blocked(['expired'])) return 'expired';
  if (allocated > 0) return 'insufficient';
  if (facts.onHand) return 'reserved_by_other_orders';
  return 'no_stock';
}

/** Backorder policy: a served line gives its units back and says why. */
function holdLine(work: LineWork): void {
  if (work.allocated > 0 || work.shortReason === null) {
    work.candidates = work.candidates.map((c) =>
      c.decision === 'chosen' ? { ...c, decision: 'rejected', rule: 'backorder_hold', quantity: 0 } : c,
    );
  }
  if (work.shortReason === null) work.shortReason = 'backorder_hold';
  work.allocated = 0;
}

function candidateOf(
  row: StockCandidate,
  available: number,
  decision: Candidate['decision'],
  rule: CandidateRule,
  quantity: number,
): Candidate {
  return {
    stockId: row.stockId,
    locationCode: row.locationCode,
    lotNumber: row.lotNumber,
    productionDate: row.productionDate,
    expiryDate: row.expiryDate,
    putawayAt: row.putawayAt,
    pathRank: row.pathRank,
    available,
    decision,
    rule,
    quantity,
  };
}

function toLineAllocation(work: LineWork): LineAllocation {
  return {
    lineNo: work.line.lineNo,
    sku: work.line.sku,
    requested: work.line.quantity,
    allocated: work.allocated,
    short: work.line.quantity - work.allocated,
    shortReason: work.shortReason,
    strategy: work.line.strategy,
    candidates: work.candidates,
  };
}
