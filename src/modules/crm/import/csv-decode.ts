/**
 * Bytes of an uploaded CSV file to text and back. Customers arrive from Excel as often as from other
 * systems, and Chinese Excel saves "CSV" in GB18030 unless told otherwise, so the encoding is guessed
 * rather than assumed.
 */
import iconv from 'iconv-lite';

/** The encodings an uploaded CSV file is recognised in. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** The encodings we write exports in; `utf-8-bom` is what Excel needs to show Chinese correctly. */
export type CsvExportEncoding = Extract<CsvEncoding, 'utf-8' | 'utf-8-bom' | 'gb18030'>;

/** A decoded file and the encoding it was read in, so a re-export can match what the user sent. */
export type DecodedCsv = { text: string; encoding: CsvEncoding };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Decodes an uploaded CSV file: a byte order mark decides when present, otherwise the bytes are read
 * as UTF-8 if they are valid UTF-8 and as GB18030 if not (valid UTF-8 is almost never accidental).
 * @example decodeCsv(readFileSync('customers.csv')).text
 */
export function decodeCsv(bytes: Uint8Array | Buffer): DecodedCsv {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buf, UTF8_BOM)) {
    // A BOM is a clear statement of UTF-8; stray invalid bytes become U+FFFD rather than a guess.
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16le', { stripBOM: false }), encoding: 'utf-16le' };
  }
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16be', { stripBOM: false }), encoding: 'utf-16be' };
  }
  const utf8 = decodeUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
}

/**
 * Encodes CSV text for download; pick `utf-8-bom` for Excel users, `gb18030` for old Excel versions
 * that ignore the byte order mark.
 */
export function encodeCsv(text: string, encoding: CsvExportEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}

function decodeUtf8(buf: Uint8Array): string | undefined {
  try {
    // ignoreBOM keeps a second BOM as text instead of silently eating it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
}
