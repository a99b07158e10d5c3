import { describe, expect, it } from 'vitest';
import { forecastCurrencies, forecastSeries, percent, roundDays } from './report-series';

const row = (month: string, groupId: string | null, amount: number, weighted: number, currency = 'CNY') => ({
  month,
  groupId,
  currency,
  deals: 1,
  amount,
  weighted,
});

describe('report series', () => {
  it('lays a currency’s rows out per sorted month and group, with the months’ totals', () => {
    const items = [
      row('2027-02', 'a', 100, 10),
      row('2027-01', 'b', 300, 30),
      row('2027-02', null, 50, 5),
      row('2027-01', 'a', 200, 20),
      row('2027-01', 'a', 999, 99, 'USD'),
    ];
    const series = forecastSeries(items, 'CNY');
    expect(series.months).toEqual(['2027-01', '2027-02']);
    expect(series.groups).toEqual([
      { groupId: 'a', weighted: [20, 10] },
      { groupId: 'b', weighted: [30, 0] },
      { groupId: null, weighted: [0, 5] },
    ]);
    expect(series.totals).toEqual([
      { amount: 500, weighted: 50, deals: 2 },
      { amount: 150, weighted: 15, deals: 2 },
    ]);
    expect(forecastSeries(items, 'EUR')).toEqual({ months: [], groups: [], totals: [] });
  });

  it('puts the currency with the most deals first', () => {
    expect(
      forecastCurrencies([
        row('2027-01', 'a', 1, 1, 'USD'),
        row('2027-01', 'a', 1, 1),
        row('2027-02', 'a', 1, 1),
      ]),
    ).toEqual(['CNY', 'USD']);
    expect(forecastCurrencies([])).toEqual([]);
  });

  it('rounds days to a tenth and rates to whole percent, keeping nulls', () => {
    expect(roundDays(7.26)).toBe(7.3);
    expect(roundDays(null)).toBeNull();
    expect(percent(0.4567)).toBe(46);
    expect(percent(null)).toBeNull();
  });
});
