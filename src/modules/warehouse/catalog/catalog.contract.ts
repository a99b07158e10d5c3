/** Items (SKUs), lots and suppliers: the public contract of the catalog. */
import { z } from 'zod';
import { AllocationStrategy } from '../layout/layout.contract.js';

const isoDate = z.iso.date();

export const Item = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  weightKg: z.number().nullable(),
  barcode: z.string().nullable(),
  catchWeight: z.boolean(),
  allocationStrategy: AllocationStrategy.nullable(),
  supplierId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Item = z.infer<typeof Item>;

export const ItemPage = z.object({ items: z.array(Item), nextCursor: z.string().nullable() });
export type ItemPage = z.infer<typeof ItemPage>;

export const ItemQuery = z.object({
  q: z.string().trim().max(100).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ItemQuery = z.infer<typeof ItemQuery>;

export const CreateItemInput = z.object({
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(20).optional(),
  weightKg: z.number().positive().max(100_000).optional(),
  barcode: z.string().trim().min(1).max(64).optional(),
  catchWeight: z.boolean().optional(),
  allocationStrategy: AllocationStrategy.optional(),
  supplierCode: z.string().trim().min(1).max(40).optional(),
});
export type CreateItemInput = z.infer<typeof CreateItemInput>;

export const UpdateItemInput = CreateItemInput.omit({ sku: true })
  .partial()
  .extend({ allocationStrategy: AllocationStrategy.nullable().optional() });
export type UpdateItemInput = z.infer<typeof UpdateItemInput>;

export const Lot = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  lotNumber: z.string(),
  productionDate: isoDate.nullable(),
  expiryDate: isoDate.nullable(),
  supplierId: z.uuid().nullable(),
});
export type Lot = z.infer<typeof Lot>;

/** A lot as written on a receipt or import line; created on first sight, matched by number after. */
export const LotInput = z.object({
  lotNumber: z.string().trim().min(1).max(64),
  productionDate: isoDate.optional(),
  expiryDate: isoDate.optional(),
});
export type LotInput = z.infer<typeof LotInput>;

export const Supplier = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type Supplier = z.infer<typeof Supplier>;

export const SupplierList = z.object({ items: z.array(Supplier) });
export type SupplierList = z.infer<typeof SupplierList>;

export const CreateSupplierInput = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
});
export type CreateSupplierInput = z.infer<typeof CreateSupplierInput>;
