/** Quotes (报价单): request and response shapes, languages and error codes. */
import { z } from 'zod';

export const QUOTE_LANGUAGES = ['zh-CN', 'en'] as const;
export const QuoteLanguage = z.enum(QUOTE_LANGUAGES);
export type QuoteLanguage = z.infer<typeof QuoteLanguage>;

/** A new version of a deal's quote, made from the deal's current lines. */
export const CreateQuoteInput = z.object({
  /** zh-CN when left out. */
  language: QuoteLanguage.optional(),
  /** The last day the prices hold; 30 days from today when left out. */
  validUntil: z.iso.date().optional(),
  note: z.string().trim().max(2000).optional(),
});
export type CreateQuoteInput = z.infer<typeof CreateQuoteInput>;

/** One quoted line, as the deal had it when the quote was made. */
export const QuoteLine = z.object({
  lineNo: z.number().int(),
  productId: z.uuid(),
  name: z.string(),
  sku: z.string().nullable(),
  quantity: z.number(),
  /** Minor units. */
  unitPrice: z.number().int(),
  discountPercent: z.number(),
  taxRate: z.number(),
  /** quantity × unit price, before the discount. */
  gross: z.number().int(),
  /** After the discount, before tax. */
  net: z.number().int(),
  tax: z.number().int(),
  /** net + tax. */
  total: z.number().int(),
});
export type QuoteLine = z.infer<typeof QuoteLine>;

/** A quote's totals in minor units: subtotal − discount + tax = total. */
export const QuoteTotals = z.object({
  subtotal: z.number().int(),
  discount: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
});
export type QuoteTotals = z.infer<typeof QuoteTotals>;

export const Quote = z.object({
  id: z.uuid(),
  dealId: z.uuid(),
  version: z.number().int(),
  /** What the quote is called on paper and in its barcode, e.g. `Q-1A2B3C4D-v2`. */
  number: z.string(),
  language: QuoteLanguage,
  currency: z.string(),
  customerName: z.string(),
  sellerName: z.string(),
  lines: z.array(QuoteLine),
  totals: QuoteTotals,
  validUntil: z.iso.date(),
  note: z.string().nullable(),
  status: z.literal('sent'),
  createdBy: z.uuid().nullable(),
  /** The name of the user who made it, when known. */
  createdByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Quote = z.infer<typeof Quote>;

export const QuoteList = z.object({ items: z.array(Quote) });
export type QuoteList = z.infer<typeof QuoteList>;

/** Error codes of quotes. */
export const QUOTE_ERRORS = {
  notFound: 'crm.quote.not_found',
  noLines: 'crm.quote.no_lines',
  invalid: 'crm.quote.invalid',
} as const;

/** The printed number of a deal's quote version: `Q-` and the deal id's last eight digits, `-v<n>`. */
export function quoteNumber(dealId: string, version: number): string {
  return `Q-${dealId.replace(/-/g, '').slice(-8).toUpperCase()}-v${version}`;
}
