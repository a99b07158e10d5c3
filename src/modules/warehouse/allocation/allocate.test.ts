import { describe, expect, it } from 'vitest';
import {
  allocate,
  subtractMonths,
  type AllocationInput,
  type EngineLine,
  type StockCandidate,
} from './allocate.js';

// The engine's rules case by case; allocate-oracle.test.ts checks it against a brute-force oracle.

const AS_OF = '2026-06-15';
const PUTAWAYS = ['2026-01-01T08:00:00.000Z', '2026-02-01T08:00:00.000Z', '2026-03-01T08:00:00.000Z'];

const row = (overrides: Partial<StockCandidate> & { stockId: string }): StockCandidate => ({
  itemId: 'item-x',
  locationId: 'loc-a',
  locationCode: 'A-01-01-1',
  pathRank: 1,
  lotId: 'lot-1',
  lotNumber: 'L1',
  productionDate: '2026-05-01',
  expiryDate: null,
  putawayAt: PUTAWAYS[0]!,
  available: 5,
  onHand: 5,
  ...overrides,
});

const order = (
  candidates: StockCandidate[],
  lines: Partial<EngineLine>[],
  rules: Partial<AllocationInput['rules']> = {},
): AllocationInput => ({
  orderId: 'o',
  policy: 'partial',
  valueTier: null,
  allocatedAt: `${AS_OF}T09:00:00.000Z`,
  rules: { asOf: AS_OF, maxStockAgeMonths: null, singleLotPerLine: false, allowExpired: false, ...rules },
  candidates,
  lines: lines.map((line, index) => ({
    lineNo: index + 1,
    sku: 'X',
    itemId: 'item-x',
    quantity: 1,
    strategy: 'fifo',
    requestedLotId: null,
    ...line,
  })),
});

describe('allocation engine rules', () => {
  it('counts calendar months and clamps to the end of the month', () => {
    expect(subtractMonths('2026-06-15', 3)).toBe('2026-03-15');
    expect(subtractMonths('2026-05-31', 3)).toBe('2026-02-28');
    expect(subtractMonths('2026-02-10', 14)).toBe('2024-12-10');
  });

  it('breaks ties by a location, then a lot, already chosen for the order, then location code', () => {
    const candidates = [
      row({
        stockId: 's1',
        locationId: 'loc-a',
        locationCode: 'A-01',
        lotId: 'lot-1',
        lotNumber: 'L1',
        available: 1,
      }),
      row({ stockId: 's2', locationId: 'loc-b', locationCode: 'A-02', lotId: 'lot-2', lotNumber: 'L2' }),
      row({ stockId: 's3', locationId: 'loc-a', locationCode: 'A-01', lotId: 'lot-3', lotNumber: 'L3' }),
      row({ stockId: 's4', locationId: 'loc-c', locationCode: 'A-00', lotId: 'lot-1', lotNumber: 'L1' }),
    ];
    // s4 wins on location code; after it, location loc-c is preferred, but it holds nothing else,
    // so lot-1 (already chosen) makes s1 next, then loc-a (chosen) makes s3 beat s2.
    const { picks } = allocate(order(candidates, [{ quantity: 7 }]));
    expect(picks.map((p) => p.stockId)).toEqual(['s4', 's1', 's3']);
    const second = allocate(order(candidates, [{ quantity: 5 }, { quantity: 3 }]));
    expect(second.picks.map((p) => `${p.lineNo}:${p.stockId}:${p.quantity}`)).toEqual([
      '1:s4:5',
      '2:s1:1',
      '2:s3:2',
    ]);
  });

  it('prefers a location already chosen for the order over a lower location code', () => {
    // s1 goes first (earliest putaway) from loc-b; s2 and s3 then tie on the strategy key and neither
    // lot is chosen yet, so only the chosen location puts s3 (B-01) before s2.
    const candidates = [
      row({ stockId: 's1', locationId: 'loc-b', locationCode: 'B-01', lotId: 'lot-1', available: 1 }),
      row({
        stockId: 's2',
        locationId: 'loc-a',
        locationCode: 'A-01',
        lotId: 'lot-2',
        putawayAt: PUTAWAYS[1]!,
      }),
      row({
        stockId: 's3',
        locationId: 'loc-b',
        locationCode: 'B-01',
        lotId: 'lot-3',
        putawayAt: PUTAWAYS[1]!,
      }),
    ];
    const { picks } = allocate(order(candidates, [{ quantity: 3 }]));
    expect(picks.map((p) => `${p.stockId}:${p.quantity}`)).toEqual(['s1:1', 's3:2']);
  });

  it('puts lots without expiry last under FEFO and locations without a path rank last for nearest', () => {
    const candidates = [
      row({ stockId: 's1', expiryDate: null, pathRank: null, locationCode: 'A' }),
      row({ stockId: 's2', expiryDate: '2026-12-01', pathRank: 9, locationCode: 'B' }),
    ];
    expect(allocate(order(candidates, [{ strategy: 'fefo' }])).picks[0]!.stockId).toBe('s2');
    expect(allocate(order(candidates, [{ strategy: 'nearest' }])).picks[0]!.stockId).toBe('s2');
  });

  it('never serves against the rules and names the reason', () => {
    const old = [row({ stockId: 's1', productionDate: '2026-02-14' })];
    const tier = allocate(order(old, [{ quantity: 2 }], { maxStockAgeMonths: 4 }));
    expect(tier.result.lines[0]).toMatchObject({ allocated: 0, shortReason: 'too_old_for_tier' });
    expect(tier.result.lines[0]!.candidates[0]).toMatchObject({
      decision: 'rejected',
      rule: 'too_old_for_tier',
    });
    const edge = allocate(
      order([row({ stockId: 's1', productionDate: '2026-02-15' })], [{}], { maxStockAgeMonths: 4 }),
    );
    expect(edge.result.lines[0]!.allocated).toBe(1);
    const expired = allocate(order([row({ stockId: 's1', expiryDate: '2026-06-14' })], [{}]));
    expect(expired.result.lines[0]!.shortReason).toBe('expired');
    const lastDay = allocate(order([row({ stockId: 's1', expiryDate: AS_OF })], [{}]));
    expect(lastDay.result.lines[0]!.allocated).toBe(1);
    const reserved = allocate(order([row({ stockId: 's1', available: 0, onHand: 4 })], [{}]));
    expect(reserved.result.lines[0]!.shortReason).toBe('reserved_by_other_orders');
    expect(allocate(order([], [{}])).result.lines[0]!.shortReason).toBe('no_stock');
    const partly = allocate(order([row({ stockId: 's1', available: 1 })], [{ quantity: 3 }]));
    expect(partly.result).toMatchObject({
      status: 'partially_allocated',
      lines: [{ shortReason: 'insufficient' }],
    });
    const lot = allocate(order([row({ stockId: 's1' })], [{ requestedLotId: 'lot-9' }]));
    expect(lot.result.lines[0]!.shortReason).toBe('requested_lot_short');
    const single = allocate(
      order(
        [row({ stockId: 's1', available: 2 }), row({ stockId: 's2', lotId: 'lot-2', available: 2 })],
        [{ quantity: 3 }],
        {
          singleLotPerLine: true,
        },
      ),
    );
    expect(single.result.lines[0]).toMatchObject({ allocated: 0, shortReason: 'no_single_lot' });
  });
});
