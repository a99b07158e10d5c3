/** Cells of an import row to typed inputs; a cell that cannot be read rejects its row. */
import type { z } from 'zod';
import { CreateItemInput, type LotInput } from '../catalog/catalog.contract.js';
import { CreateLocationInput, type LocationKind } from '../layout/layout.contract.js';

/** A row that cannot be imported, with the column (field) at fault. */
export class RowRejected extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type Cells = Record<string, string | undefined>;

const KINDS: Record<string, LocationKind> = {
  storage: 'storage',
  receiving: 'receiving',
  shipping: 'shipping',
  存储: 'storage',
  收货: 'receiving',
  发货: 'shipping',
};
const STRATEGIES: Record<string, 'fifo' | 'fefo' | 'nearest'> = {
  fifo: 'fifo',
  fefo: 'fefo',
  nearest: 'nearest',
  先进先出: 'fifo',
  近效期先出: 'fefo',
  就近: 'nearest',
};
const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  y: true,
  n: false,
  '1': true,
  '0': false,
  是: true,
  否: false,
};

// Built once: zod compiles a schema on its first use, so a schema made per row costs a compile per row.
const ItemRowInput = CreateItemInput.partial({ name: true });

/** A location row as `CreateLocationInput`. */
export function locationInputOf(cells: Cells): CreateLocationInput {
  const kind = cells.kind === undefined ? undefined : KINDS[cells.kind.toLowerCase()];
  if (cells.kind !== undefined && !kind) throw new RowRejected('kind', 'storage, receiving or shipping');
  return checked(CreateLocationInput, {
    code: required(cells, 'code'),
    zone: cells.zone,
    kind,
    aisle: int(cells, 'aisle'),
    block: int(cells, 'block'),
    slot: int(cells, 'slot'),
    level: int(cells, 'level'),
  });
}

/** An item row as `CreateItemInput`; `name` may be missing for an update of a known SKU. */
export function itemInputOf(cells: Cells): Omit<CreateItemInput, 'name'> & { name?: string } {
  const strategy = cells.strategy === undefined ? undefined : STRATEGIES[cells.strategy.toLowerCase()];
  if (cells.strategy !== undefined && !strategy) throw new RowRejected('strategy', 'fifo, fefo or nearest');
  const catchWeight = cells.catchWeight === undefined ? undefined : BOOLEANS[cells.catchWeight.toLowerCase()];
  if (cells.catchWeight !== undefined && catchWeight === undefined)
    throw new RowRejected('catchWeight', 'true or false (是/否)');
  return checked(ItemRowInput, {
    sku: required(cells, 'sku'),
    name: cells.name,
    unit: cells.unit,
    weightKg: decimal(cells, 'weightKg'),
    barcode: cells.barcode,
    catchWeight,
    allocationStrategy: strategy,
    supplierCode: cells.supplier,
  });
}

/** A stock row: where, what, which lot, how many, and when it was put away. */
export type StockLine = {
  location: string;
  sku: string;
  lot: LotInput | undefined;
  quantity: number;
  weightKg: number | undefined;
  putawayAt: Date | undefined;
};

/** A stock row as a `StockLine`. */
export function stockLineOf(cells: Cells): StockLine {
  const quantity = int(cells, 'quantity');
  if (quantity === undefined || quantity < 1)
    throw new RowRejected('quantity', 'a whole number of at least 1');
  const productionDate = isoDate(cells, 'productionDate');
  const expiryDate = isoDate(cells, 'expiryDate');
  if (!cells.lot && (productionDate || expiryDate)) throw new RowRejected('lot', 'dates need a lot number');
  const weightKg = decimal(cells, 'weightKg');
  if (weightKg !== undefined && weightKg <= 0) throw new RowRejected('weightKg', 'a positive number');
  return {
    location: required(cells, 'location'),
    sku: required(cells, 'sku'),
    lot: cells.lot ? { lotNumber: cells.lot, productionDate, expiryDate } : undefined,
    quantity,
    weightKg,
    putawayAt: dateTime(cells, 'putawayAt'),
  };
}

function required(cells: Cells, field: string): string {
  const value = cells[field];
  if (value === undefined) throw new RowRejected(field, 'required');
  return value;
}

function int(cells: Cells, field: string): number | undefined {
  const value = cells[field];
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new RowRejected(field, 'a whole number');
  return Number(value);
}

function decimal(cells: Cells, field: string): number | undefined {
  const value = cells[field];
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^-?\d+(\.\d+)?$/.test(value) || !Number.isFinite(number)) throw new RowRejected(field, 'a number');
  return number;
}

function isoDate(cells: Cells, field: string): string | undefined {
  const value = cells[field];
  if (value === undefined) return undefined;
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  const iso = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : '';
  const date = new Date(`${iso}T00:00:00Z`);
  if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso)
    throw new RowRejected(field, 'a date like 2026-03-01');
  return iso;
}

/** ISO 8601 with an offset, or `YYYY-MM-DD[ HH:mm[:ss]]` read as UTC. */
function dateTime(cells: Cells, field: string): Date | undefined {
  const value = cells[field];
  if (value === undefined) return undefined;
  const bare = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/.exec(value);
  const text = bare ? `${bare[1]}T${bare[2] ?? '00:00'}Z` : value;
  const date = new Date(text);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new RowRejected(field, 'a time like 2026-03-01 14:30 or 2026-03-01T14:30:00+08:00');
  return date;
}

function checked<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new RowRejected(fieldName(String(issue.path[0] ?? 'row')), issue.message);
}

/** The column a contract field was read from. */
function fieldName(path: string): string {
  if (path === 'allocationStrategy') return 'strategy';
  if (path === 'supplierCode') return 'supplier';
  return path;
}
