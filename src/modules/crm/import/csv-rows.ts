/**
 * CSV text to header and rows, and rows back to CSV text. Import reports problems by line number, so
 * each row keeps the line of the file where it starts, counted the way a text editor counts.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** One data record of a CSV file: where it starts and its raw (untrimmed) values. */
export type CsvRow = { line: number; values: string[] };

/** A parsed CSV file: trimmed header names and the data rows below them. */
export type CsvRecords = { headers: string[]; rows: CsvRow[] };

/** A value a CSV cell can be written from. */
export type CsvCell = string | number | boolean | null | undefined;

/** The file is not valid CSV; `line` is where the broken record starts so the user can find it. */
export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';

  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`CSV format error in the record starting at line ${line}: ${reason}`);
  }
}

// csv-parse's sync typings do not model `info: true`, which wraps each record with its parse state.
type ParsedRecord = { record: string[]; info: { bytes: number } };

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Parses CSV text whose first record is the header; the delimiter (`,`, `;` or tab) is taken from the
 * header line. Rows with fewer or more values than the header are kept as they are, for the caller to
 * report; rows whose cells are all blank are dropped.
 * @example parseCsvRecords('name,phone\r\nAcme,010-1234\r\n').rows[0] // { line: 2, values: ['Acme', '010-1234'] }
 */
export function parseCsvRecords(text: string): CsvRecords {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  // csv-parse counts a CRLF inside quotes as two lines, so lines are worked out from byte offsets.
  const lines = lineLocator(Buffer.from(source, 'utf8'));
  let lastEnd = 0;
  let parsed: ParsedRecord[];
  try {
    parsed = parse(source, {
      delimiter: detectDelimiter(source),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      // A stray quote inside an unquoted value (`15" monitor`) is kept as text, as Excel does.
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      on_record: (record, context) => {
        lastEnd = context.bytes;
        return record;
      },
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) throw new CsvFormatError(lines.at(lastEnd), describe(error));
    throw error;
  }

  let previousEnd = 0;
  const records: CsvRow[] = [];
  for (const { record, info } of parsed) {
    const line = lines.at(previousEnd);
    previousEnd = info.bytes;
    if (record.every((value) => value.trim() === '')) continue;
    records.push({ line, values: record });
  }
  const [header, ...rows] = records;
  return { headers: header ? header.values.map((name) => name.trim()) : [], rows };
}

/**
 * Writes a header and rows as CSV with CRLF line endings, quoting where needed and defusing cells a
 * spreadsheet would run as a formula (see `guardFormulaCell`).
 */
export function stringifyCsv(headers: string[], rows: CsvCell[][]): string {
  const table = [headers, ...rows].map((row) => row.map((cell) => guardFormulaCell(cellText(cell))));
  return stringify(table, { record_delimiter: 'windows', quote_record_delimiter: true });
}

/**
 * Prefixes `'` to a cell Excel or LibreOffice would evaluate: one starting with `=`, `@`, tab or CR,
 * or with `+`/`-` followed by anything but digits, spaces and `.,()+-`. Phone numbers (`+86 138 0013
 * 8000`) and signed numbers (`-5`) stay as they are: without letters or symbols they can at worst
 * be read as arithmetic, never call a function or another program. A cell that already looks guarded
 * (`'=x`) gets one more `'`, so `unguardFormulaCell` can always undo exactly what was added.
 */
export function guardFormulaCell(cell: string): string {
  return isFormulaLike(cell) ? `'${cell}` : cell;
}

/** Undoes `guardFormulaCell`, so a file we exported imports back to the values it came from. */
export function unguardFormulaCell(cell: string): string {
  return cell.startsWith("'") && isFormulaLike(cell.slice(1)) ? cell.slice(1) : cell;
}

function isFormulaLike(cell: string): boolean {
  const bare = cell.replace(/^'+/, '');
  const first = bare.charAt(0);
  if (first === '=' || first === '@' || first === '\t' || first === '\r') return true;
  if (first === '+' || first === '-') return !/^[0-9 .,()+-]*$/.test(bare.slice(1));
  return false;
}

function cellText(cell: CsvCell): string {
  if (cell == null) return '';
  // csv-stringify would write booleans as 1 and empty; words read back unambiguously.
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return String(cell);
}

/** The candidate that occurs most often, outside quotes, in the first line; `,` when none does. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** Maps byte offsets (rising) to 1-based line numbers; blank lines at an offset belong to no record. */
function lineLocator(buf: Buffer): { at: (offset: number) => number } {
  let position = 0;
  let line = 1;
  const step = () => {
    if (buf[position] === 0x0d && buf[position + 1] === 0x0a) position++;
    position++;
    line++;
  };
  return {
    at(offset) {
      while (position < offset) {
        if (buf[position] === 0x0a || buf[position] === 0x0d) step();
        else position++;
      }
      // Empty lines skipped by the parser sit between the previous record and this one.
      while (buf[position] === 0x0a || buf[position] === 0x0d) step();
      return line;
    },
  };
}

function describe(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed (a `"` is missing)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted value is followed by more text before the next delimiter';
    case 'CSV_MAX_RECORD_SIZE':
      return 'the record is too long';
    default:
      return error.message;
  }
}
