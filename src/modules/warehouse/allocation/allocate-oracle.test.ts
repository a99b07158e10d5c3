import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AllocationStrategy } from '../layout/layout.contract.js';
import {
  allocate,
  type AllocationInput,
  type AllocationOutcome,
  type EngineLine,
  type StockCandidate,
} from './allocate.js';

// The oracle below is written independently of the engine: it checks each predicate directly,
// enumerates lots by brute force and compares rows by the strategy key alone.

const AS_OF = '2026-06-15';
const LOCATIONS = [
  { id: 'loc-a', code: 'A-01-01-1', pathRank: 3 },
  { id: 'loc-b', code: 'A-01-02-1', pathRank: 1 },
  { id: 'loc-c', code: 'B-02-01-1', pathRank: null },
];
const LOTS = [
  { id: 'lot-1', number: 'L1', productionDate: '2026-05-01', expiryDate: '2026-09-01' },
  { id: 'lot-2', number: 'L2', productionDate: '2026-01-10', expiryDate: '2026-06-01' },
  { id: 'lot-3', number: 'L3', productionDate: null, expiryDate: null },
  { id: 'lot-4', number: 'L4', productionDate: '2025-12-15', expiryDate: '2026-07-01' },
];
const ITEMS = ['item-x', 'item-y'];
const PUTAWAYS = ['2026-01-01T08:00:00.000Z', '2026-02-01T08:00:00.000Z', '2026-03-01T08:00:00.000Z'];

const candidateArb = fc.record({
  item: fc.integer({ min: 0, max: 1 }),
  location: fc.integer({ min: 0, max: 2 }),
  lot: fc.integer({ min: -1, max: 3 }),
  putaway: fc.integer({ min: 0, max: 2 }),
  available: fc.integer({ min: -1, max: 6 }),
  reserved: fc.integer({ min: 0, max: 3 }),
});

const lineArb = fc.record({
  item: fc.integer({ min: 0, max: 1 }),
  quantity: fc.integer({ min: 1, max: 9 }),
  strategy: fc.constantFrom<AllocationStrategy>('fifo', 'fefo', 'nearest'),
  requestedLot: fc.integer({ min: -1, max: 3 }),
});

const inputArb = fc
  .record({
    rows: fc.uniqueArray(candidateArb, {
      maxLength: 6,
      selector: (row) => `${row.item}|${row.location}|${row.lot}`,
    }),
    lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
    maxAge: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    singleLot: fc.boolean(),
    allowExpired: fc.boolean(),
  })
  .map(({ rows, lines, maxAge, singleLot, allowExpired }): AllocationInput => ({
    orderId: 'order-1',
    policy: 'partial',
    valueTier: maxAge === null ? null : 'svip',
    allocatedAt: `${AS_OF}T09:00:00.000Z`,
    rules: { asOf: AS_OF, maxStockAgeMonths: maxAge, singleLotPerLine: singleLot, allowExpired },
    lines: lines.map((line, index): EngineLine => ({
      lineNo: index + 1,
      sku: `SKU-${line.item}`,
      itemId: ITEMS[line.item]!,
      quantity: line.quantity,
      strategy: line.strategy,
      requestedLotId: line.requestedLot < 0 ? null : LOTS[line.requestedLot]!.id,
    })),
    candidates: rows.map((row, index): StockCandidate => {
      const location = LOCATIONS[row.location]!;
      const lot = row.lot < 0 ? undefined : LOTS[row.lot]!;
      return {
        stockId: `stock-${index}`,
        itemId: ITEMS[row.item]!,
        locationId: location.id,
        locationCode: location.code,
        pathRank: location.pathRank,
        lotId: lot?.id ?? null,
        lotNumber: lot?.number ?? null,
        productionDate: lot?.productionDate ?? null,
        expiryDate: lot?.expiryDate ?? null,
        putawayAt: PUTAWAYS[row.putaway]!,
        available: row.available,
        onHand: Math.max(row.available, 0) + row.reserved,
      };
    }),
  }));

