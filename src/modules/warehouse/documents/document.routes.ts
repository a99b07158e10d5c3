/** HTTP routes of the outbound documents: pick list, packing slip and shipping label (PDF and ZPL). */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { DocumentQuery, type DocumentKind } from './document.contract.js';
import { renderOrderDocument } from './document.service.js';

const ROUTES: { path: string; kind: DocumentKind; produces: string; summary: string; body: string }[] = [
  {
    path: 'pick-list.pdf',
    kind: 'pick-list',
    produces: 'application/pdf',
    summary:
      "An order's pick list (拣货单) as PDF: reservations in walking order with location, lot, expiry, " +
      'quantity and a Code128 of each location; Code128 of the reference, QR of {id, ref}',
    body: 'PDF (A4)',
  },
  {
    path: 'packing-slip.pdf',
    kind: 'packing-slip',
    produces: 'application/pdf',
    summary:
      "An order's packing slip (装箱单) as PDF: recipient, destination, carrier, lines with quantities " +
      'and lots; Code128 of the reference, QR of {id, ref}',
    body: 'PDF (A4)',
  },
  {
    path: 'shipping-label.pdf',
    kind: 'shipping-label',
    produces: 'application/pdf',
    summary:
      "An order's shipping label (面单) as a 100 × 150 mm PDF: carrier, destination, Code128 of the " +
      'reference, QR, weight, urgent mark',
    body: 'PDF (100 × 150 mm)',
  },
  {
    path: 'shipping-label.zpl',
    kind: 'shipping-label-zpl',
    produces: 'text/plain',
    summary:
      "An order's shipping label as ZPL II for thermal printers (203 dpi, ^CI28 UTF-8; Chinese needs " +
      'the CJK font E:SIMSUN.TTF on the printer)',
    body: 'ZPL II program (UTF-8 text)',
  },
];

/** Registers the document routes under `/api/outbound-orders/:id/…` (`?lang=zh-CN|en`). */
export function registerDocumentRoutes(app: HttpApp, deps: WarehouseDeps): void {
  const tags = ['outbound documents'];
  const params = z.object({ id: z.uuid() });
  for (const route of ROUTES) {
    app.get(
      `/api/outbound-orders/:id/${route.path}`,
      {
        schema: {
          tags,
          summary: `${route.summary} (404 warehouse.order.not_found)`,
          params,
          querystring: DocumentQuery,
          produces: [route.produces],
          response: {
            200: z
              .string()
              .meta(
                route.produces === 'application/pdf'
                  ? { description: route.body, type: 'string', format: 'binary' }
                  : { description: route.body },
              ),
          },
        },
      },
      async (request, reply) => {
        const file = await renderOrderDocument(
          deps,
          actorOf(request),
          request.params.id,
          route.kind,
          request.query.lang,
        );
        void reply.header('content-type', file.contentType);
        void reply.header('content-disposition', `inline; filename="${file.filename}"`);
        return reply.send(file.body as unknown as string);
      },
    );
  }
}
