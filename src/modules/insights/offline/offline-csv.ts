/**
 * An uploaded offline list to a header and rows. Chinese Excel saves "CSV" in GB18030 unless told
 * otherwise, so the encoding is guessed: a UTF-8 byte order mark decides, else valid UTF-8 is UTF-8
 * (it is almost never accidental), else GB18030. Rows are numbered as a spreadsheet shows them
 * (the header is row 1, blank rows count, a quoted multi-line cell is one row).
 */
import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { importEmpty, importMalformed, importUnreadable } from './offline-import.errors.js';

/** The encodings an upload is read in. */
export type OfflineCsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** One data row: its number in the file and its raw cells. */
export type OfflineCsvRow = { row: number; values: string[] };

/** A decoded, parsed upload. */
export type OfflineCsv = { encoding: OfflineCsvEncoding; headers: string[]; rows: OfflineCsvRow[] };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const WORKBOOK_MAGIC = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0xd0, 0xcf, 0x11, 0xe0])];

/** Decodes upload bytes: BOM, else UTF-8 when valid, else GB18030. */
export function decodeOfflineCsv(bytes: Buffer): { text: string; encoding: OfflineCsvEncoding } {
  if (bytes.subarray(0, 3).equals(UTF8_BOM))
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

/**
 * Reads an upload: empty files, workbooks, binary data and broken quoting are a 400 that says why;
 * rows whose cells are all blank are left out.
 * @example readOfflineCsv(Buffer.from('事件,手机\n到场,13800138000\n')).rows // [{ row: 2, values: ['到场', '13800138000'] }]
 */
export function readOfflineCsv(bytes: Buffer): OfflineCsv {
  if (bytes.length === 0) throw importEmpty();
  if (WORKBOOK_MAGIC.some((magic) => bytes.subarray(0, 4).equals(magic))) {
    throw importUnreadable('this is an Excel workbook; save it as "CSV UTF-8" first');
  }
  const { text, encoding } = decodeOfflineCsv(bytes);
  if (text.includes('\u0000')) throw importUnreadable('it is not a text file');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError) throw importMalformed(recordOf(error), error.message);
    throw error;
  }
  const numbered = records
    .map((values, index) => ({ row: index + 1, values }))
    .filter(({ values }) => values.some((value) => value.trim() !== ''));
  const [header, ...rows] = numbered;
  if (!header) throw importEmpty();
  return { encoding, headers: header.values.map((name) => name.trim()), rows };
}

/** `,`, `;` or tab, whichever occurs most often outside quotes in the first line. */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char]!++;
  }
  return Object.entries(counts).reduce((best, entry) => (entry[1] > best[1] ? entry : best), [',', 0])[0];
}

function recordOf(error: CsvError): number {
  const records = (error as CsvError & { records?: number }).records;
  return typeof records === 'number' ? records + 1 : 1;
}
