/**
 * The ledger replayed: on hand per (location, item, lot) from the physical moves and reserved per
 * row from the allocation moves, compared with the stock table and with the active reservations.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { requireWarehouseRow } from '../layout/layout.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { setOnHandFromLedger } from './ledger.repository.js';
import { stockKey } from './stock.contract.js';
import type { RebuildReport } from './stock.contract.js';
import * as moves from './move.repository.js';
import * as repo from './stock.repository.js';

type Key = { locationId: string; itemId: string; lotId: string | null };

/**
 * Replays the warehouse's ledger and reports every stock row whose stored on-hand differs from it,
 * and how many rows' active reservations differ from the ledger's allocation moves; with `repair`
 * the stored on-hand is set to the ledger's (reservations are never changed here).
 */
export async function rebuildStock(
  deps: WarehouseDeps,
  actor: Actor,
  warehouseId: string,
  options: { repair: boolean },
): Promise<RebuildReport> {
  requirePermission(actor, 'warehouse.settings');
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const ledger = await replayLedger(tx, actor.tenantId, warehouseId);
    const stored = await repo.listStockWithReservations(tx, actor.tenantId, warehouseId);
    const storedByKey = new Map(stored.map((row) => [stockKey(row.locationId, row.itemId, row.lotId), row]));
    const keys = new Map<string, Key>([...ledger.rows].map(([key, row]) => [key, row]));
    for (const row of stored) keys.set(stockKey(row.locationId, row.itemId, row.lotId), row);
    const differing: (Key & { stored: number; fromLedger: number })[] = [];
    let reservationDifferences = 0;
    for (const [key, at] of keys) {
      const fromLedger = ledger.rows.get(key)?.onHand ?? 0;
      const row = storedByKey.get(key);
      if ((row?.onHand ?? 0) !== fromLedger) differing.push({ ...at, stored: row?.onHand ?? 0, fromLedger });
      if ((row?.reserved ?? 0) !== (ledger.rows.get(key)?.reserved ?? 0)) reservationDifferences++;
    }
    const codes = await moves.listLedgerCodes(tx, actor.tenantId, warehouseId, {
      itemIds: [...new Set(differing.map((d) => d.itemId))],
      lotIds: [...new Set(differing.flatMap((d) => (d.lotId ? [d.lotId] : [])))],
    });
    if (options.repair && differing.length > 0) {
      await setOnHandFromLedger(
        tx,
        actor.tenantId,
        differing.map((d) => ({ ...keyOf(d), warehouseId, onHand: d.fromLedger, putawayAt: now })),
      );
    }
    const differences = differing
      .map((d) => ({
        locationCode: codes.locations.get(d.locationId) ?? d.locationId,
        sku: codes.items.get(d.itemId) ?? d.itemId,
        lotNumber: d.lotId ? (codes.lots.get(d.lotId) ?? d.lotId) : null,
        stored: d.stored,
        fromLedger: d.fromLedger,
      }))
      .sort(
        (a, b) =>
          compare(a.locationCode, b.locationCode) ||
          compare(a.sku, b.sku) ||
          compare(a.lotNumber ?? '', b.lotNumber ?? ''),
      );
    return {
      moves: await moves.countMoves(tx, actor.tenantId, warehouseId),
      stockRows: stored.length,
      differences,
      reservationDifferences,
      repaired: options.repair && differing.length > 0,
    };
  });
}

/** On hand and ledger-reserved per stock key, from the warehouse's moves. */
async function replayLedger(
  tx: Parameters<typeof moves.sumLedger>[0],
  tenantId: string,
  warehouseId: string,
): Promise<{ rows: Map<string, Key & { onHand: number; reserved: number }> }> {
  const rows = new Map<string, Key & { onHand: number; reserved: number }>();
  const add = (locationId: string, group: Omit<Key, 'locationId'>, onHand: number, reserved: number) => {
    const key = stockKey(locationId, group.itemId, group.lotId);
    const row = rows.get(key) ?? {
      locationId,
      itemId: group.itemId,
      lotId: group.lotId,
      onHand: 0,
      reserved: 0,
    };
    row.onHand += onHand;
    row.reserved += reserved;
    rows.set(key, row);
  };
  for (const group of await moves.sumLedger(tx, tenantId, warehouseId)) {
    if (group.allocation) {
      if (group.fromLocationId) add(group.fromLocationId, group, 0, group.quantity);
      continue;
    }
    if (group.fromLocationId) add(group.fromLocationId, group, -group.quantity, 0);
    if (group.toLocationId) add(group.toLocationId, group, group.quantity, 0);
  }
  return { rows };
}

function keyOf(key: Key): Key {
  return { locationId: key.locationId, itemId: key.itemId, lotId: key.lotId };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
