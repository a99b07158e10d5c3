/** The columns each warehouse import reads, by their English and Chinese header names. */
import type { ImportKind } from './import.contract.js';

type Column = { field: string; names: string[]; required?: boolean };

/** Columns of each import kind: the field, the header names that mean it, and whether it must be there. */
export const IMPORT_COLUMNS: Record<ImportKind, Column[]> = {
  locations: [
    { field: 'code', names: ['code', '货位', '货位编码', '库位'], required: true },
    { field: 'zone', names: ['zone', '库区'] },
    { field: 'aisle', names: ['aisle', '巷道'] },
    { field: 'block', names: ['block', '区段'] },
    { field: 'slot', names: ['slot', '货位号'] },
    { field: 'level', names: ['level', '层'] },
    { field: 'kind', names: ['kind', '类型'] },
  ],
  items: [
    { field: 'sku', names: ['sku', '编码', '商品编码'], required: true },
    { field: 'name', names: ['name', '名称', '商品名称'] },
    { field: 'unit', names: ['unit', '单位'] },
    { field: 'weightKg', names: ['weightkg', 'weight', '重量'] },
    { field: 'barcode', names: ['barcode', '条码'] },
    { field: 'catchWeight', names: ['catchweight', '称重'] },
    { field: 'strategy', names: ['strategy', 'allocationstrategy', '策略'] },
    { field: 'supplier', names: ['supplier', 'suppliercode', '供应商'] },
  ],
  stock: [
    { field: 'location', names: ['location', '货位'], required: true },
    { field: 'sku', names: ['sku', '编码', '商品编码'], required: true },
    { field: 'lot', names: ['lot', 'lotnumber', '批次', '批号'] },
    { field: 'productionDate', names: ['productiondate', '生产日期'] },
    { field: 'expiryDate', names: ['expirydate', '有效期', '有效期至'] },
    { field: 'quantity', names: ['quantity', 'qty', '数量'], required: true },
    { field: 'weightKg', names: ['weightkg', 'weight', '重量'] },
    { field: 'putawayAt', names: ['putawayat', '上架时间'] },
  ],
};

/** Which column index holds each field, and the required fields no header names. */
export function mapColumns(
  kind: ImportKind,
  headers: string[],
): { index: Map<string, number>; missing: string[] } {
  const index = new Map<string, number>();
  const normalized = headers.map((h) => h.replace(/[\s_-]/g, '').toLowerCase());
  for (const column of IMPORT_COLUMNS[kind]) {
    const at = normalized.findIndex((h) => column.names.includes(h));
    if (at >= 0) index.set(column.field, at);
  }
  const missing = IMPORT_COLUMNS[kind].filter((c) => c.required && !index.has(c.field)).map((c) => c.field);
  return { index, missing };
}

/** A row's cells by field: trimmed, empty cells left out. */
export function cellsOf(values: string[], index: Map<string, number>): Record<string, string | undefined> {
  const cells: Record<string, string | undefined> = {};
  for (const [field, at] of index) {
    const value = values[at]?.trim();
    if (value) cells[field] = value;
  }
  return cells;
}
