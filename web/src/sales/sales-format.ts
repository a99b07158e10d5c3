/** Pure helpers of the sales pages: money, column totals, days. */
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';

/** Minor units as the language writes the currency, e.g. 123456 CNY -> "¥1,234.56". */
export function formatMoney(minor: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** A column's count, total and weighted total (Σ amount × probability, the manual one). */
export function columnTotals(deals: Deal[]): { count: number; total: number; weighted: number } {
  let total = 0;
  let weighted = 0;
  for (const deal of deals) {
    total += deal.amount;
    weighted += deal.amount * deal.probability.manual;
  }
  return { count: deals.length, total, weighted: Math.round(weighted) };
}

/** Whole days between two instants, never negative. */
export function daysBetween(fromIso: string, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - new Date(fromIso).getTime()) / 86_400_000));
}
