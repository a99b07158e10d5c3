/**
 * Documents of an outbound order: loads the order once (header, lines, reserved stock, the
 * customer's name from the CRM) and hands it to a pure renderer.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { findCustomerFacts } from '../../crm/index.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import type {
  DocumentKind,
  DocumentLang,
  DocumentLine,
  OrderDocument,
  PickRow,
  RenderedDocument,
} from './document.contract.js';
import { documentOrderNotFound } from './document.errors.js';
import * as repo from './document.repository.js';
import { renderPackingSlip } from './packing-slip.pdf.js';
import { renderPickList } from './pick-list.pdf.js';
import { renderShippingLabel } from './shipping-label.pdf.js';
import { renderShippingLabelZpl } from './shipping-label.zpl.js';

const PDF = 'application/pdf';

/**
 * Renders one document of an order in `lang` (404 `warehouse.order.not_found` for an order of
 * another tenant or none). Needs `warehouse.read`.
 */
export async function renderOrderDocument(
  deps: Pick<WarehouseDeps, 'db'>,
  actor: Actor,
  orderId: string,
  kind: DocumentKind,
  lang: DocumentLang,
): Promise<RenderedDocument> {
  requirePermission(actor, 'warehouse.read');
  const order = await loadOrderDocument(deps.db, actor.tenantId, orderId);
  const base = fileBase(order.externalRef);
  switch (kind) {
    case 'pick-list':
      return { filename: `${base}-pick-list.pdf`, contentType: PDF, body: await renderPickList(order, lang) };
    case 'packing-slip':
      return {
        filename: `${base}-packing-slip.pdf`,
        contentType: PDF,
        body: await renderPackingSlip(order, lang),
      };
    case 'shipping-label':
      return {
        filename: `${base}-shipping-label.pdf`,
        contentType: PDF,
        body: await renderShippingLabel(order, lang),
      };
    case 'shipping-label-zpl':
      return {
        filename: `${base}-shipping-label.zpl`,
        contentType: 'text/plain; charset=utf-8',
        body: Buffer.from(renderShippingLabelZpl(order, lang), 'utf8'),
      };
  }
}

/** Everything the documents of an order show; throws not found. */
export async function loadOrderDocument(db: Db, tenantId: string, orderId: string): Promise<OrderDocument> {
  const header = await repo.findOrderHeader(db, tenantId, orderId);
  if (!header) throw documentOrderNotFound(orderId);
  const { order } = header;
  const lineRows = await repo.listOrderLines(db, tenantId, orderId);
  const reserved = await repo.listReservedStock(db, tenantId, orderId);
  const customerName = order.customerId
    ? ((await findCustomerFacts(db, tenantId, [order.customerId])).get(order.customerId)?.name ?? null)
    : null;
  const pickRows: PickRow[] = reserved.map((row) => ({
    ...row,
    status: row.status === 'picked' ? 'picked' : 'active',
  }));
  const lines: DocumentLine[] = lineRows.map((line) => {
    const mine = pickRows.filter((row) => row.lineNo === line.lineNo);
    const lots = new Map<string, number>();
    for (const row of mine) {
      if (row.lotNumber) lots.set(row.lotNumber, (lots.get(row.lotNumber) ?? 0) + row.quantity);
    }
    return {
      lineNo: line.lineNo,
      sku: line.sku,
      itemName: line.itemName,
      unit: line.unit,
      quantity: line.quantity,
      allocated: mine.reduce((sum, row) => sum + row.quantity, 0),
      lots: [...lots]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([lotNumber, quantity]) => ({ lotNumber, quantity })),
    };
  });
  const weighed = lineRows.every((line) => line.weightKg !== null);
  // The label and slip count what goes out: the reserved units once there are any, else the order.
  const outgoing = (line: (typeof lineRows)[number], index: number) =>
    pickRows.length > 0 ? lines[index]!.allocated : line.quantity;
  return {
    orderId: order.id,
    externalRef: order.externalRef,
    source: order.source,
    type: order.type,
    priority: order.priority as OrderDocument['priority'],
    status: order.status,
    pushedAt: order.pushedAt,
    warehouseCode: header.warehouseCode,
    warehouseName: header.warehouseName,
    warehouseTimeZone: header.warehouseTimeZone,
    carrier: order.carrier,
    destination: order.destination,
    recipientName: customerName ?? header.supplierName ?? header.targetWarehouseName ?? null,
    note: order.note,
    pieces: lineRows.reduce((sum, line, index) => sum + outgoing(line, index), 0),
    weightKg:
      weighed && lineRows.length > 0
        ? lineRows.reduce((sum, line, index) => sum + outgoing(line, index) * (line.weightKg ?? 0), 0)
        : null,
    lines,
    pickRows,
  };
}

/** The reference as a safe file name part: letters, digits, `-`, `_` and `.`; others become `_`. */
function fileBase(externalRef: string): string {
  return externalRef.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80) || 'order';
}
