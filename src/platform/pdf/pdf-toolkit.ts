/**
 * What the PDF renderers share: a pdfkit document with the embedded CJK font (Noto Sans SC, subset
 * to the glyphs used), Code128 and QR images from bwip-js, and a small table helper.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/** The font names documents use: Noto Sans SC regular and bold. */
export const FONT = { regular: 'NotoSansSC', bold: 'NotoSansSC-Bold' } as const;

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

const fontCache = new Map<keyof typeof FONT_FILES, Buffer>();

/** The TTF bytes (about 10 MB each), read once per process; resolved as a package so it works from dist/. */
function fontBytes(weight: keyof typeof FONT_FILES): Buffer {
  let bytes = fontCache.get(weight);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FONT_FILES[weight]));
    fontCache.set(weight, bytes);
  }
  return bytes;
}

/** A pdfkit document. */
export type Pdf = InstanceType<typeof PDFDocument>;

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

/**
 * Draws a document with `draw` and returns its bytes. Both weights of the CJK font are registered;
 * pdfkit embeds only the glyphs drawn (a subset as /FontFile2).
 */
export async function renderPdf(
  options: { size: [number, number] | 'A4'; margin: number; title: string },
  draw: (doc: Pdf) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: options.size,
    margin: options.margin,
    info: { Title: options.title, Producer: 'Kehu', Creator: 'Kehu' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT.regular, fontBytes('regular'));
  doc.registerFont(FONT.bold, fontBytes('bold'));
  doc.font(FONT.regular);
  draw(doc);
  doc.end();
  return finished;
}

/** A Code128 barcode as a PNG (white background, human-readable text left to the document). */
export async function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 2,
    height: 10,
    paddingwidth: 10,
    paddingheight: 2,
    backgroundcolor: 'FFFFFF',
  });
}

/** A QR code as a PNG (BWIPP's default error correction M, quiet zone included). */
export async function qrPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'qrcode',
    text,
    scale: 3,
    paddingwidth: 4,
    paddingheight: 4,
    backgroundcolor: 'FFFFFF',
  });
}

/**
 * A table column: header, width in points, alignment; `wrap` cells print whole over as many lines as
 * they need (the row grows), the others are clipped to one line.
 */
export type Column = { header: string; width: number; align?: 'left' | 'right' | 'center'; wrap?: boolean };

/** Draws a header row of `columns` at `y` with a rule under it; returns the y below it. */
export function drawTableHeader(doc: Pdf, columns: Column[], x: number, y: number): number {
  doc.font(FONT.bold).fontSize(9);
  let left = x;
  let tallest = 12;
  for (const column of columns) {
    const options = { width: column.width - 4, align: column.align ?? 'left' } as const;
    doc.text(column.header, left + 2, y, options);
    // A header that wraps in a narrow column pushes the rule down rather than print over the rows.
    tallest = Math.max(tallest, doc.heightOfString(column.header, options));
    left += column.width;
  }
  const bottom = y + tallest + 2;
  doc.moveTo(x, bottom).lineTo(left, bottom).lineWidth(0.8).stroke();
  doc.font(FONT.regular);
  return bottom + 4;
}

/** The text options of a cell of `column`. */
function cellOptions(column: Column) {
  const common = { width: column.width - 4, align: column.align ?? 'left' } as const;
  return column.wrap ? common : { ...common, lineBreak: false, ellipsis: true, height: 12 };
}

/** The height the cells of one row take (at least one line): the tallest wrapped cell. */
export function tableRowHeight(doc: Pdf, columns: Column[], cells: string[]): number {
  doc.fontSize(9);
  let tallest = 12;
  columns.forEach((column, index) => {
    if (column.wrap) tallest = Math.max(tallest, doc.heightOfString(cells[index] ?? '', cellOptions(column)));
  });
  return tallest;
}

/** Draws one row of cell texts at `y`: wrapped columns whole, the others clipped to one line. */
export function drawTableRow(doc: Pdf, columns: Column[], cells: string[], x: number, y: number): void {
  doc.fontSize(9);
  let left = x;
  columns.forEach((column, index) => {
    doc.text(cells[index] ?? '', left + 2, y, cellOptions(column));
    left += column.width;
  });
}
