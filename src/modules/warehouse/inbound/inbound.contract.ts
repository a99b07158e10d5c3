/** Receipts, putaway and cycle-count adjustments: the public contract of inbound. */
import { z } from 'zod';
import { LotInput } from '../catalog/catalog.contract.js';

const quantity = z.number().int().min(1).max(10_000_000);
const weightKg = z.number().positive().max(1_000_000);

export const ReceiptLineInput = z.object({
  sku: z.string().trim().min(1).max(64),
  quantity,
  lot: LotInput.optional(),
  /** Catch-weight items: the weight received, required for them. */
  weightKg: weightKg.optional(),
  /** Put the goods straight away into this storage location instead of the receiving dock. */
  putawayTo: z.string().trim().min(1).max(40).optional(),
});
export type ReceiptLineInput = z.infer<typeof ReceiptLineInput>;

export const ReceiptInput = z.object({
  supplierCode: z.string().trim().min(1).max(40).optional(),
  reference: z.string().trim().min(1).max(100).optional(),
  /** When the goods arrived; now when left out. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  lines: z.array(ReceiptLineInput).min(1).max(1000),
});
export type ReceiptInput = z.infer<typeof ReceiptInput>;

export const Receipt = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  supplierId: z.uuid().nullable(),
  reference: z.string().nullable(),
  receivedAt: z.iso.datetime(),
  moves: z.number().int(),
});
export type Receipt = z.infer<typeof Receipt>;

/** Move goods from one location (the receiving dock by default) to a storage location. */
export const PutawayInput = z.object({
  sku: z.string().trim().min(1).max(64),
  lotNumber: z.string().trim().min(1).max(64).optional(),
  from: z.string().trim().min(1).max(40).default('RECV'),
  to: z.string().trim().min(1).max(40),
  quantity,
  weightKg: weightKg.optional(),
});
export type PutawayInput = z.infer<typeof PutawayInput>;

export const ADJUSTMENT_REASONS = ['cycle_count', 'damaged', 'lost', 'found', 'expired', 'other'] as const;
export const AdjustmentReason = z.enum(ADJUSTMENT_REASONS);

/** A cycle count: what was counted at a location; the difference becomes an adjustment move. */
export const AdjustmentInput = z.object({
  location: z.string().trim().min(1).max(40),
  sku: z.string().trim().min(1).max(64),
  lotNumber: z.string().trim().min(1).max(64).optional(),
  countedQuantity: z.number().int().min(0).max(10_000_000),
  countedWeightKg: weightKg.optional(),
  reason: AdjustmentReason,
  note: z.string().trim().max(500).optional(),
});
export type AdjustmentInput = z.infer<typeof AdjustmentInput>;

/** What an adjustment did: the stock before and after (no move when they are equal). */
export const AdjustmentResult = z.object({
  before: z.number().int(),
  after: z.number().int(),
  moveId: z.uuid().nullable(),
});
export type AdjustmentResult = z.infer<typeof AdjustmentResult>;
