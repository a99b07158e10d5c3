/** A deal line's totals in minor units: net after the discount, and its tax. */

/** Net = quantity × unit price × (1 − discount %), tax = net × rate, each rounded half away from zero. */
export function lineTotals(line: {
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  taxRate: number;
}): { net: number; tax: number } {
  const net = Math.round((line.quantity * line.unitPrice * (100 - line.discountPercent)) / 100);
  return { net, tax: Math.round(net * line.taxRate) };
}
