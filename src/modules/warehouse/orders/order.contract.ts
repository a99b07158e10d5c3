/** The order pool (订单池): outbound orders of five types. The public contract of this feature. */
import { z } from 'zod';
import { AllocationPolicy } from '../layout/layout.contract.js';
import { AllocationResult } from './allocation-result.contract.js';

export const ORDER_TYPES = ['sales', 'return_to_supplier', 'requisition', 'scrap', 'transfer'] as const;
export const OrderType = z.enum(ORDER_TYPES);
export type OrderType = z.infer<typeof OrderType>;

export const RETURN_REASONS = ['wrong_goods', 'defective', 'expired', 'over_delivery', 'other'] as const;
export const ReturnReason = z.enum(RETURN_REASONS);
export type ReturnReason = z.infer<typeof ReturnReason>;

/** Urgent orders are processed first, then by push time. */
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const ORDER_STATUSES = [
  'pending',
  'allocated',
  'partially_allocated',
  'backordered',
  'shipped',
  'cancelled',
] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const ORDER_ORIGINS = ['upstream', 'deal', 'consumer', 'manual'] as const;
export const OrderOrigin = z.enum(ORDER_ORIGINS);

export const Destination = z.object({
  province: z.string().trim().min(1).max(50).optional(),
  city: z.string().trim().min(1).max(50).optional(),
  district: z.string().trim().min(1).max(50).optional(),
  address: z.string().trim().min(1).max(300).optional(),
  /** The receiving store (门店) for requisitions and store replenishment. */
  store: z.string().trim().min(1).max(100).optional(),
  contact: z.string().trim().min(1).max(100).optional(),
  phone: z.string().trim().min(1).max(40).optional(),
});
export type Destination = z.infer<typeof Destination>;

export const OrderLineInput = z.object({
  sku: z.string().trim().min(1).max(64),
  quantity: z.number().int().min(1).max(10_000_000),
  /** Serve this line from this lot only. */
  lotNumber: z.string().trim().min(1).max(64).optional(),
});

/**
 * A pushed order. `source` + `externalRef` are unique: pushing the same pair again returns the
 * stored order (200) instead of a second one (201).
 */
export const CreateOutboundOrderInput = z.object({
  /** Warehouse code. */
  warehouse: z.string().trim().min(1).max(40),
  source: z.string().trim().min(1).max(64).default('api'),
  externalRef: z.string().trim().min(1).max(100),
  type: OrderType,
  origin: OrderOrigin.default('upstream'),
  priority: Priority.default('normal'),
  /** When the upstream system pushed the order; now when left out. */
  pushedAt: z.iso.datetime({ offset: true }).optional(),
  carrier: z.string().trim().min(1).max(64).optional(),
  destination: Destination.default({}),
  /** sales: the CRM customer (id). */
  customerId: z.uuid().optional(),
  /** return_to_supplier: required. */
  returnReason: ReturnReason.optional(),
  /** return_to_supplier: the supplier code; the lots' or items' supplier when left out. */
  supplierCode: z.string().trim().min(1).max(40).optional(),
  /** transfer: the receiving warehouse's code. */
  targetWarehouse: z.string().trim().min(1).max(40).optional(),
  allocationPolicy: AllocationPolicy.optional(),
  singleLotPerLine: z.boolean().optional(),
  note: z.string().trim().max(1000).optional(),
  lines: z.array(OrderLineInput).min(1).max(1000),
});
export type CreateOutboundOrderInput = z.infer<typeof CreateOutboundOrderInput>;
/** The order as a caller writes it (defaults may be left out). */
export type CreateOutboundOrderRequest = z.input<typeof CreateOutboundOrderInput>;

/** Orders per batch push. */
export const ORDER_BATCH_MAX = 1000;

/**
 * A batch push: each order shaped like `CreateOutboundOrderInput`. Only the envelope is checked at
 * the edge; every order is checked on its own and answered in the report.
 */
export const PushOrderBatchInput = z.object({
  orders: z.array(z.unknown()).min(1).max(ORDER_BATCH_MAX),
});
export type PushOrderBatchInput = z.infer<typeof PushOrderBatchInput>;

export const ORDER_BATCH_STATUSES = ['created', 'existing', 'rejected'] as const;

