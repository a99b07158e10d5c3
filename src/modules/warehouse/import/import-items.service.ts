/**
 * The items import, a chunk at a time: items are matched by SKU; a known SKU is updated with the
 * cells given (an empty cell leaves the field), a new one needs a name. A SKU twice in the file is
 * created by its first row and updated by the later ones.
 */
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { unknownSupplier } from '../catalog/catalog.errors.js';
import {
  findItemsBySku,
  findSuppliersByCodes,
  insertItems,
  updateItemsGiven,
  type ItemFieldChanges,
} from '../catalog/catalog.service.js';
import {
  ChunkRaced,
  checkRow,
  type ChunkOutcome,
  type ImportContext,
  type ImportRow,
} from './import-chunk.js';
import { itemInputOf, RowRejected } from './import-values.js';

/** What the chunk will store under a SKU: the fields its good rows gave, later rows winning. */
type Target = { sku: string; stored: boolean; fields: ItemFieldChanges };

/** Imports a chunk of item rows (see the file comment). */
export async function importItemChunk(
  tx: Db,
  context: ImportContext,
  rows: ImportRow[],
): Promise<ChunkOutcome> {
  const outcome: ChunkOutcome = { created: 0, updated: 0, rejected: [] };
  const parsed = rows.flatMap((row) => {
    const input = checkRow(row, outcome.rejected, () => itemInputOf(row.cells));
    return input ? [{ row, input }] : [];
  });
  const stored = await findItemsBySku(
    tx,
    context.tenantId,
    parsed.map(({ input }) => input.sku),
  );
  const suppliers = await findSuppliersByCodes(
    tx,
    context.tenantId,
    parsed.flatMap(({ input }) => (input.supplierCode === undefined ? [] : [input.supplierCode])),
  );
  const targets = new Map<string, Target>();
  for (const { row, input } of parsed) {
    const inDb = stored.get(input.sku);
    const known =
      targets.get(input.sku) ?? (inDb && { sku: input.sku, stored: true, fields: { id: inDb.id } });
    const changes = checkRow(row, outcome.rejected, (): Omit<ItemFieldChanges, 'id'> => {
      if (!known && input.name === undefined) throw new RowRejected('name', 'required for a new SKU');
      const code = input.supplierCode;
      const supplier = code === undefined ? undefined : suppliers.get(code);
      if (code !== undefined && !supplier) throw unknownSupplier('supplierCode', code);
      return {
        name: input.name,
        unit: input.unit,
        weightKg: input.weightKg,
        barcode: input.barcode,
        catchWeight: input.catchWeight,
        allocationStrategy: input.allocationStrategy,
        supplierId: supplier?.id,
      };
    });
    if (!changes) continue;
    if (known) outcome.updated++;
    else outcome.created++;
    const fields = { ...(known?.fields ?? { id: newId() }), ...definedOnly(changes) };
    targets.set(input.sku, { sku: input.sku, stored: known?.stored ?? false, fields });
  }
  await writeTargets(tx, context, [...targets.values()]);
  outcome.rejected.sort((a, b) => a.row - b.row);
  return outcome;
}

async function writeTargets(tx: Db, context: ImportContext, targets: Target[]): Promise<void> {
  const inserts = targets
    .filter((target) => !target.stored)
    .map(({ sku, fields }) => ({ ...fields, sku, name: fields.name! }));
  const inserted = await insertItems(tx, context.tenantId, inserts, context.now);
  if (inserted.length !== inserts.length) throw new ChunkRaced('an item was created meanwhile');
  const updates = targets.filter((target) => target.stored).map((target) => target.fields);
  const updated = await updateItemsGiven(tx, context.tenantId, updates, context.now);
  if (updated.length !== updates.length) throw new ChunkRaced('an item was removed meanwhile');
}

/** `changes` without the fields the row left out, so they do not undo an earlier row's. */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