/** The same day `months` earlier; the generated dates never need clamping (asOf is the 15th). */
function oracleCutoff(months: number): string {
  const [y, m] = AS_OF.split('-').map(Number) as [number, number];
  const index = y * 12 + m - 1 - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`;
}

function staticallyEligible(row: StockCandidate, line: EngineLine, input: AllocationInput): boolean {
  if (row.itemId !== line.itemId) return false;
  if (line.requestedLotId !== null && row.lotId !== line.requestedLotId) return false;
  if (!input.rules.allowExpired && row.expiryDate !== null && row.expiryDate < input.rules.asOf) return false;
  const months = input.rules.maxStockAgeMonths;
  if (months !== null && (row.productionDate === null || row.productionDate < oracleCutoff(months)))
    return false;
  return true;
}

/** The strategy key as a plain tuple, compared lexicographically. */
function oracleKey(row: StockCandidate, strategy: AllocationStrategy): [number, number, number] {
  const putaway = new Date(row.putawayAt).getTime();
  if (strategy === 'fifo') return [putaway, 0, 0];
  if (strategy === 'fefo')
    return row.expiryDate === null
      ? [Number.MAX_SAFE_INTEGER, putaway, 0]
      : [new Date(row.expiryDate).getTime(), putaway, 0];
  return [row.pathRank ?? Number.MAX_SAFE_INTEGER, 0, 0];
}

const before = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

/** Checks one partial-policy outcome against the oracle; throws on the first violation. */
function checkAgainstOracle(input: AllocationInput, outcome: AllocationOutcome): void {
  const byId = new Map(input.candidates.map((row) => [row.stockId, row]));
  const remaining = new Map(input.candidates.map((row) => [row.stockId, Math.max(row.available, 0)]));
  for (const line of input.lines) {
    const picks = outcome.picks.filter((pick) => pick.lineNo === line.lineNo);
    const result = outcome.result.lines.find((l) => l.lineNo === line.lineNo)!;
    const eligible = input.candidates.filter(
      (row) => staticallyEligible(row, line, input) && remaining.get(row.stockId)! > 0,
    );
    const allocated = picks.reduce((sum, pick) => sum + pick.quantity, 0);
    expect(result.allocated).toBe(allocated);
    expect(result.short).toBe(line.quantity - allocated);
    expect(result.shortReason === null).toBe(allocated === line.quantity);
    for (const pick of picks) {
      const row = byId.get(pick.stockId)!;
      expect(staticallyEligible(row, line, input), `ineligible ${row.stockId} chosen`).toBe(true);
      expect(pick.quantity).toBeGreaterThan(0);
      expect(pick.quantity).toBeLessThanOrEqual(remaining.get(pick.stockId)!);
    }
    let pool = eligible;
    if (input.rules.singleLotPerLine) {
      const lots = new Map<string, StockCandidate[]>();
      for (const row of eligible) lots.set(row.lotId ?? '', [...(lots.get(row.lotId ?? '') ?? []), row]);
      const covering = [...lots.values()].filter(
        (rows) => rows.reduce((sum, row) => sum + remaining.get(row.stockId)!, 0) >= line.quantity,
      );
      expect(allocated === line.quantity).toBe(covering.length > 0);
      if (covering.length === 0) {
        expect(allocated).toBe(0);
        if (eligible.length > 0) expect(result.shortReason).toBe('no_single_lot');
      } else {
        const chosenLots = new Set(picks.map((pick) => byId.get(pick.stockId)!.lotId ?? ''));
        expect(chosenLots.size).toBe(1);
        const [chosenLot] = [...chosenLots];
        const best = (rows: StockCandidate[]) =>
          rows.map((row) => oracleKey(row, line.strategy)).sort((a, b) => (before(a, b) ? -1 : 1))[0]!;
        const chosenBest = best(lots.get(chosenLot!)!);
        for (const rows of covering) expect(before(best(rows), chosenBest)).toBe(false);
        pool = lots.get(chosenLot!)!;
      }
    } else {
      const total = eligible.reduce((sum, row) => sum + remaining.get(row.stockId)!, 0);
      expect(allocated).toBe(Math.min(line.quantity, total));
    }
    for (const pick of picks) remaining.set(pick.stockId, remaining.get(pick.stockId)! - pick.quantity);
    // Exchange: a row of the pool with units left never sorts strictly before a chosen one.
    for (const pick of picks) {
      const chosenKey = oracleKey(byId.get(pick.stockId)!, line.strategy);
      for (const row of pool)
        if (remaining.get(row.stockId)! > 0)
          expect(before(oracleKey(row, line.strategy), chosenKey), `${row.stockId} skipped`).toBe(false);
    }
  }
  for (const [stockId, left] of remaining)
    expect(left, `${stockId} over-allocated`).toBeGreaterThanOrEqual(0);
  const total = outcome.result.lines.reduce((sum, l) => sum + l.allocated, 0);
  const anyShort = outcome.result.lines.some((l) => l.short > 0);
  expect(outcome.result.status).toBe(
    total === 0 ? 'backordered' : anyShort ? 'partially_allocated' : 'allocated',
  );
}

const shuffled = <T>(items: T[], seed: number): T[] => {
  const copy = [...items];
  let state = seed || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 48271) % 2147483647;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

describe('allocation engine against a brute-force oracle', () => {
  it('never chooses ineligible stock, fills what the rules allow, in strategy order', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        checkAgainstOracle(input, allocate(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same result whatever order the candidates arrive in', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
        const again = allocate({ ...input, candidates: shuffled(input.candidates, seed) });
        expect(again).toEqual(allocate(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('backorder policy is all or nothing per order', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const partial = allocate(input);
        const backorder = allocate({ ...input, policy: 'backorder' });
        const anyShort = partial.result.lines.some((line) => line.short > 0);
        if (!anyShort) {
          expect(backorder.picks).toEqual(partial.picks);
          expect(backorder.result.status).toBe('allocated');
          return;
        }
        expect(backorder.picks).toEqual([]);
        expect(backorder.result.status).toBe('backordered');
        for (const [index, line] of backorder.result.lines.entries()) {
          const served = partial.result.lines[index]!;
          expect(line.allocated).toBe(0);
          expect(line.shortReason).toBe(served.short > 0 ? served.shortReason : 'backorder_hold');
          expect(line.candidates.some((c) => c.decision === 'chosen')).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reports a decision and a rule for every candidate of the line item', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { result } = allocate(input);
        for (const line of result.lines) {
          const itemId = input.lines.find((l) => l.lineNo === line.lineNo)!.itemId;
          expect(line.candidates).toHaveLength(input.candidates.filter((c) => c.itemId === itemId).length);
          for (const c of line.candidates) {
            expect(c.decision === 'chosen').toBe(c.quantity > 0);
            if (c.decision === 'chosen') expect(c.rule).toBe('strategy_order');
            if (c.decision === 'unused') expect(c.rule).toBe('not_needed');
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
