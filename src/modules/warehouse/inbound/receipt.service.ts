/**
 * Receiving goods into the receiving dock, or straight on to a storage location. Each receipt is one
 * transaction and writes stock only through the ledger.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { findItemsBySku, requireSupplierId } from '../catalog/catalog.service.js';
import { findOrCreateLot } from '../catalog/lot.service.js';
import { RECEIVING_DOCK, requireWarehouseRow } from '../layout/layout.service.js';
import { findLocationByCode, requireLocationByCode, type LocationRow } from '../layout/location.service.js';
import { recordMoves } from '../stock/ledger.service.js';
import type { NewMove } from '../stock/stock.contract.js';
import { storeReceipt } from '../stock/stock.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import type { Receipt, ReceiptInput } from './inbound.contract.js';
import { receiptInvalid } from './inbound.errors.js';

/** An item as a receipt line needs it. */
type ReceivedItem = { id: string; catchWeight: boolean };

/**
 * Receives goods: a receipt row and, per line, a `receipt` move into the receiving dock (plus a
 * `putaway` move when the line names `putawayTo`). Lots are created on first sight; `receivedAt`
 * back-dates the moves. Unknown SKUs, missing catch weights and bad locations are 400 per line.
 */
export async function receive(
  deps: WarehouseDeps,
  actor: Actor,
  warehouseId: string,
  input: ReceiptInput,
): Promise<Receipt> {
  requirePermission(actor, 'warehouse.stock');
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  return deps.db.transaction(async (tx) => {
    const tenantId = actor.tenantId;
    const supplierId = input.supplierCode
      ? await requireSupplierId(tx, tenantId, input.supplierCode, 'supplierCode')
      : null;
    const items = await findItemsBySku(
      tx,
      tenantId,
      input.lines.map((line) => line.sku),
    );
    const dock = await requireLocationByCode(tx, tenantId, warehouseId, RECEIVING_DOCK, 'warehouse');
    const targets = await checkLines(tx, tenantId, warehouseId, input, items);
    const id = newId();
    await storeReceipt(tx, {
      tenantId,
      id,
      warehouseId,
      supplierId,
      reference: input.reference ?? null,
      receivedAt,
      createdByUserId: actor.userId,
    });
    const at = { receiptId: id, supplierId, actorUserId: actor.userId, receivedAt, now };
    const moves = await receiptMoves(tx, tenantId, warehouseId, input, { items, dock, targets, at });
    await recordMoves(tx, tenantId, moves);
    return {
      id,
      warehouseId,
      supplierId,
      reference: input.reference ?? null,
      receivedAt: receivedAt.toISOString(),
      moves: moves.length,
    };
  });
}

/**
 * Each line's putaway location (undefined: the line stays at the dock), or 400 naming every line
 * with an unknown SKU, a catch-weight item without weight or a putaway target that is no storage.
 */
async function checkLines(
  tx: Db,
  tenantId: string,
  warehouseId: string,
  input: ReceiptInput,
  items: Map<string, ReceivedItem>,
): Promise<(LocationRow | undefined)[]> {
  const issues: FieldIssue[] = [];
  const targets: (LocationRow | undefined)[] = [];
  for (const [i, line] of input.lines.entries()) {
    const item = items.get(line.sku);
    if (!item) issues.push({ path: `lines.${i}.sku`, message: `no item with SKU ${line.sku}` });
    else if (item.catchWeight && line.weightKg === undefined)
      issues.push({
        path: `lines.${i}.weightKg`,
        message: `${line.sku} is a catch-weight item: give the weight`,
      });
    const target = line.putawayTo
      ? await findLocationByCode(tx, tenantId, warehouseId, line.putawayTo)
      : undefined;
    if (line.putawayTo && !target)
      issues.push({
        path: `lines.${i}.putawayTo`,
        message: `no location ${line.putawayTo} in this warehouse`,
      });
    else if (target && target.kind !== 'storage')
      issues.push({ path: `lines.${i}.putawayTo`, message: `${target.code} is not a storage location` });
    targets.push(target);
  }
  if (issues.length > 0) throw receiptInvalid(issues);
  return targets;
}

/** Per line a `receipt` move into the dock and, with a target, a `putaway` move on to it. */
async function receiptMoves(
  tx: Db,
  tenantId: string,
  warehouseId: string,
  input: ReceiptInput,
  context: {
    items: Map<string, ReceivedItem>;
    dock: LocationRow;
    targets: (LocationRow | undefined)[];
    at: {
      receiptId: string;
      supplierId: string | null;
      actorUserId: string | null;
      receivedAt: Date;
      now: Date;
    };
  },
): Promise<NewMove[]> {
  const { dock, at } = context;
  const moves: NewMove[] = [];
  for (const [i, line] of input.lines.entries()) {
    const item = context.items.get(line.sku)!;
    const lot = line.lot
      ? await findOrCreateLot(tx, tenantId, item.id, line.lot, {
          supplierId: at.supplierId,
          now: at.now,
          path: `lines.${i}.lot`,
        })
      : undefined;
    const base = {
      warehouseId,
      itemId: item.id,
      lotId: lot?.id ?? null,
      quantity: line.quantity,
      weightKg: line.weightKg ?? null,
      receiptId: at.receiptId,
      actorUserId: at.actorUserId,
      occurredAt: at.receivedAt,
    };
    moves.push({ ...base, kind: 'receipt', toLocationId: dock.id });
    const target = context.targets[i];
    if (target) moves.push({ ...base, kind: 'putaway', fromLocationId: dock.id, toLocationId: target.id });
  }
  return moves;
}
