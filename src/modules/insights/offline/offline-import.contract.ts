/** Request and response shapes of the offline touchpoint import: the public contract of this feature. */
import { z } from 'zod';

/** The largest CSV file the import takes (about 150k rows of a typical attendance list). */
export const OFFLINE_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Rows handed to the store in one transaction. */
export const OFFLINE_IMPORT_CHUNK_ROWS = 1_000;

/** `?source=`: the offline source the rows are recorded under. */
export const OfflineImportQuery = z.object({ source: z.uuid() });
export type OfflineImportQuery = z.infer<typeof OfflineImportQuery>;

/** A row that was not imported: its row number in the file (the header is row 1), the column, why. */
export const OfflineImportRejection = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
});
export type OfflineImportRejection = z.infer<typeof OfflineImportRejection>;

/**
 * What an import did, per row: stored as new touchpoints, already stored (same message id, e.g. the
 * same file imported twice), or rejected.
 */
export const OfflineImportReport = z.object({
  stored: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(OfflineImportRejection),
});
export type OfflineImportReport = z.infer<typeof OfflineImportReport>;

/** The error codes of offline imports, as the API answers them (`code` of a problem); the web app compares against these. */
export const OFFLINE_IMPORT_ERRORS = {
  tooLarge: 'insights.import.too_large',
  empty: 'insights.import.empty',
  unreadable: 'insights.import.unreadable',
  malformed: 'insights.import.malformed',
  missingColumn: 'insights.import.missing_column',
  sourceNotOffline: 'insights.import.source_not_offline',
  sourceDisabled: 'insights.import.source_disabled',
} as const;
