import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../src/modules/warehouse/allocation/allocation.contract';
import {
  candidateRuleText,
  expiryState,
  moveRoute,
  oneOf,
  pickStrings,
  PRIORITY_OPTIONS,
  scoreSeries,
  type RuleContext,
} from './warehouse-labels';

const candidate = (over: Partial<Candidate>): Candidate => ({
  stockId: '00000000-0000-4000-8000-000000000001',
  locationCode: 'A-01-02-1',
  lotNumber: 'L1',
  productionDate: '2026-01-05',
  expiryDate: '2027-01-05',
  putawayAt: '2026-01-10T08:00:00.000Z',
  pathRank: 4,
  available: 10,
  decision: 'chosen',
  rule: 'strategy_order',
  quantity: 5,
  ...over,
});

const context: RuleContext = {
  strategy: 'fifo',
  tierName: 'SVIP',
  maxStockAgeMonths: 3,
  maxStockAgeDays: 91,
  requestedLot: null,
  dateTime: (iso) => `at ${iso.slice(0, 10)}`,
};

describe('warehouse labels', () => {
  it('explain a chosen lot by the strategy that put it first', () => {
    expect(candidateRuleText(candidate({}), context)).toEqual({
      key: 'fifo',
      values: { putaway: 'at 2026-01-10' },
    });
    expect(candidateRuleText(candidate({}), { ...context, strategy: 'fefo' })).toEqual({
      key: 'fefo',
      values: { expiry: '2027-01-05' },
    });
    expect(candidateRuleText(candidate({ expiryDate: null }), { ...context, strategy: 'fefo' }).key).toBe(
      'fefoNoExpiry',
    );
    expect(candidateRuleText(candidate({}), { ...context, strategy: 'nearest' })).toEqual({
      key: 'nearest',
      values: { rank: 4 },
    });
  });

  it('explain a rejected lot with the tier, production date and limit', () => {
    const old = candidate({ decision: 'rejected', rule: 'too_old_for_tier', quantity: 0 });
    expect(candidateRuleText(old, context)).toEqual({
      key: 'tooOldMonths',
      values: { tier: 'SVIP', produced: '2026-01-05', months: 3 },
    });
    expect(candidateRuleText(old, { ...context, maxStockAgeMonths: null, maxStockAgeDays: 45 })).toEqual({
      key: 'tooOldDays',
      values: { tier: 'SVIP', produced: '2026-01-05', days: 45 },
    });
    expect(candidateRuleText(candidate({ rule: 'expired', decision: 'rejected' }), context)).toEqual({
      key: 'expired',
      values: { expiry: '2027-01-05' },
    });
    expect(
      candidateRuleText(candidate({ rule: 'other_lot_requested' }), { ...context, requestedLot: 'L9' }),
    ).toEqual({ key: 'otherLotRequested', values: { lot: 'L9' } });
    expect(candidateRuleText(candidate({ rule: 'not_needed', decision: 'unused' }), context).key).toBe(
      'notNeeded',
    );
  });

  it('tell expired and soon-expiring stock apart', () => {
    expect(expiryState(null, '2026-06-01')).toBeNull();
    expect(expiryState('2026-05-31', '2026-06-01')).toBe('expired');
    expect(expiryState('2026-06-01', '2026-06-01')).toBe('soon');
    expect(expiryState('2026-07-01', '2026-06-01')).toBe('soon');
    expect(expiryState('2026-07-02', '2026-06-01')).toBe('ok');
  });

  it('align supplier scores on the months of the whole list', () => {
    const { months, series } = scoreSeries([
      {
        name: '鲜果',
        months: [
          { month: '2026-05', score: 90 },
          { month: '2026-03', score: 100 },
        ],
      },
      { name: 'Dairy', months: [{ month: '2026-04', score: null }] },
    ]);
    expect(months).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(series).toEqual([
      { name: '鲜果', data: [100, null, 90] },
      { name: 'Dairy', data: [null, null, null] },
    ]);
  });

  it('read search parameters and routes', () => {
    expect(pickStrings({ q: ' a ', kind: '', n: 3, x: 'y' }, ['q', 'kind', 'n'])).toEqual({ q: 'a' });
    expect(oneOf(PRIORITY_OPTIONS, 'urgent')).toBe('urgent');
    expect(oneOf(PRIORITY_OPTIONS, 'asap')).toBeUndefined();
    expect(moveRoute('RECV', 'A-01')).toBe('RECV → A-01');
    expect(moveRoute('A-01', null)).toBe('A-01 →');
    expect(moveRoute(null, 'A-01')).toBe('→ A-01');
  });
});
