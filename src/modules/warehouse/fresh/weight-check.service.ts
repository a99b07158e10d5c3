/**
 * Weight checks of fresh goods: when an order ships, every catch-weight line's weighed-out weight
 * is shared over the stock rows it was picked from and judged against what those units weighed in;
 * a loss above the tenant's tolerance per day is flagged, naming who weighed in and who weighed out.
 */
import { findUserNames, type UserName } from '../../access/index.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { getWarehouseSettings } from '../settings/warehouse-settings.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import {
  daysBetween,
  judgeWeightLoss,
  pickKey,
  roundKg,
  splitWeighedOut,
  type PickedUnits,
} from './weigh-out.js';
import type { WeighedBy, WeightCheck, WeightCheckPage, WeightCheckQuery } from './weight-check.contract.js';
import { weightCheckCursorInvalid } from './weight-check.errors.js';
import * as repo from './weight-check.repository.js';

/** Units an order line takes from a stock row (one reservation or several on the same row). */
export type LinePick = {
  lineNo: number;
  stockId: string;
  itemId: string;
  lotId: string | null;
  quantity: number;
};

/** What weighing out decided per `pickKey(line, stock row)`: the units' weight in (null: unknown) and out. */
export type WeighedPicks = Map<string, { kgPerUnitIn: number | null; weighedOutKg: number }>;

/**
 * Weighs out an order's catch-weight lines inside the shipping transaction, before the picks move
 * the goods (the stock rows are read as they were weighed in; lock them first). Shares each line's
 * weight over its stock rows by what they weighed in and stores a weight check per line and row
 * that has a weight in. Returns the shares, for the pick and shipment moves.
 */
export async function weighOutPicks(
  tx: Db,
  actor: Actor,
  shipment: { warehouseId: string; orderId: string; weighedOutAt: Date },
  picks: LinePick[],
  lineWeights: Map<number, number>,
): Promise<WeighedPicks> {
  const tenantId = actor.tenantId;
  const weighed = picks.filter((pick) => lineWeights.has(pick.lineNo));
  if (weighed.length === 0) return new Map();
  const weighIns = new Map(
    (
      await repo.listWeighIns(
        tx,
        tenantId,
        weighed.map((pick) => pick.stockId),
      )
    ).map((row) => [row.stockId, row]),
  );
  const kgPerUnitOf = (stockId: string): number | null => {
    const row = weighIns.get(stockId);
    return row && row.weightKg !== null && row.weightKg > 0 && row.onHand > 0
      ? row.weightKg / row.onHand
      : null;
  };
  const units: (LinePick & PickedUnits)[] = weighed.map((pick) => ({
    ...pick,
    kgPerUnit: kgPerUnitOf(pick.stockId),
  }));
  const shares = splitWeighedOut(units, lineWeights);
  const { weightLossTolerancePerDay } = await getWarehouseSettings(tx, tenantId);
  const result: WeighedPicks = new Map();
  const checks: repo.NewWeightCheckRow[] = [];
  for (const pick of units) {
    const key = pickKey(pick.lineNo, pick.stockId);
    const weighedOutKg = shares.get(key)!;
    result.set(key, { kgPerUnitIn: pick.kgPerUnit, weighedOutKg });
    const weighIn = weighIns.get(pick.stockId);
    if (pick.kgPerUnit === null || !weighIn) continue;
    checks.push(
      checkOf(actor, shipment, { ...pick, kgPerUnit: pick.kgPerUnit }, weighIn, {
        weighedOutKg,
        tolerancePerDay: weightLossTolerancePerDay,
      }),
    );
  }
  await repo.insertWeightChecks(tx, checks);
  return result;
}

/** The weight check of one pick whose units weighed in at `pick.kgPerUnit`, judged against the tolerance. */
function checkOf(
  actor: Actor,
  shipment: { warehouseId: string; orderId: string; weighedOutAt: Date },
  pick: LinePick & { kgPerUnit: number },
  weighIn: repo.WeighInRow,
  out: { weighedOutKg: number; tolerancePerDay: number },
): repo.NewWeightCheckRow {
  const weighedInKg = roundKg(pick.kgPerUnit * pick.quantity);
  const loss = judgeWeightLoss({
    weighedInKg,
    weighedOutKg: out.weighedOutKg,
    days: daysBetween(weighIn.putawayAt, shipment.weighedOutAt),
    tolerancePerDay: out.tolerancePerDay,
  });
  return {
    tenantId: actor.tenantId,
    id: newId(),
    warehouseId: shipment.warehouseId,
    orderId: shipment.orderId,
    lineNo: pick.lineNo,
    itemId: pick.itemId,
    lotId: pick.lotId,
    stockId: pick.stockId,
    quantity: pick.quantity,
    weighedInKg,
    weighedOutKg: out.weighedOutKg,
    ...loss,
    weighedInByUserId: weighIn.weighedInByUserId,
    weighedOutByUserId: actor.userId,
    weighedInAt: weighIn.putawayAt,
    weighedOutAt: shipment.weighedOutAt,
  };
}

/** The tenant's weight checks, newest first, filtered by warehouse, flag and order (`warehouse.read`). */
export async function listWeightChecks(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  query: WeightCheckQuery,
): Promise<WeightCheckPage> {
  requirePermission(actor, 'warehouse.read');
  const after = decodeCursor(query.after);
  const rows = await repo.listWeightCheckRows(deps.db, actor.tenantId, {
    ...query,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const users = await findUserNames(
    deps.db,
    page.flatMap((row) => [row.weighedInByUserId, row.weighedOutByUserId]),
  );
  return {
    items: page.map((row) => toWeightCheck(row, users)),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify([last.weighedOutAt.toISOString(), last.id])).toString('base64url')
        : null,
  };
}

function decodeCursor(cursor: string | undefined): repo.WeightCheckCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    )
      return [value[0], value[1]];
  } catch {
    // falls through to the error below
  }
  throw weightCheckCursorInvalid();
}

function toWeightCheck(row: repo.WeightCheckReadRow, users: Map<string, UserName>): WeightCheck {
  const user = (id: string | null): WeighedBy =>
    id ? { id, name: users.get(id)?.name ?? '', email: users.get(id)?.email ?? '' } : null;
  return {
    id: row.id,
    warehouseId: row.warehouseId,
    orderId: row.orderId,
    externalRef: row.externalRef,
    lineNo: row.lineNo,
    itemId: row.itemId,
    sku: row.sku,
    itemName: row.itemName,
    unit: row.unit,
    lotId: row.lotId,
    lotNumber: row.lotNumber,
    locationCode: row.locationCode,
    quantity: row.quantity,
    weighedInKg: row.weighedInKg,
    weighedOutKg: row.weighedOutKg,
    days: row.days,
    lossRatio: row.lossRatio,
    allowedRatio: row.allowedRatio,
    overTolerance: row.overTolerance,
    weighedInBy: user(row.weighedInByUserId),
    weighedOutBy: user(row.weighedOutByUserId),
    weighedInAt: row.weighedInAt.toISOString(),
    weighedOutAt: row.weighedOutAt.toISOString(),
  };
}
