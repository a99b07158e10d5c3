import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import { columnTotals, daysBetween, formatMoney } from './sales-format';

const deal = (amount: number, manual: number) =>
  ({ amount, probability: { manual, automated: null, reasons: [] } }) as unknown as Deal;

describe('sales formatting', () => {
  it('sums a column and weighs each amount by its probability', () => {
    expect(columnTotals([deal(10_000, 0.1), deal(5_000, 0.5), deal(333, 1 / 3)])).toEqual({
      count: 3,
      total: 15_333,
      weighted: 3_611,
    });
    expect(columnTotals([])).toEqual({ count: 0, total: 0, weighted: 0 });
  });

  it('writes minor units as money and survives an unknown currency code', () => {
    expect(formatMoney(123_456, 'CNY', 'en')).toBe('CN¥1,234.56');
    expect(formatMoney(100, 'ZZZ', 'en')).toContain('1.00');
  });

  it('counts whole days, never below zero', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    expect(daysBetween('2026-05-07T13:00:00Z', now)).toBe(2);
    expect(daysBetween('2026-05-11T00:00:00Z', now)).toBe(0);
  });
});
