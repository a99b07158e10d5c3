/** The pick list (拣货单): what to take from which location, in walking order, with a box to tick. */
import type { DocumentLang, OrderDocument, PickRow } from './document.contract.js';
import { documentLabels, orderQrText, type DocumentLabels } from './document-labels.js';
import {
  code128Png,
  drawTableHeader,
  drawTableRow,
  FONT,
  qrPng,
  renderPdf,
  tableRowHeight,
  type Column,
  type Pdf,
} from '../../../platform/pdf/pdf-toolkit.js';
import { formatZonedMinute } from '../../../platform/time-zone.js';

const MARGIN = 36;
const ROW_HEIGHT = 30;
/** Where a row's text starts below its top. */
const TEXT_TOP = 8;

/**
 * Renders the pick list of `order` as an A4 PDF: the order's reference, warehouse and priority, a
 * Code128 of the reference and a QR of `{id, ref}`, then one row per reservation with a Code128 of
 * its location code. An order without reservations says that nothing is allocated.
 */
export async function renderPickList(order: OrderDocument, lang: DocumentLang): Promise<Buffer> {
  const labels = documentLabels(lang);
  const refCode = await code128Png(order.externalRef);
  const qr = await qrPng(orderQrText(order));
  // As data URIs, which pdfkit embeds once per document however many rows show the same location.
  const locationCodes = new Map<string, string>();
  for (const row of order.pickRows) {
    if (!locationCodes.has(row.locationCode)) {
      const png = await code128Png(row.locationCode);
      locationCodes.set(row.locationCode, `data:image/png;base64,${png.toString('base64')}`);
    }
  }
  return renderPdf(
    { size: 'A4', margin: MARGIN, title: `${labels.pickList} ${order.externalRef}` },
    (doc) => {
      let y = drawHeader(doc, order, labels, refCode, qr);
      if (order.pickRows.length === 0) {
        doc
          .font(FONT.bold)
          .fontSize(12)
          .text(labels.nothingAllocated, MARGIN, y + 10);
        return;
      }
      const columns = pickColumns(labels);
      y = drawTableHeader(doc, columns, MARGIN, y);
      for (const row of order.pickRows) {
        const cells = pickCells(row, labels);
        // Item names print whole (a picker tells items apart by them): a long one makes its row taller.
        const height = Math.max(ROW_HEIGHT, TEXT_TOP + tableRowHeight(doc, columns, cells) + 6);
        if (y + height > doc.page.height - MARGIN) {
          doc.addPage();
          y = drawTableHeader(doc, columns, MARGIN, MARGIN);
        }
        drawPickRow(doc, columns, { row, cells, height }, locationCodes.get(row.locationCode)!, y);
        y += height;
      }
      const total = order.pickRows.reduce((sum, row) => sum + row.quantity, 0);
      doc
        .font(FONT.bold)
        .fontSize(10)
        .text(`${labels.total}: ${total}`, MARGIN, y + 6);
    },
  );
}

function pickColumns(labels: DocumentLabels): Column[] {
  return [
    { header: '', width: 16 },
    { header: labels.location, width: 70 },
    { header: '', width: 92 },
    { header: labels.sku, width: 66 },
    { header: labels.item, width: 99, wrap: true },
    { header: labels.lot, width: 70 },
    { header: labels.expiry, width: 56 },
    { header: labels.quantity, width: 30, align: 'right' },
    { header: labels.unit, width: 24 },
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
  doc.font(FONT.bold).fontSize(20).text(labels.pickList, MARGIN, MARGIN);
  const facts = [
    `${labels.orderRef}: ${order.externalRef}`,
    `${labels.warehouse}: ${order.warehouseCode} ${order.warehouseName}`,
    `${labels.priority}: ${labels.priorities[order.priority]}    ${labels.type}: ${labels.types[order.type] ?? order.type}`,
    `${labels.pushedAt}: ${formatZonedMinute(order.pushedAt, order.warehouseTimeZone)}    ${labels.carrier}: ${order.carrier ?? '—'}`,
  ];
  doc.font(FONT.regular).fontSize(10);
  let y = MARGIN + 30;
  for (const [index, fact] of facts.entries()) {
    // Beside the urgent mark and the QR code at the top right, then the page's width; long values wrap.
    const width = (index === 0 ? right - 180 : right - 90) - MARGIN;
    doc.text(fact, MARGIN, y, { width });
    y = Math.max(doc.y, y + 15);
  }
  if (order.priority === 'urgent') drawUrgentMark(doc, labels, right - 170, MARGIN);
  doc.image(refCode, MARGIN, y + 4, { height: 36 });
  return y + 52;
}

function drawUrgentMark(doc: Pdf, labels: DocumentLabels, x: number, y: number): void {
  doc.rect(x, y, 70, 26).fill('#000000');
  doc
    .fillColor('#FFFFFF')
    .font(FONT.bold)
    .fontSize(14)
    .text(labels.urgent, x, y + 4, {
      width: 70,
      align: 'center',
    });
  doc.fillColor('#000000');
}

/** The texts of a pick row, column by column (the tick box and barcode columns are drawn apart). */
function pickCells(row: PickRow, labels: DocumentLabels): string[] {
  return [
    '',
    row.locationCode,
    '',
    row.sku,
    row.status === 'picked' ? `${row.itemName} (${labels.picked})` : row.itemName,
    row.lotNumber ?? '—',
    row.expiryDate ?? '—',
    String(row.quantity),
    row.unit,
  ];
}

function drawPickRow(
  doc: Pdf,
  columns: Column[],
  { row, cells, height }: { row: PickRow; cells: string[]; height: number },
  locationCode: string,
  y: number,
): void {
  const x = MARGIN;
  doc
    .rect(x + 2, y + 6, 10, 10)
    .lineWidth(0.8)
    .stroke();
  if (row.status === 'picked') {
    doc
      .moveTo(x + 3, y + 11)
      .lineTo(x + 6, y + 15)
      .lineTo(x + 11, y + 6)
      .stroke();
  }
  const barcodeX = x + columns[0]!.width + columns[1]!.width + 2;
  doc.image(locationCode, barcodeX, y + 2, { width: columns[2]!.width - 6, height: 22 });
  drawTableRow(doc, columns, cells, x, y + TEXT_TOP);
  doc
    .moveTo(x, y + height - 1)
    .lineTo(doc.page.width - MARGIN, y + height - 1)
    .lineWidth(0.3)
    .strokeColor('#999999')
    .stroke()
    .strokeColor('#000000');
}
