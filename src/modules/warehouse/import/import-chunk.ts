/**
 * What the three import kinds share: a chunk of rows is checked in memory against what it refers to
 * (loaded with one query per table), then its good rows are written with one statement per table.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import type { WarehouseRow } from '../layout/layout.service.js';
import { RowRejected } from './import-values.js';
import type { WarehouseImportReport } from './import.contract.js';

/** A row's cells by field. */
export type Cells = Record<string, string | undefined>;

/** One data row of the file: its line number and its cells. */
export type ImportRow = { line: number; cells: Cells };

/** A rejected row as reported. */
export type Rejection = WarehouseImportReport['rejected'][number];

/** How a chunk's rows came out. */
export type ChunkOutcome = { created: number; updated: number; rejected: Rejection[] };

/** What every chunk of one import needs. */
export type ImportContext = {
  tenantId: string;
  actor: Actor;
  now: Date;
  warehouse: WarehouseRow | undefined;
  /** The stock import's receipt; `stored` once a committed chunk has written it. */
  receipt: { id: string; stored: boolean } | undefined;
};

/** Imports one chunk of rows inside `tx`; throws ChunkRaced when the database moved under it. */
export type ChunkImporter = (tx: Db, context: ImportContext, rows: ImportRow[]) => Promise<ChunkOutcome>;

/**
 * Another request stored a row the chunk had looked up as missing (or changed one it read) between
 * the lookup and the write: the chunk's transaction is rolled back and the chunk run again.
 */
export class ChunkRaced extends Error {
  override readonly name = 'ChunkRaced';
}

/**
 * Runs `check` for a row and answers its value, or records the rejection and answers undefined. A
 * `RowRejected` or an `AppError` (the services' own checks; not `forbidden`) rejects the row; anything
 * else aborts the import.
 */
export function checkRow<T>(row: ImportRow, rejected: Rejection[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    rejected.push(rejectionOf(row.line, error));
    return undefined;
  }
}

/** The report entry of an error a row caused; rethrows anything that is not the row's fault. */
export function rejectionOf(line: number, error: unknown): Rejection {
  if (error instanceof RowRejected) return { row: line, field: error.field, message: error.message };
  if (isAppError(error) && error.kind !== 'forbidden') {
    const issue = error.issues?.[0];
    return { row: line, field: columnOf(issue?.path ?? 'row'), message: issue?.message ?? error.message };
  }
  throw error;
}

/** The CSV column an input field of the services was read from. */
function columnOf(path: string): string {
  if (path === 'supplierCode') return 'supplier';
  if (path === 'allocationStrategy') return 'strategy';
  return path.split('.')[0]!;
}
