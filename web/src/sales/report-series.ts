/** Pure helpers of the report pages: the forecast's rows as chart series, days and rates for display. */
import type { Forecast } from '../../../src/modules/crm/deal/deal-report.contract';

type ForecastRow = Forecast['items'][number];

/** One owner's or team's weighted amount per month (0 where it has none), in the months' order. */
export type ForecastGroupSeries = { groupId: string | null; weighted: number[] };

/** The forecast of one currency laid out for a chart and its table. */
export type ForecastSeries = {
  months: string[];
  groups: ForecastGroupSeries[];
  /** Per month, over all groups: Σ amount, Σ weighted, deals. */
  totals: { amount: number; weighted: number; deals: number }[];
};

/** The currencies of the rows, the one with the most deals first (ties by code). */
export function forecastCurrencies(items: readonly ForecastRow[]): string[] {
  const deals = new Map<string, number>();
  for (const row of items) deals.set(row.currency, (deals.get(row.currency) ?? 0) + row.deals);
  return [...deals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/** The rows of one currency as months (sorted), one series per group, and the months' totals. */
export function forecastSeries(items: readonly ForecastRow[], currency: string): ForecastSeries {
  const rows = items.filter((row) => row.currency === currency);
  const months = [...new Set(rows.map((row) => row.month))].sort();
  const index = new Map(months.map((month, i) => [month, i]));
  const groups = new Map<string | null, number[]>();
  const totals = months.map(() => ({ amount: 0, weighted: 0, deals: 0 }));
  for (const row of rows) {
    const i = index.get(row.month)!;
    const weighted = groups.get(row.groupId) ?? months.map(() => 0);
    weighted[i]! += row.weighted;
    groups.set(row.groupId, weighted);
    totals[i]!.amount += row.amount;
    totals[i]!.weighted += row.weighted;
    totals[i]!.deals += row.deals;
  }
  return {
    months,
    groups: [...groups.entries()].map(([groupId, weighted]) => ({ groupId, weighted })),
    totals,
  };
}

/** Days to one decimal, or null kept as null. */
export function roundDays(days: number | null): number | null {
  return days === null ? null : Math.round(days * 10) / 10;
}

/** A rate 0..1 as a whole percentage, or null kept as null. */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 100);
}