/** What happened to one order of a batch, in input order. */
export const OrderBatchResult = z.object({
  index: z.number().int(),
  /** The order's source and external reference as sent (null when missing or not storable text). */
  source: z.string().nullable(),
  externalRef: z.string().nullable(),
  status: z.enum(ORDER_BATCH_STATUSES),
  /** created / existing: the stored order. */
  id: z.uuid().optional(),
  /** rejected: the code and fields the single push would answer for this order. */
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })),
    })
    .optional(),
});
export type OrderBatchResult = z.infer<typeof OrderBatchResult>;

export const OrderBatchReport = z.object({
  created: z.number().int(),
  existing: z.number().int(),
  rejected: z.number().int(),
  results: z.array(OrderBatchResult),
});
export type OrderBatchReport = z.infer<typeof OrderBatchReport>;

export const OrderLine = z.object({
  lineNo: z.number().int(),
  itemId: z.uuid(),
  sku: z.string(),
  itemName: z.string(),
  unit: z.string(),
  quantity: z.number().int(),
  lotNumber: z.string().nullable(),
  /** Sum of the line's active reservations (what is held for it and not yet picked). */
  allocated: z.number().int(),
  /** Units picked for the line (its picked reservations). */
  picked: z.number().int(),
  /** Units shipped: the picked units once the order has shipped, else 0. */
  shipped: z.number().int(),
  shortQuantity: z.number().int(),
  shortReason: z.string().nullable(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const Reservation = z.object({
  id: z.uuid(),
  lineNo: z.number().int(),
  stockId: z.uuid(),
  locationCode: z.string(),
  lotNumber: z.string().nullable(),
  quantity: z.number().int(),
  status: z.enum(['active', 'released', 'picked']),
});
export type Reservation = z.infer<typeof Reservation>;

export const OutboundOrder = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  warehouseCode: z.string(),
  source: z.string(),
  externalRef: z.string(),
  type: OrderType,
  origin: OrderOrigin,
  priority: Priority,
  pushedAt: z.iso.datetime(),
  status: OrderStatus,
  carrier: z.string().nullable(),
  destination: Destination,
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  /** The customer's value tier when the order was last allocated (or read now). */
  valueTier: z.string().nullable(),
  returnReason: ReturnReason.nullable(),
  supplierId: z.uuid().nullable(),
  targetWarehouseId: z.uuid().nullable(),
  allocationPolicy: AllocationPolicy.nullable(),
  singleLotPerLine: z.boolean().nullable(),
  note: z.string().nullable(),
  lines: z.array(OrderLine),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  shippedAt: z.iso.datetime().nullable(),
});
export type OutboundOrder = z.infer<typeof OutboundOrder>;

/** An order with its reservations and its latest allocation, for the order page. */
export const OutboundOrderDetail = OutboundOrder.extend({
  reservations: z.array(Reservation),
  allocation: AllocationResult.nullable(),
});
export type OutboundOrderDetail = z.infer<typeof OutboundOrderDetail>;

export const OrderSummary = OutboundOrder.omit({ lines: true }).extend({
  lineCount: z.number().int(),
  quantity: z.number().int(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

export const OrderQuery = z.object({
  warehouseId: z.uuid().optional(),
  status: OrderStatus.optional(),
  type: OrderType.optional(),
  /** Where the order came from, e.g. `deal` for won CRM deals. */
  origin: OrderOrigin.optional(),
  priority: Priority.optional(),
  carrier: z.string().trim().max(64).optional(),
  province: z.string().trim().max(50).optional(),
  customerId: z.uuid().optional(),
  /** External reference, contains. */
  q: z.string().trim().max(100).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type OrderQuery = z.infer<typeof OrderQuery>;

/** The pool in processing order: urgent first, then by push time. */
export const OrderPage = z.object({ items: z.array(OrderSummary), nextCursor: z.string().nullable() });
export type OrderPage = z.infer<typeof OrderPage>;

/** Ship an allocated order: pick every reservation and hand the goods over (Warehouse II adds waves). */
export const ShipOrderInput = z.object({
  /** Catch-weight lines: the weight weighed out, per line. */
  weights: z
    .array(z.object({ lineNo: z.number().int().min(1), weightKg: z.number().positive() }))
    .default([]),
});
export type ShipOrderInput = z.infer<typeof ShipOrderInput>;
