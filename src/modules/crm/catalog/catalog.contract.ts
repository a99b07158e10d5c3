/** The sales catalogue: products (stocked or service) and their prices per customer kind and value tier. */
import { z } from 'zod';
import { CUSTOMER_KINDS } from '../customer/customer.contract.js';

export const PRODUCT_KINDS = ['stocked', 'service'] as const;
export const ProductKind = z.enum(PRODUCT_KINDS);

/** An amount of money in minor units with its ISO currency. */
export const Money = z.object({
  amount: z.number().int().min(0).max(1e13),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'a three-letter currency code')
    .transform((c) => c.toUpperCase()),
});
export type Money = z.infer<typeof Money>;

/** A new product; a stocked one names an existing warehouse item by `sku`. */
export const CreateProductInput = z.object({
  name: z.string().trim().min(1).max(200),
  kind: ProductKind,
  sku: z.string().trim().min(1).max(64).optional(),
  price: Money.optional(),
  /** Default tax rate of a deal line, 0..1 (0 when left out). */
  taxRate: z.number().min(0).max(1).optional(),
});
export type CreateProductInput = z.infer<typeof CreateProductInput>;

export const UpdateProductInput = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    sku: z.string().trim().min(1).max(64).optional(),
    price: Money.nullable().optional(),
    taxRate: z.number().min(0).max(1).optional(),
    active: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to update');
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;

/** A price of a product for customers of a kind and, optionally, one value tier. */
export const ProductPrice = z.object({
  customerKind: z.enum(CUSTOMER_KINDS),
  /** A value tier code; null for every tier of the kind. */
  valueTier: z.string().trim().min(1).max(32).nullable(),
  amount: z.number().int().min(0),
  currency: z.string(),
});
export type ProductPrice = z.infer<typeof ProductPrice>;

export const Product = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ProductKind,
  sku: z.string().nullable(),
  price: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
  taxRate: z.number(),
  active: z.boolean(),
  prices: z.array(ProductPrice),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Product = z.infer<typeof Product>;

export const ProductQuery = z.object({
  kind: ProductKind.optional(),
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type ProductQuery = z.infer<typeof ProductQuery>;

export const ProductList = z.object({ items: z.array(Product) });

/** Sets the price lists of a product (replacing the ones given by kind and tier). */
export const SetProductPricesInput = z.object({
  prices: z
    .array(
      z.object({
        customerKind: z.enum(CUSTOMER_KINDS),
        valueTier: z.string().trim().min(1).max(32).nullable().default(null),
        amount: z.number().int().min(0).max(1e13),
        currency: Money.shape.currency,
      }),
    )
    .max(100),
});
export type SetProductPricesInput = z.infer<typeof SetProductPricesInput>;

/** Error codes of the catalogue. */
export const PRODUCT_ERRORS = {
  notFound: 'crm.product.not_found',
  invalid: 'crm.product.invalid',
  unknownSku: 'crm.product.unknown_sku',
} as const;
