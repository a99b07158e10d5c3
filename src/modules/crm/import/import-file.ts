/**
 * The uploaded file as headers and rows, and what each column feeds: the automatic mapping of
 * customer-columns.ts, the user's overrides, and columns named like one of the tenant's custom fields.
 */
import type { CrmSettings } from '../settings/crm-settings.contract.js';
import { decodeCsv, type CsvEncoding } from './csv-decode.js';
import { CsvFormatError, parseCsvRecords, type CsvRow } from './csv-rows.js';
import {
  CUSTOMER_CSV_FIELDS,
  mapHeaders,
  type ColumnOverride,
  type MappedColumn,
} from './customer-columns.js';
import type { ImportColumn } from './import.contract.js';
import { importEmpty, importMalformed, importOptionInvalid, importUnreadable } from './import.errors.js';

/** An uploaded CSV file, read. */
export type UploadedCsv = { encoding: CsvEncoding; headers: string[]; rows: CsvRow[] };

/** The columns of a file: what each feeds, for reading rows and for the report. */
export type FileColumns = {
  mapping: (MappedColumn | null)[];
  columns: ImportColumn[];
  unmapped: string[];
  missingRequired: string[];
};

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Decodes and parses an upload; empty, binary and broken files are a 400 that says why. */
export function readUpload(bytes: Buffer | undefined): UploadedCsv {
  if (!bytes || bytes.length === 0) throw importEmpty();
  const head = bytes.subarray(0, 4);
  if (head.equals(ZIP) || head.equals(OLE)) {
    throw importUnreadable('this is an Excel workbook; save it as "CSV UTF-8" first');
  }
  const { text, encoding } = decodeCsv(bytes);
  if (text.includes('\u0000')) throw importUnreadable('it is not a text file');
  try {
    const { headers, rows } = parseCsvRecords(text);
    if (headers.every((header) => header === '')) throw importEmpty();
    return { encoding, headers, rows };
  } catch (error) {
    if (error instanceof CsvFormatError) throw importMalformed(error.line, error.message);
    throw error;
  }
}

/** Header spellings that differ only in case, spaces, `_`, `-` and `/` are the same header. */
const looseHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_\-/]+/g, '');

/**
 * What each column feeds. `map` overrides by header (a field, `custom.<key>` or `ignore`); a column
 * the automatic mapping leaves out but named like a custom field (its label or key) feeds it; a
 * `custom.<key>` column for a field this tenant does not define feeds nothing and is listed as unmapped.
 */
export function mapColumns(
  headers: string[],
  map: Record<string, string>,
  settings: CrmSettings,
): FileColumns {
  const known = new Set(headers.map(looseHeader));
  for (const [header, target] of Object.entries(map)) {
    if (!known.has(looseHeader(header)))
      throw importOptionInvalid('map', `no column "${header}" in this file`);
    const field = target !== 'ignore' && !target.startsWith('custom.');
    if (field && !(CUSTOMER_CSV_FIELDS as readonly string[]).includes(target)) {
      throw importOptionInvalid(
        'map',
        `"${header}": no field "${target}" (one of ${CUSTOMER_CSV_FIELDS.join(', ')})`,
      );
    }
  }
  const byLabel = new Map<string, string>();
  for (const def of settings.customFields)
    byLabel.set(looseHeader(def.label), def.key).set(looseHeader(def.key), def.key);
  const automatic = mapHeaders(headers).mapping;
  const overrides: Record<string, ColumnOverride> = {};
  headers.forEach((header, i) => {
    const key = automatic[i] === null ? byLabel.get(looseHeader(header)) : undefined;
    if (key) overrides[header] = `custom.${key}`;
  });
  const mapped = mapHeaders(headers, { ...overrides, ...(map as Record<string, ColumnOverride>) });
  const defined = new Set(settings.customFields.map((def) => def.key));
  const unmapped = new Set(mapped.unmapped);
  const columns = headers.map((header, i): ImportColumn => {
    const column = mapped.mapping[i] ?? null;
    if (column && 'custom' in column && !defined.has(column.custom)) unmapped.add(header);
    return { header, target: targetOf(column, defined) };
  });
  return {
    mapping: mapped.mapping,
    columns,
    unmapped: headers.filter((header) => unmapped.has(header)),
    missingRequired: mapped.missingRequired,
  };
}

function targetOf(column: MappedColumn | null, defined: Set<string>): string | null {
  if (column === null) return null;
  if ('field' in column) return column.field;
  if ('custom' in column) return defined.has(column.custom) ? `custom.${column.custom}` : null;
  if ('firstName' in column) return 'firstName';
  if ('lastName' in column) return 'lastName';
  return 'companyName';
}
