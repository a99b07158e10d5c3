/** Which zones each picker of a warehouse owns (they take the tasks of those zones). */
import { isMemberOf } from '../../access/index.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { requireWarehouseRow } from '../layout/layout.service.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import * as sources from './pick-source.repository.js';
import * as repo from './pick-task.repository.js';
import { PICKING_ERRORS, type PickerZones, type PickerZonesInput } from './picking.contract.js';

/** The warehouse's pickers and the zones each owns. */
export async function getPickerZones(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  warehouseId: string,
): Promise<PickerZones> {
  requirePermission(actor, 'warehouse.read');
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  return readPickerZones(deps.db, actor.tenantId, warehouseId);
}

async function readPickerZones(db: Db, tenantId: string, warehouseId: string): Promise<PickerZones> {
  const rows = await repo.listPickerZones(db, tenantId, warehouseId);
  const byUser = new Map<string, string[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.zone]);
  return { warehouseId, assignments: [...byUser].map(([userId, zones]) => ({ userId, zones })) };
}

/**
 * Replaces the warehouse's picker zones: every user a member of the tenant (400
 * `warehouse.picker_zones.unknown_user` naming `assignments.n.userId`), every zone one of the
 * warehouse's (400 `warehouse.picker_zones.unknown_zone` naming `assignments.n.zones.m`).
 */
export async function savePickerZones(
  deps: WarehouseDeps,
  actor: Actor,
  warehouseId: string,
  input: PickerZonesInput,
): Promise<PickerZones> {
  requirePermission(actor, 'warehouse.settings');
  await requireWarehouseRow(deps.db, actor.tenantId, warehouseId);
  const known = new Set(await sources.listZoneCodes(deps.db, actor.tenantId, warehouseId));
  const rows: { userId: string; zone: string }[] = [];
  for (const [a, entry] of input.assignments.entries()) {
    if (!(await isMemberOf(deps.db, actor.tenantId, entry.userId)))
      throw new AppError('invalid', PICKING_ERRORS.unknownUser, `No user ${entry.userId} in this tenant.`, {
        issues: [{ path: `assignments.${a}.userId`, message: 'not a member of this tenant' }],
      });
    for (const [z, zone] of entry.zones.entries()) {
      if (!known.has(zone))
        throw new AppError('invalid', PICKING_ERRORS.unknownZone, `No zone ${zone} in this warehouse.`, {
          issues: [{ path: `assignments.${a}.zones.${z}`, message: `no zone ${zone} in this warehouse` }],
        });
      if (!rows.some((row) => row.userId === entry.userId && row.zone === zone))
        rows.push({ userId: entry.userId, zone });
    }
  }
  await deps.db.transaction((tx) => repo.replacePickerZones(tx, actor.tenantId, warehouseId, rows));
  return readPickerZones(deps.db, actor.tenantId, warehouseId);
}
