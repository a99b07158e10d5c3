/** The shipping label (面单), 100 × 150 mm for label printers that take PDF. */
import type { DocumentLang, OrderDocument } from './document.contract.js';
import {
  documentLabels,
  formatAddress,
  formatKg,
  orderQrText,
  type DocumentLabels,
} from './document-labels.js';
import { code128Png, FONT, mm, qrPng, renderPdf, type Pdf } from '../../../platform/pdf/pdf-toolkit.js';

const WIDTH = mm(100);
const HEIGHT = mm(150);
const MARGIN = mm(5);
const INNER = WIDTH - 2 * MARGIN;

/**
 * Renders the 100 × 150 mm label of `order`: carrier, an urgent mark for urgent orders, recipient and
 * destination, a Code128 of the reference, a QR of `{id, ref}` and the weight when every item has one.
 */
export async function renderShippingLabel(order: OrderDocument, lang: DocumentLang): Promise<Buffer> {
  const labels = documentLabels(lang);
  const refCode = await code128Png(order.externalRef);
  const qr = await qrPng(orderQrText(order));
  return renderPdf(
    { size: [WIDTH, HEIGHT], margin: MARGIN, title: `${labels.shippingLabel} ${order.externalRef}` },
    (doc) => {
      drawCarrier(doc, order, labels);
      let y = drawRecipient(doc, order, labels, MARGIN + 36);
      drawRule(doc, y);
      doc.image(refCode, MARGIN, y + 8, { width: INNER, height: 64 });
      drawReference(doc, order.externalRef, y + 76);
      y += 100;
      drawRule(doc, y);
      doc.image(qr, WIDTH - MARGIN - 90, y + 8, { width: 90 });
      drawFacts(doc, order, labels, y);
    },
  );
}

/** The carrier, and a black urgent mark beside it for urgent orders. */
function drawCarrier(doc: Pdf, order: OrderDocument, labels: DocumentLabels): void {
  doc
    .font(FONT.bold)
    .fontSize(20)
    .text(order.carrier ?? '—', MARGIN, MARGIN, { width: INNER - 80, ...lines(1, 24) });
  if (order.priority === 'urgent') {
    doc.rect(WIDTH - MARGIN - 72, MARGIN, 72, 28).fill('#000000');
    doc
      .fillColor('#FFFFFF')
      .fontSize(16)
      .text(labels.urgent, WIDTH - MARGIN - 72, MARGIN + 4, { width: 72, align: 'center' });
    doc.fillColor('#000000');
  }
}

/** A rule at `y`, then the recipient, address and store below it; answers where the next rule goes. */
function drawRecipient(doc: Pdf, order: OrderDocument, labels: DocumentLabels, y: number): number {
  drawRule(doc, y);
  const destination = order.destination;
  doc
    .font(FONT.bold)
    .fontSize(13)
    .text(
      [order.recipientName, destination.contact, destination.phone].filter(Boolean).join('  ') || '—',
      MARGIN,
      y + 6,
      { width: INNER, ...lines(2, 16) },
    );
  doc
    .font(FONT.regular)
    .fontSize(12)
    .text(formatAddress(destination) || '—', MARGIN, doc.y, { width: INNER, ...lines(3, 15) });
  if (destination.store)
    doc.text(`${labels.store}: ${destination.store}`, MARGIN, doc.y, { width: INNER, ...lines(1, 15) });
  return Math.max(doc.y + 6, MARGIN + 130);
}

/** Reference, warehouse, pieces, weight and priority beside the QR code, from `y` down. */
function drawFacts(doc: Pdf, order: OrderDocument, labels: DocumentLabels, y: number): void {
  const facts = [
    `${labels.orderRef}: ${order.externalRef}`,
    `${labels.warehouse}: ${order.warehouseCode}`,
    `${labels.quantity}: ${order.pieces}`,
    `${labels.weight}: ${order.weightKg === null ? '—' : `${formatKg(order.weightKg)} kg`}`,
    `${labels.priority}: ${labels.priorities[order.priority]}`,
  ];
  doc.font(FONT.regular).fontSize(10);
  let top = y + 10;
  for (const fact of facts) {
    // Each fact below the one before, a long one wrapped to at most three lines.
    doc.text(fact, MARGIN, top, { width: INNER - 96, ...lines(3, 12.5) });
    top = Math.max(doc.y, top + 15);
  }
}

/** The reference under its barcode: one line, in a smaller size when long, two lines at the smallest. */
function drawReference(doc: Pdf, ref: string, y: number): void {
  doc.font(FONT.bold).fontSize(12);
  const size = Math.max(6, Math.min(12, (12 * INNER) / doc.widthOfString(ref)));
  doc.fontSize(size).text(ref, MARGIN, y, { width: INNER, align: 'center', ...lines(2, size * 1.25) });
}

/** pdfkit options that keep a text to `count` lines of `lineHeight`, cut with an ellipsis. */
function lines(count: number, lineHeight: number): { height: number; ellipsis: true } {
  return { height: count * lineHeight, ellipsis: true };
}

function drawRule(doc: Pdf, y: number): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(WIDTH - MARGIN, y)
    .lineWidth(1.5)
    .stroke();
}
