/**
 * Test fixtures for orders and allocation: warehouses with their docks, locations, items, lots and
 * stock inserted directly (stock through the ledger writer), independent of the setup services.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { items, lots, suppliers } from '../catalog/catalog.table.js';
import { DEFAULT_LAYOUT, type AllocationPolicy, type AllocationStrategy } from '../layout/layout.contract.js';
import { locations, warehouses } from '../layout/layout.table.js';
import { recordMoves } from '../stock/ledger.service.js';

const T0 = new Date('2026-01-01T00:00:00Z');

/** A warehouse with its `RECV` and `SHIP` docks. */
export async function makeWarehouse(
  db: Db,
  tenantId: string,
  code: string,
  options: { strategy?: AllocationStrategy; policy?: AllocationPolicy } = {},
): Promise<{ id: string; code: string; recvId: string; shipId: string }> {
  const id = newId();
  await db.insert(warehouses).values({
    tenantId,
    id,
    code,
    name: `Warehouse ${code}`,
    layout: DEFAULT_LAYOUT,
    allocationStrategy: options.strategy ?? 'fifo',
    allocationPolicy: options.policy ?? 'partial',
    createdAt: T0,
    updatedAt: T0,
  });
  const recvId = await makeLocation(db, tenantId, id, 'RECV', { kind: 'receiving' });
  const shipId = await makeLocation(db, tenantId, id, 'SHIP', { kind: 'shipping' });
  return { id, code, recvId, shipId };
}

/** A location (storage unless told). */
export async function makeLocation(
  db: Db,
  tenantId: string,
  warehouseId: string,
  code: string,
  options: { kind?: string; pathRank?: number | null } = {},
): Promise<string> {
  const id = newId();
  await db.insert(locations).values({
    tenantId,
    id,
    warehouseId,
    code,
    kind: options.kind ?? 'storage',
    pathRank: options.pathRank ?? null,
    createdAt: T0,
  });
  return id;
}

/** A supplier. */
export async function makeSupplier(db: Db, tenantId: string, code: string): Promise<string> {
  const id = newId();
  await db.insert(suppliers).values({ tenantId, id, code, name: `Supplier ${code}`, createdAt: T0 });
  return id;
}

/** An item. */
export async function makeItem(
  db: Db,
  tenantId: string,
  sku: string,
  options: { catchWeight?: boolean; strategy?: AllocationStrategy; supplierId?: string } = {},
): Promise<string> {
  const id = newId();
  await db.insert(items).values({
    tenantId,
    id,
    sku,
    name: `Item ${sku}`,
    catchWeight: options.catchWeight ?? false,
    allocationStrategy: options.strategy ?? null,
    supplierId: options.supplierId ?? null,
    createdAt: T0,
    updatedAt: T0,
  });
  return id;
}

/** A lot of an item. */
export async function makeLot(
  db: Db,
  tenantId: string,
  itemId: string,
  lotNumber: string,
  options: { productionDate?: string | null; expiryDate?: string | null; supplierId?: string } = {},
): Promise<string> {
  const id = newId();
  await db.insert(lots).values({
    tenantId,
    id,
    itemId,
    lotNumber,
    productionDate: options.productionDate ?? null,
    expiryDate: options.expiryDate ?? null,
    supplierId: options.supplierId ?? null,
    createdAt: T0,
  });
  return id;
}

/** Receives `quantity` units straight into a location (a receipt move), at `at`. */
export async function putStock(
  db: Db,
  tenantId: string,
  stock: {
    warehouseId: string;
    locationId: string;
    itemId: string;
    lotId?: string | null;
    quantity: number;
    at?: Date;
  },
): Promise<void> {
  await db.transaction((tx) =>
    recordMoves(tx, tenantId, [
      {
        warehouseId: stock.warehouseId,
        kind: 'receipt',
        itemId: stock.itemId,
        lotId: stock.lotId ?? null,
        toLocationId: stock.locationId,
        quantity: stock.quantity,
        occurredAt: stock.at ?? T0,
      },
    ]),
  );
}

/** A stock row whose reservations or ledger disagree: what tests assert is empty. */
export type ReservationDrift = { stockId: string; onHand: number; reserved: number; ledgerReserved: number };

/**
 * Rows where the active reservations exceed on hand, or the allocation moves on the row (the
 * ledger's view of what is reserved) differ from the active reservations.
 */
export async function findReservationDrift(db: Db, tenantId: string): Promise<ReservationDrift[]> {
  const result = await db.execute<{ stock_id: string; on_hand: number; reserved: number; moved: number }>(sql`
    select s.id as stock_id, s.on_hand, coalesce(r.reserved, 0)::int as reserved, coalesce(m.moved, 0)::int as moved
    from stock s
    left join (select stock_id, sum(quantity) as reserved from reservations
               where tenant_id = ${tenantId} and status = 'active' group by stock_id) r on r.stock_id = s.id
    left join (select from_location_id, item_id, lot_id, sum(quantity) as moved from stock_moves
               where tenant_id = ${tenantId} and kind = 'allocation' group by 1, 2, 3) m
      on m.from_location_id = s.location_id and m.item_id = s.item_id and m.lot_id is not distinct from s.lot_id
    where s.tenant_id = ${tenantId}`);
  return result.rows
    .filter((row) => row.reserved > row.on_hand || row.reserved !== row.moved || row.reserved < 0)
    .map((row) => ({
      stockId: row.stock_id,
      onHand: row.on_hand,
      reserved: row.reserved,
      ledgerReserved: row.moved,
    }));
}
