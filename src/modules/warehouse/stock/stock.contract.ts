/** Stock by location and lot, the ledger of moves, and the rebuild check: the public contract. */
import { z } from 'zod';

export const MOVE_KINDS = ['receipt', 'putaway', 'allocation', 'pick', 'adjustment', 'shipment'] as const;
export const MoveKind = z.enum(MOVE_KINDS);
export type MoveKind = z.infer<typeof MoveKind>;

/** One stock row: an item's lot at a location, with what is reserved and what is left. */
export const StockRow = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  warehouseCode: z.string(),
  locationId: z.uuid(),
  locationCode: z.string(),
  locationKind: z.string(),
  itemId: z.uuid(),
  sku: z.string(),
  itemName: z.string(),
  unit: z.string(),
  lotId: z.uuid().nullable(),
  lotNumber: z.string().nullable(),
  productionDate: z.iso.date().nullable(),
  expiryDate: z.iso.date().nullable(),
  onHand: z.number().int(),
  /** Sum of the active reservations on this row. */
  reserved: z.number().int(),
  available: z.number().int(),
  weightKg: z.number().nullable(),
  putawayAt: z.iso.datetime(),
});
export type StockRow = z.infer<typeof StockRow>;

export const StockQuery = z.object({
  warehouseId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  /** SKU, item name, location code or lot number, contains. */
  q: z.string().trim().max(100).optional(),
  location: z.string().trim().max(40).optional(),
  lot: z.string().trim().max(64).optional(),
  /** Leave out rows with nothing on hand (the default). */
  includeEmpty: z.stringbool().default(false),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type StockQuery = z.infer<typeof StockQuery>;

export const StockPage = z.object({ items: z.array(StockRow), nextCursor: z.string().nullable() });
export type StockPage = z.infer<typeof StockPage>;

/** One ledger move, with codes resolved for reading. */
export const StockMove = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  kind: MoveKind,
  itemId: z.uuid(),
  sku: z.string(),
  lotId: z.uuid().nullable(),
  lotNumber: z.string().nullable(),
  fromLocationId: z.uuid().nullable(),
  fromLocationCode: z.string().nullable(),
  toLocationId: z.uuid().nullable(),
  toLocationCode: z.string().nullable(),
  quantity: z.number().int(),
  weightKg: z.number().nullable(),
  receiptId: z.uuid().nullable(),
  orderId: z.uuid().nullable(),
  orderLineNo: z.number().int().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  actorUserId: z.uuid().nullable(),
  occurredAt: z.iso.datetime(),
});
export type StockMove = z.infer<typeof StockMove>;

export const MoveQuery = z.object({
  warehouseId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  kind: MoveKind.optional(),
  orderId: z.uuid().optional(),
  location: z.string().trim().max(40).optional(),
  /** Newest first; `after` is the cursor of the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MoveQuery = z.infer<typeof MoveQuery>;

/** A move as the ledger lists it: with the reference of its order, for the link to it. */
export const LedgerMove = StockMove.extend({
  /** The order's `externalRef` when the move belongs to an order. */
  orderRef: z.string().nullable(),
});
export type LedgerMove = z.infer<typeof LedgerMove>;

export const MovePage = z.object({ items: z.array(LedgerMove), nextCursor: z.string().nullable() });
export type MovePage = z.infer<typeof MovePage>;

/** The ledger replayed against the derived stock: every row that differs, and whether it was repaired. */
export const RebuildReport = z.object({
  moves: z.number().int(),
  stockRows: z.number().int(),
  differences: z.array(
    z.object({
      locationCode: z.string(),
      sku: z.string(),
      lotNumber: z.string().nullable(),
      stored: z.number().int(),
      fromLedger: z.number().int(),
    }),
  ),
  /** Active reservations whose sum differs from the ledger's allocation moves, per stock row. */
  reservationDifferences: z.number().int(),
  repaired: z.boolean(),
});
export type RebuildReport = z.infer<typeof RebuildReport>;

/** A move to record; physical kinds need `from` and/or `to`, allocation moves `from` and a signed quantity. */
export type NewMove = {
  warehouseId: string;
  kind: MoveKind;
  itemId: string;
  lotId: string | null;
  fromLocationId?: string | null;
  toLocationId?: string | null;
  quantity: number;
  weightKg?: number | null;
  receiptId?: string | null;
  orderId?: string | null;
  orderLineNo?: number | null;
  reason?: string | null;
  note?: string | null;
  actorUserId?: string | null;
  occurredAt: Date;
};

/** The stock row ids touched by the moves, keyed by `location|item|lot`. */
export type RecordedMoves = { moveIds: string[]; stockIds: Map<string, string> };

/** `location|item|lot`, the key of a stock row. */
export function stockKey(locationId: string, itemId: string, lotId: string | null): string {
  return `${locationId}|${itemId}|${lotId ?? ''}`;
}
