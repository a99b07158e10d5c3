/** Reading PDFs in tests: the text of every page, the page sizes and the decoded barcode images. */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';

/** A decoded barcode: its symbology and text. */
export type Decoded = { format: string; text: string };

/** The text of every page of a PDF, one item per line, and the decoded contents of its images. */
export async function inspectPdf(
  bytes: Buffer,
): Promise<{ text: string; barcodes: Decoded[]; sizes: number[][] }> {
  const loaded = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const lines: string[] = [];
  const barcodes: Decoded[] = [];
  const sizes: number[][] = [];
  for (let number = 1; number <= loaded.numPages; number++) {
    const page = await loaded.getPage(number);
    sizes.push(page.view);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) lines.push(item.str);
    const operators = await page.getOperatorList();
    for (let index = 0; index < operators.fnArray.length; index++) {
      if (operators.fnArray[index] !== pdfjs.OPS.paintImageXObject) continue;
      const name = (operators.argsArray[index] as [string])[0];
      const image = await new Promise<PdfImage>((resolve) => {
        page.objs.get(name, (data: PdfImage) => resolve(data));
      });
      barcodes.push(decodeImage(image));
    }
  }
  await loaded.destroy();
  return { text: lines.join('\n'), barcodes, sizes };
}

type PdfImage = { width: number; height: number; kind: number; data: Uint8ClampedArray };

/** Decodes a Code128 or QR from the image's pixels (alpha over white, with a quiet border). */
function decodeImage(image: PdfImage): Decoded {
  const channels = image.kind === 3 ? 4 : image.kind === 2 ? 3 : 1;
  const pad = 20;
  const width = image.width + 2 * pad;
  const height = image.height + 2 * pad;
  const luminance = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const at = (y * image.width + x) * channels;
      const d = image.data;
      const grey = channels === 1 ? d[at]! : (d[at]! + d[at + 1]! + d[at + 2]!) / 3;
      const alpha = channels === 4 ? d[at + 3]! / 255 : 1;
      luminance[(y + pad) * width + x + pad] = grey * alpha + 255 * (1 - alpha);
    }
  }
  // The images are the barcodes alone (no photo around them): PURE_BARCODE reads the module grid
  // directly. zxing-js's finder-pattern detector misses ~1 in 6 of these synthetic QR codes (their
  // modules decode fine), which made this test fail now and then with random order ids.
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE]],
    [DecodeHintType.TRY_HARDER, true],
    [DecodeHintType.PURE_BARCODE, true],
  ]);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  const result = new MultiFormatReader().decode(bitmap, hints);
  return { format: BarcodeFormat[result.getBarcodeFormat()], text: result.getText() };
}

/** A run of text on a page, in PDF points from the page's bottom left. */
export type TextBox = { page: number; text: string; x: number; y: number; width: number; height: number };

/** Every non-blank run of text of a PDF with its box (baseline to ascent), page by page. */
export async function textBoxes(bytes: Buffer): Promise<{ boxes: TextBox[]; pages: number }> {
  const loaded = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const boxes: TextBox[] = [];
  for (let number = 1; number <= loaded.numPages; number++) {
    const content = await (await loaded.getPage(number)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x, y] = item.transform as number[];
      boxes.push({ page: number, text: item.str, x: x!, y: y!, width: item.width, height: item.height });
    }
  }
  const pages = loaded.numPages;
  await loaded.destroy();
  return { boxes, pages };
}

/** The pairs of text runs that print over each other (more than a point of overlap both ways). */
export function overlappingText(boxes: TextBox[]): [string, string][] {
  const clash = (a: TextBox, b: TextBox) =>
    a.page === b.page &&
    Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 &&
    Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1;
  const pairs: [string, string][] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) if (clash(a, b)) pairs.push([a.text, b.text]);
  });
  return pairs;
}
