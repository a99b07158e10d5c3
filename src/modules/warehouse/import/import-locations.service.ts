/**
 * The locations import, a chunk at a time: a known code is updated, a new one created; zones are
 * created the first time a good row names them; the path rank is computed from the layout. A code
 * twice in the file is created by its first row and updated by the later ones.
 */
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { Layout } from '../layout/layout.contract.js';
import { locationInvalid } from '../layout/layout.errors.js';
import {
  ensureZones,
  findLocationsByCodes,
  insertLocations,
  planLocation,
  updateLocations,
  type LocationPlacement,
} from '../layout/location.service.js';
import {
  ChunkRaced,
  checkRow,
  type ChunkOutcome,
  type ImportContext,
  type ImportRow,
} from './import-chunk.js';
import { locationInputOf } from './import-values.js';

/** A good row's location: code, zone, kind, coordinates and rank. */
type Placed = ReturnType<typeof planLocation> & { code: string };
/** A code the chunk has seen: its id, whether it is in the database already, and its kind. */
type Known = { id: string; stored: boolean; kind: string };
/** What the chunk will store under a code. */
type Target = Known & { placed: Placed };

/** Imports a chunk of location rows (see the file comment). */
export async function importLocationChunk(
  tx: Db,
  context: ImportContext,
  rows: ImportRow[],
): Promise<ChunkOutcome> {
  const warehouse = context.warehouse!;
  const outcome: ChunkOutcome = { created: 0, updated: 0, rejected: [] };
  const planned = rows.flatMap((row) => {
    const placed = checkRow(row, outcome.rejected, (): Placed => {
      const input = locationInputOf(row.cells);
      return { code: input.code, ...planLocation(warehouse.layout as Layout, input) };
    });
    return placed ? [{ row, placed }] : [];
  });
  const stored = await findLocationsByCodes(
    tx,
    context.tenantId,
    warehouse.id,
    planned.map(({ placed }) => placed.code),
  );
  const targets = new Map<string, Target>();
  const zones = new Set<string>();
  for (const { row, placed } of planned) {
    const inDb = stored.get(placed.code);
    const known: Known | undefined =
      targets.get(placed.code) ?? (inDb && { id: inDb.id, stored: true, kind: inDb.kind });
    const accepted = checkRow(row, outcome.rejected, () => {
      if (known && known.kind !== placed.kind && known.kind !== 'storage')
        throw locationInvalid('kind', `${placed.code} is the ${known.kind} dock and stays one`);
      return true;
    });
    if (!accepted) continue;
    if (known) outcome.updated++;
    else outcome.created++;
    targets.set(placed.code, {
      id: known?.id ?? newId(),
      stored: known?.stored ?? false,
      kind: placed.kind,
      placed,
    });
    if (placed.zone) zones.add(placed.zone);
  }
  await writeTargets(tx, context, [...targets.values()], zones);
  outcome.rejected.sort((a, b) => a.row - b.row);
  return outcome;
}

async function writeTargets(
  tx: Db,
  context: ImportContext,
  targets: Target[],
  zones: Set<string>,
): Promise<void> {
  const warehouseId = context.warehouse!.id;
  const zoneIds = await ensureZones(
    tx,
    context.tenantId,
    warehouseId,
    [...zones].map((code) => ({ id: newId(), code })),
    context.now,
  );
  const rowOf = ({ id, placed }: Target): { id: string; code: string } & LocationPlacement => ({
    id,
    code: placed.code,
    zoneId: placed.zone ? zoneIds.get(placed.zone)! : null,
    kind: placed.kind,
    aisle: placed.aisle,
    block: placed.block,
    slot: placed.slot,
    level: placed.level,
    pathRank: placed.pathRank,
  });
  const inserts = targets.filter((target) => !target.stored).map(rowOf);
  const updates = targets.filter((target) => target.stored).map(rowOf);
  const inserted = await insertLocations(tx, context.tenantId, warehouseId, inserts, context.now);
  if (inserted.length !== inserts.length) throw new ChunkRaced('a location was created meanwhile');
  const updated = await updateLocations(tx, context.tenantId, updates);
  if (updated.length !== updates.length) throw new ChunkRaced('a location was changed meanwhile');
}
