/** The packing slip (装箱单): what is in the parcel and for whom, with a line to sign. */
import type { DocumentLang, DocumentLine, OrderDocument } from './document.contract.js';
import { documentLabels, formatAddress, orderQrText, type DocumentLabels } from './document-labels.js';
import {
  code128Png,
  drawTableHeader,
  drawTableRow,
  FONT,
  qrPng,
  renderPdf,
  type Column,
  type Pdf,
} from '../../../platform/pdf/pdf-toolkit.js';
import { formatZonedMinute } from '../../../platform/time-zone.js';

const MARGIN = 36;
const ROW_HEIGHT = 18;

/**
 * Renders the packing slip of `order` as an A4 PDF: reference, carrier, recipient (customer,
 * supplier or target warehouse) and full destination, a Code128 of the reference and a QR of
 * `{id, ref}`, then the lines with ordered and allocated quantities and their lots.
 */
export async function renderPackingSlip(order: OrderDocument, lang: DocumentLang): Promise<Buffer> {
  const labels = documentLabels(lang);
  const refCode = await code128Png(order.externalRef);
  const qr = await qrPng(orderQrText(order));
  return renderPdf(
    { size: 'A4', margin: MARGIN, title: `${labels.packingSlip} ${order.externalRef}` },
    (doc) => {
      let y = drawHeader(doc, order, labels, refCode, qr);
      const columns = lineColumns(labels);
      y = drawTableHeader(doc, columns, MARGIN, y);
      for (const line of order.lines) {
        if (y + ROW_HEIGHT > doc.page.height - MARGIN - 40) {
          doc.addPage();
          y = drawTableHeader(doc, columns, MARGIN, MARGIN);
        }
        drawTableRow(doc, columns, lineCells(line), MARGIN, y);
        y += ROW_HEIGHT;
      }
      const ordered = order.lines.reduce((sum, line) => sum + line.quantity, 0);
      const allocated = order.lines.reduce((sum, line) => sum + line.allocated, 0);
      doc
        .font(FONT.bold)
        .fontSize(10)
        .text(
          `${labels.total}: ${labels.ordered} ${ordered} / ${labels.allocated} ${allocated}`,
          MARGIN,
          y + 6,
        );
      doc.font(FONT.regular).text(`${labels.signature}: ____________________    ____-__-__`, MARGIN, y + 40);
    },
  );
}

function lineColumns(labels: DocumentLabels): Column[] {
  return [
    { header: '#', width: 20 },
    { header: labels.sku, width: 80 },
    { header: labels.item, width: 140 },
    { header: labels.lot, width: 163 },
    { header: labels.ordered, width: 40, align: 'right' },
    { header: labels.allocated, width: 44, align: 'right' },
    { header: labels.unit, width: 36, align: 'center' },
  ];
}

function lineCells(line: DocumentLine): string[] {
  const lots = line.lots.map((lot) => `${lot.lotNumber} ×${lot.quantity}`).join(', ');
  return [
    String(line.lineNo),
    line.sku,
    line.itemName,
    lots || '—',
    String(line.quantity),
    String(line.allocated),
    line.unit,
  ];
}

function drawHeader(
  doc: Pdf,
  order: OrderDocument,
  labels: DocumentLabels,
  refCode: Buffer,
  qr: Buffer,
): number {
  const right = doc.page.width - MARGIN;
  doc.image(qr, right - 80, MARGIN, { width: 80 });
  doc.font(FONT.bold).fontSize(20).text(labels.packingSlip, MARGIN, MARGIN);
  const destination = order.destination;
  const facts = [
    `${labels.orderRef}: ${order.externalRef}    ${labels.type}: ${labels.types[order.type] ?? order.type}`,
    `${labels.warehouse}: ${order.warehouseCode} ${order.warehouseName}    ${labels.pushedAt}: ${formatZonedMinute(order.pushedAt, order.warehouseTimeZone)}`,
    `${labels.carrier}: ${order.carrier ?? '—'}`,
    `${labels.customer}: ${order.recipientName ?? '—'}`,
    `${labels.destination}: ${formatAddress(destination) || '—'}`,
    `${labels.store}: ${destination.store ?? '—'}`,
    `${labels.contact}: ${destination.contact ?? '—'}    ${labels.phone}: ${destination.phone ?? '—'}`,
  ];
  if (order.note) facts.push(`${labels.note}: ${order.note}`);
  doc.font(FONT.regular).fontSize(10);
  let y = MARGIN + 30;
  for (const fact of facts) {
    doc.text(fact, MARGIN, y, { width: right - MARGIN - 90 });
    y = Math.max(doc.y, y + 15);
  }
  doc.image(refCode, MARGIN, y + 4, { height: 36 });
  return y + 52;
}
