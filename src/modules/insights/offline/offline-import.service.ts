/**
 * Importing offline touchpoints (salon attendance, trade-show scans) from a CSV file into an
 * offline source. Every row gets an outcome: stored, duplicate (its message id was seen, e.g. the
 * same file imported again) or rejected with the column and reason; valid rows are stored even when
 * others are rejected. Rows go to the store a thousand at a time, each chunk its own transaction.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { requestMaintenance } from '../../../platform/db/maintain.js';
import type { InsightsDeps } from '../insights-deps.js';
import { ingestMessages } from '../ingest/ingest.service.js';
import type { SourceRef, TouchpointMessage } from '../message/message.contract.js';
import { getSourceByIdOrName } from '../source/source.service.js';
import { readOfflineCsv } from './offline-csv.js';
import {
  OFFLINE_IMPORT_CHUNK_ROWS,
  OFFLINE_IMPORT_MAX_BYTES,
  type OfflineImportRejection,
  type OfflineImportReport,
} from './offline-import.contract.js';
import { importMissingColumn, importTooLarge, importWrongSource } from './offline-import.errors.js';
import { mapOfflineColumns, readOfflineRow } from './offline-row.js';

type RowMessages = { identify: TouchpointMessage | undefined; track: TouchpointMessage };

/** Imports a CSV file (UTF-8, UTF-8 with BOM or GB18030) into the offline source `sourceIdOrName`. */
export async function importOfflineTouchpoints(
  deps: InsightsDeps,
  actor: Actor,
  sourceIdOrName: string,
  bytes: Buffer,
): Promise<OfflineImportReport> {
  requirePermission(actor, 'touchpoints.import');
  const source = await getSourceByIdOrName(deps, actor.tenantId, sourceIdOrName);
  if (source.kind !== 'offline') throw importWrongSource('not_offline', source.name);
  if (source.disabled) throw importWrongSource('disabled', source.name);
  if (bytes.length > OFFLINE_IMPORT_MAX_BYTES) throw importTooLarge(OFFLINE_IMPORT_MAX_BYTES);
  const file = readOfflineCsv(bytes);
  const columns = mapOfflineColumns(file.headers);
  if (!columns.fields.includes('event')) throw importMissingColumn('event (事件)');
  const receivedAt = deps.clock.now();
  const context = {
    sourceId: source.id,
    columns,
    receivedAt,
    emailKey: (raw: string) => deps.crm.emailKey(raw),
    phoneKey: (raw: string) => deps.crm.phoneKey(raw),
  };
  const rejected: OfflineImportRejection[] = [];
  const accepted: RowMessages[] = [];
  for (const { row, values } of file.rows) {
    const result = readOfflineRow(context, row, values);
    if (result.ok) accepted.push(result);
    else rejected.push(result.rejection);
  }
  const outcome = await storeInChunks(deps, source.ref, accepted, receivedAt);
  await requestMaintenance(deps.db, deps.clock, { rows: outcome.stored, reason: 'insights.offline_import' });
  return { ...outcome, rejected };
}

/**
 * Stores the rows chunk by chunk: first the chunk's identifies (so the track finds the person its
 * email or phone names), then its tracks, which are what the report counts.
 */
async function storeInChunks(
  deps: InsightsDeps,
  source: SourceRef,
  rows: RowMessages[],
  receivedAt: Date,
): Promise<{ stored: number; duplicates: number }> {
  let stored = 0;
  let duplicates = 0;
  for (let start = 0; start < rows.length; start += OFFLINE_IMPORT_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + OFFLINE_IMPORT_CHUNK_ROWS);
    const identifies = chunk.flatMap((row) => row.identify ?? []);
    if (identifies.length > 0) await ingestMessages(deps, source, identifies, receivedAt);
    const outcome = await ingestMessages(
      deps,
      source,
      chunk.map((row) => row.track),
      receivedAt,
    );
    stored += outcome.stored;
    duplicates += outcome.duplicates;
  }
  return { stored, duplicates };
}
