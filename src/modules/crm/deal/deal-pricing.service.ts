/** Prices a deal's lines from the catalogue: the customer's price unless the line names one; totals on the server. */
import type { Db } from '../../../platform/db/database.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { priceProducts } from '../catalog/catalog.service.js';
import { lineTotals } from './deal-lines.js';
import type { DealLineInput } from './deal.contract.js';
import { dealInvalid } from './deal.errors.js';
import type { DealLineRow } from './deal.repository.js';

/** The default currency of a deal without priced lines. */
export const DEFAULT_CURRENCY = 'CNY';

/** Lines priced and totalled, the deal's currency and its net amount; 400 naming the failing line field. */
export async function priceDealLines(
  db: Db,
  tenantId: string,
  dealId: string,
  customer: { kind: string; valueTier: string | null },
  inputs: DealLineInput[],
  currency: string | undefined,
): Promise<{ lines: DealLineRow[]; currency: string; amount: number }> {
  const products = await priceProducts(
    db,
    tenantId,
    inputs.map((line) => line.productId),
    customer,
  );
  const issues: FieldIssue[] = [];
  let dealCurrency = currency;
  const lines: DealLineRow[] = [];
  inputs.forEach((input, i) => {
    const product = products.get(input.productId);
    if (!product) return void issues.push({ path: `lines.${i}.productId`, message: 'no such product' });
    if (product.kind === 'stocked' && !Number.isInteger(input.quantity)) {
      issues.push({ path: `lines.${i}.quantity`, message: 'a stocked product ships in whole units' });
    }
    const price = product.price;
    if (input.unitPrice === undefined && !price) {
      return void issues.push({
        path: `lines.${i}.unitPrice`,
        message: 'the product has no price: give one',
      });
    }
    if (input.unitPrice === undefined && price) {
      dealCurrency ??= price.currency;
      if (price.currency !== dealCurrency) {
        issues.push({
          path: `lines.${i}.productId`,
          message: `priced in ${price.currency}, the deal in ${dealCurrency}`,
        });
      }
    }
    const line = {
      quantity: input.quantity,
      unitPrice: input.unitPrice ?? price!.amount,
      discountPercent: input.discountPercent ?? 0,
      taxRate: input.taxRate ?? product.taxRate,
    };
    lines.push({ tenantId, dealId, lineNo: i + 1, productId: input.productId, ...line, ...lineTotals(line) });
  });
  if (issues.length) throw dealInvalid(issues);
  return {
    lines,
    currency: dealCurrency ?? DEFAULT_CURRENCY,
    amount: lines.reduce((sum, line) => sum + line.net, 0),
  };
}
