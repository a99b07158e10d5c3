/**
 * The quote (报价单) as an A4 PDF: title, quote number as text and Code128, seller and customer, the
 * quoted lines, the totals, the validity and the note, all in the quote's language.
 */
import {
  code128Png,
  drawTableHeader,
  drawTableRow,
  FONT,
  renderPdf,
  type Column,
  type Pdf,
} from '../../../platform/pdf/pdf-toolkit.js';
import type { Quote } from './quote.contract.js';
import {
  formatChinaDay,
  formatMoney,
  formatPercent,
  formatQuantity,
  quoteLabels,
  type QuoteLabels,
} from './quote-labels.js';

const MARGIN = 40;
const ROW_HEIGHT = 16;
const PAGE_BOTTOM = 841.89 - MARGIN;

/** Renders `quote` as an A4 PDF. */
export async function renderQuotePdf(quote: Quote): Promise<Buffer> {
  const labels = quoteLabels(quote.language);
  const barcode = await code128Png(quote.number);
  return renderPdf({ size: 'A4', margin: MARGIN, title: `${labels.title} ${quote.number}` }, (doc) => {
    let y = drawHeading(doc, quote, labels, barcode);
    y = drawLines(doc, quote, labels, y);
    y = drawTotals(doc, quote, labels, y);
    drawClosing(doc, quote, labels, y);
  });
}

/** Title, barcode with the number under it, and the facts of the quote; the y below them. */
function drawHeading(doc: Pdf, quote: Quote, labels: QuoteLabels, barcode: Buffer): number {
  const right = doc.page.width - MARGIN;
  doc.font(FONT.bold).fontSize(22).text(labels.title, MARGIN, MARGIN);
  doc.image(barcode, right - 190, MARGIN, { fit: [190, 40], align: 'right' });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .text(quote.number, right - 190, MARGIN + 42, { width: 190, align: 'right' });
  const facts: [string, string][] = [
    [labels.seller, quote.sellerName],
    [labels.customer, quote.customerName],
    [labels.number, quote.number],
    [labels.version, String(quote.version)],
    [labels.date, formatChinaDay(new Date(quote.createdAt))],
    [labels.validUntil, quote.validUntil],
    [labels.currency, quote.currency],
  ];
  let y = MARGIN + 70;
  for (const [label, value] of facts) {
    doc.font(FONT.bold).fontSize(10).text(`${label}${labels.colon}`, MARGIN, y, { width: 80 });
    doc
      .font(FONT.regular)
      .fontSize(10)
      .text(value, MARGIN + 82, y, { width: 400, lineBreak: false });
    y += 15;
  }
  return y + 10;
}

/** The table columns (515 points across an A4 page less margins). */
function columns(labels: QuoteLabels): Column[] {
  return [
    { header: labels.lineNo, width: 24 },
    { header: labels.product, width: 148 },
    { header: labels.sku, width: 70 },
    { header: labels.quantity, width: 45, align: 'right' },
    { header: labels.unitPrice, width: 72, align: 'right' },
    { header: labels.discount, width: 43, align: 'right' },
    { header: labels.taxRate, width: 40, align: 'right' },
    { header: labels.amount, width: 73, align: 'right' },
  ];
}

/** The quoted lines, a new page (with the header again) when one is full; the y below them. */
function drawLines(doc: Pdf, quote: Quote, labels: QuoteLabels, top: number): number {
  const cols = columns(labels);
  const money = (minor: number) => formatMoney(minor, quote.currency, quote.language);
  let y = drawTableHeader(doc, cols, MARGIN, top);
  for (const line of quote.lines) {
    if (y + ROW_HEIGHT > PAGE_BOTTOM) {
      doc.addPage();
      y = drawTableHeader(doc, cols, MARGIN, MARGIN);
    }
    const cells = [
      String(line.lineNo),
      line.name,
      line.sku ?? '',
      formatQuantity(line.quantity, quote.language),
      money(line.unitPrice),
      line.discountPercent ? formatPercent(line.discountPercent) : '',
      formatPercent(line.taxRate * 100),
      money(line.net),
    ];
    drawTableRow(doc, cols, cells, MARGIN, y);
    y += ROW_HEIGHT;
  }
  const width = cols.reduce((sum, column) => sum + column.width, 0);
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + width, y)
    .lineWidth(0.5)
    .stroke();
  return y + 8;
}

/** Subtotal, discount, tax and total, right-aligned under the table; the y below them. */
function drawTotals(doc: Pdf, quote: Quote, labels: QuoteLabels, top: number): number {
  const money = (minor: number) => formatMoney(minor, quote.currency, quote.language);
  const rows: [string, string, boolean][] = [
    [labels.subtotal, money(quote.totals.subtotal), false],
    [labels.discount, money(-quote.totals.discount), false],
    [labels.tax, money(quote.totals.tax), false],
    [labels.total, money(quote.totals.total), true],
  ];
  let y = top;
  if (y + rows.length * 16 > PAGE_BOTTOM) {
    doc.addPage();
    y = MARGIN;
  }
  const right = doc.page.width - MARGIN;
  for (const [label, value, bold] of rows) {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(bold ? 11 : 10);
    doc.text(label, right - 260, y, { width: 150, align: 'right' });
    doc.text(value, right - 105, y, { width: 105, align: 'right' });
    y += 16;
  }
  return y + 10;
}

/** The validity sentence and the note. */
function drawClosing(doc: Pdf, quote: Quote, labels: QuoteLabels, top: number): void {
  let y = top;
  if (y + 60 > PAGE_BOTTOM) {
    doc.addPage();
    y = MARGIN;
  }
  const width = doc.page.width - 2 * MARGIN;
  doc.font(FONT.regular).fontSize(10).text(labels.validity(quote.validUntil), MARGIN, y, { width });
  if (quote.note) {
    doc.moveDown(0.8);
    doc.font(FONT.bold).text(`${labels.note}${labels.colon}`, { width });
    doc.font(FONT.regular).text(quote.note, { width });
  }
}
