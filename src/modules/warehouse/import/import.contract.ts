/** CSV import of locations, items and stock: the per-row report. */
import { z } from 'zod';

export const IMPORT_KINDS = ['locations', 'items', 'stock'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** Every row is accounted for: created, updated (items matched by SKU, locations by code) or rejected. */
export const WarehouseImportReport = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});
export type WarehouseImportReport = z.infer<typeof WarehouseImportReport>;
