/**
 * What shipping an order writes, worked out from its reservations: the catch-weight lines' weights,
 * the picks to weigh out, the parcels per line and lot, and the moves. Pure: no query here.
 */
import type { FieldIssue } from '../../../platform/errors.js';
import { pickKey, roundKg } from '../fresh/weight-check.contract.js';
import type { LinePick, WeighedPicks } from '../fresh/weight-check.service.js';
import type { ShipOrderInput } from '../orders/order.contract.js';
import { weightsInvalid } from '../orders/order.errors.js';
import type { OrderLineRow, ReservationRow } from '../orders/order-state.service.js';
import type { NewMove } from '../stock/stock.contract.js';

/** One shipped unit group: a line's units of one lot. */
export type Parcel = {
  lineNo: number;
  itemId: string;
  lotId: string | null;
  quantity: number;
  weightKg: number | null;
};

/**
 * The weight weighed out per catch-weight line that has reservations; 400 when such a line has no
 * weight or a weight names no line.
 */
export function weightsOf(
  active: ReservationRow[],
  lines: OrderLineRow[],
  weights: ShipOrderInput['weights'],
): Map<number, number> {
  const issues: FieldIssue[] = [];
  const weightOf = new Map(weights.map((w) => [w.lineNo, w.weightKg]));
  weights.forEach((w, index) => {
    if (!lines.some((line) => line.lineNo === w.lineNo))
      issues.push({ path: `weights.${index}.lineNo`, message: `no line ${w.lineNo}` });
  });
  const lineWeights = new Map<number, number>();
  for (const line of lines) {
    if (!line.catchWeight || !active.some((r) => r.lineNo === line.lineNo)) continue;
    const weight = weightOf.get(line.lineNo);
    if (weight === undefined)
      issues.push({
        path: 'weights',
        message: `line ${line.lineNo} (${line.sku}) is catch-weight: weigh it`,
      });
    else lineWeights.set(line.lineNo, weight);
  }
  if (issues.length > 0) throw weightsInvalid(issues);
  return lineWeights;
}

/** The reservations summed per line and stock row. */
export function linePicksOf(active: ReservationRow[]): LinePick[] {
  const picks = new Map<string, LinePick>();
  for (const r of active) {
    const key = pickKey(r.lineNo, r.stockId);
    const pick = picks.get(key);
    if (pick) pick.quantity += r.quantity;
    else
      picks.set(key, {
        lineNo: r.lineNo,
        stockId: r.stockId,
        itemId: r.itemId,
        lotId: r.lotId,
        quantity: r.quantity,
      });
  }
  return [...picks.values()];
}

/**
 * The reservations grouped per line and lot; a catch-weight line's lots weigh what their stock rows
 * were weighed out at (shared by what they weighed in, see `weighOutPicks`).
 */
export function parcelsOf(active: ReservationRow[], weighed: WeighedPicks): Parcel[] {
  const parcels = new Map<string, Parcel>();
  const counted = new Set<string>();
  for (const r of active) {
    const key = `${r.lineNo}|${r.lotId ?? ''}`;
    const parcel = parcels.get(key) ?? {
      lineNo: r.lineNo,
      itemId: r.itemId,
      lotId: r.lotId,
      quantity: 0,
      weightKg: null,
    };
    parcel.quantity += r.quantity;
    const pick = pickKey(r.lineNo, r.stockId);
    const share = weighed.get(pick);
    // Several reservations on one row share one weighed-out weight: count it once.
    if (share && !counted.has(pick)) {
      counted.add(pick);
      parcel.weightKg = roundKg((parcel.weightKg ?? 0) + share.weighedOutKg);
    }
    parcels.set(key, parcel);
  }
  return [...parcels.values()];
}

/**
 * The moves of shipping `active`: per reservation its release (a negative allocation move) and its
 * pick to the shipping dock, then per parcel its shipment out of the dock.
 */
export function shipMoves(
  active: ReservationRow[],
  parcels: Parcel[],
  weighed: WeighedPicks,
  base: {
    warehouseId: string;
    orderId: string;
    actorUserId: string | null;
    occurredAt: Date;
    shipDockId: string;
  },
): NewMove[] {
  const { shipDockId, ...common } = base;
  const moves: NewMove[] = [];
  for (const r of active) {
    const line = { ...common, itemId: r.itemId, lotId: r.lotId, orderLineNo: r.lineNo };
    const kgPerUnitIn = weighed.get(pickKey(r.lineNo, r.stockId))?.kgPerUnitIn ?? null;
    moves.push({
      ...line,
      kind: 'allocation',
      fromLocationId: r.locationId,
      quantity: -r.quantity,
      reason: 'pick',
    });
    // A weighed-in row gives up its weight per unit, so what stays keeps weighing what it did.
    moves.push({
      ...line,
      kind: 'pick',
      fromLocationId: r.locationId,
      toLocationId: shipDockId,
      quantity: r.quantity,
      weightKg: kgPerUnitIn === null ? null : roundKg(kgPerUnitIn * r.quantity),
    });
  }
  for (const p of parcels)
    moves.push({
      ...common,
      kind: 'shipment',
      itemId: p.itemId,
      lotId: p.lotId,
      orderLineNo: p.lineNo,
      fromLocationId: shipDockId,
      quantity: p.quantity,
      weightKg: p.weightKg,
    });
  return moves;
}

/** The units shipped per order line (lines with none left out), for the shipped event. */
export function shippedLines(lines: OrderLineRow[], parcels: Parcel[]): { sku: string; quantity: number }[] {
  return lines
    .map((line) => ({
      sku: line.sku,
      quantity: parcels.filter((p) => p.lineNo === line.lineNo).reduce((s, p) => s + p.quantity, 0),
    }))
    .filter((line) => line.quantity > 0);
}
