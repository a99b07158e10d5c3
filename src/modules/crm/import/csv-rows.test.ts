import { describe, expect, it } from 'vitest';
import {
  CsvFormatError,
  guardFormulaCell,
  parseCsvRecords,
  stringifyCsv,
  unguardFormulaCell,
} from './csv-rows.js';

function formatError(run: () => unknown): CsvFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvFormatError) return error;
    throw error;
  }
  throw new Error('expected a CsvFormatError');
}

describe('parseCsvRecords', () => {
  it('reads quoted values holding delimiters and doubled quotes', () => {
    const { headers, rows } = parseCsvRecords('name,note\n"Acme, Inc.","say ""hi"""\n');
    expect(headers).toEqual(['name', 'note']);
    expect(rows).toEqual([{ line: 2, values: ['Acme, Inc.', 'say "hi"'] }]);
  });

  it('trims header names but keeps values as written', () => {
    const { headers, rows } = parseCsvRecords(' name , phone \n Acme ,1\n');
    expect(headers).toEqual(['name', 'phone']);
    expect(rows[0]?.values).toEqual([' Acme ', '1']);
  });

  it('numbers each row by the line where it starts, past newlines inside quotes', () => {
    const text = 'name,address\n"王芳","浙江省\n杭州市\n西湖区"\nAcme,"line1\nline2"\nLast,x\n';
    expect(parseCsvRecords(text).rows).toEqual([
      { line: 2, values: ['王芳', '浙江省\n杭州市\n西湖区'] },
      { line: 5, values: ['Acme', 'line1\nline2'] },
      { line: 7, values: ['Last', 'x'] },
    ]);
  });

  it('reads CRLF files, counting a CRLF inside quotes as one line', () => {
    const text = 'name,note\r\nA,"x\r\ny"\r\nB,z\r\nC,w';
    expect(parseCsvRecords(text).rows).toEqual([
      { line: 2, values: ['A', 'x\r\ny'] },
      { line: 4, values: ['B', 'z'] },
      { line: 5, values: ['C', 'w'] },
    ]);
  });

  it('keeps line numbers right when Excel puts LF line breaks inside a CRLF file', () => {
    const text = 'name,note\r\nA,"x\ny"\r\nB,z\r\n';
    expect(parseCsvRecords(text).rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('skips empty and blank lines without shifting line numbers', () => {
    const text = 'name,phone\n\nA,1\n\r\n,\n  \nB,2\n\n';
    expect(parseCsvRecords(text).rows).toEqual([
      { line: 3, values: ['A', '1'] },
      { line: 7, values: ['B', '2'] },
    ]);
  });

  it('detects semicolon and tab delimiters from the header line', () => {
    expect(parseCsvRecords('name;note\nAcme;"a,b"\n').rows[0]?.values).toEqual(['Acme', 'a,b']);
    expect(parseCsvRecords('name\tnote\nAcme\ta,b; c\n').rows[0]?.values).toEqual(['Acme', 'a,b; c']);
  });

  it('ignores delimiters inside quoted header names when detecting', () => {
    expect(parseCsvRecords('"a,b,c";d;e\n1;2;3\n').headers).toEqual(['a,b,c', 'd', 'e']);
  });

  it('keeps short and long rows as they are, for the caller to report', () => {
    const { rows } = parseCsvRecords('a,b,c\n1,2\n1,2,3,4\n');
    expect(rows).toEqual([
      { line: 2, values: ['1', '2'] },
      { line: 3, values: ['1', '2', '3', '4'] },
    ]);
  });

  it('keeps a stray quote inside an unquoted value as text', () => {
    expect(parseCsvRecords('name,size\nMonitor,27" wide\n').rows[0]?.values).toEqual(['Monitor', '27" wide']);
  });

  it('ignores a leading BOM', () => {
    expect(parseCsvRecords('\ufeffname\nA\n').headers).toEqual(['name']);
  });

  it('returns nothing for an empty file and no rows for a header alone', () => {
    expect(parseCsvRecords('')).toEqual({ headers: [], rows: [] });
    expect(parseCsvRecords('name,phone\r\n')).toEqual({ headers: ['name', 'phone'], rows: [] });
  });

  it('names the line where a record with an unclosed quote starts', () => {
    const error = formatError(() => parseCsvRecords('name,note\nA,ok\n\nB,"never closed\nC,d\nE,f\n'));
    expect(error.line).toBe(4);
    expect(error.message).toContain('line 4');
    expect(error.message).toContain('never closed');
    expect(error).toBeInstanceOf(Error);
  });

  it('names the line of an unclosed quote after multi-line and multi-byte records', () => {
    const error = formatError(() => parseCsvRecords('名称,备注\r\n王芳,"一\r\n二"\r\n"坏\r\n'));
    expect(error.line).toBe(4);
  });

  it('names line 1 when the header itself is broken', () => {
    expect(formatError(() => parseCsvRecords('"name,phone\nA,1\n')).line).toBe(1);
  });
});

describe('stringifyCsv', () => {
  it('writes CRLF and quotes values that need it', () => {
    expect(stringifyCsv(['name', 'note'], [['Acme, Inc.', 'say "hi"']])).toBe(
      'name,note\r\n"Acme, Inc.","say ""hi"""\r\n',
    );
  });

  it('writes numbers, booleans and empties readably', () => {
    expect(stringifyCsv(['a', 'b', 'c', 'd', 'e'], [[1.5, true, false, null, undefined]])).toBe(
      'a,b,c,d,e\r\n1.5,true,false,,\r\n',
    );
  });

  it('round-trips through parseCsvRecords, newlines and Chinese included', () => {
    const headers = ['name', 'address', 'phone'];
    const rows = [
      ['杭州云帆科技有限公司', '浙江省\n杭州市', '+86 138 0013 8000'],
      ['Acme; "Ltd"', 'a,b\r\nc', '-5'],
      ['', 'only address', ''],
    ];
    const parsed = parseCsvRecords(stringifyCsv(headers, rows));
    expect(parsed.headers).toEqual(headers);
    expect(parsed.rows.map((row) => row.values)).toEqual(rows);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 4, 6]);
  });

  it('defuses formula cells so a spreadsheet shows them as text', () => {
    const csv = stringifyCsv(['v'], [['=HYPERLINK("http://x","y")'], ['@SUM(A1)'], ['+cmd|x'], ['-2+3*A1']]);
    const values = parseCsvRecords(csv).rows.map((row) => row.values[0]);
    expect(values).toEqual(['\'=HYPERLINK("http://x","y")', "'@SUM(A1)", "'+cmd|x", "'-2+3*A1"]);
  });
});

describe('guardFormulaCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['@A1', "'@A1"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-cmd', "'-cmd"],
    ['+1 (555) 123-4567 ext', "'+1 (555) 123-4567 ext"],
    ["'=already", "''=already"],
  ])('prefixes %j', (cell, guarded) => {
    expect(guardFormulaCell(cell)).toBe(guarded);
  });

  it.each(['+86 138 0013 8000', '+1 (555) 123-4567', '-5', '-1.5', '+3', '-', '--', 'a=b', "O'Brien", ''])(
    'leaves %j alone',
    (cell) => {
      expect(guardFormulaCell(cell)).toBe(cell);
    },
  );

  it('is undone by unguardFormulaCell, which leaves other apostrophes alone', () => {
    for (const cell of ['=1+1', '@A1', '-cmd', '+86 138 0013 8000', "'quoted'", "'=x"]) {
      expect(unguardFormulaCell(guardFormulaCell(cell))).toBe(cell);
    }
    expect(unguardFormulaCell("'hello")).toBe("'hello");
  });
});
