/**
 * Bytes of an uploaded CSV file to header and rows. Chinese Excel saves "CSV" in GB18030 unless told
 * otherwise, so the encoding is recognised rather than assumed: a UTF-8 BOM decides, valid UTF-8 is
 * read as UTF-8, anything else as GB18030.
 */
import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { AppError } from '../../../platform/errors.js';

/** One data row: the line of the file it starts on and its cells. */
export type CsvLine = { line: number; values: string[] };

/** The file's trimmed header names and data rows. */
export type CsvTable = { headers: string[]; rows: CsvLine[] };

/** The text of an uploaded CSV file (UTF-8 with or without BOM, or GB18030). */
export function decodeCsvBytes(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

/**
 * Parses CSV text whose first record is the header (delimiter `,`, `;` or tab, taken from the header
 * line); blank rows are dropped. Broken quoting is 400 `warehouse.import.csv_invalid` with the line.
 * @example parseCsvTable('code,aisle\nA-01-01-1,1\n').rows[0] // { line: 2, values: ['A-01-01-1', '1'] }
 */
export function parseCsvTable(text: string): CsvTable {
  const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      throw new AppError(
        'invalid',
        'warehouse.import.csv_invalid',
        `The file is not valid CSV near line ${line}.`,
        {
          issues: [{ path: 'body', message: `not valid CSV near line ${line}: ${error.message}` }],
        },
      );
    }
    throw error;
  }
  const rows = records
    .filter(({ record }) => record.some((cell) => cell.trim() !== ''))
    .map(({ record, info }) => ({ line: info.lines, values: record }));
  const [header, ...data] = rows;
  return { headers: header ? header.values.map((name) => name.trim()) : [], rows: data };
}
