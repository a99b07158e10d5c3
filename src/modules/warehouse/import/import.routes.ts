/** HTTP route of the warehouse CSV import. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../../platform/auth/actor.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { ImportKind, WarehouseImportReport } from './import.contract.js';
import { importWarehouseCsv } from './import.service.js';

/** The largest CSV file the import takes. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** Content types a CSV upload arrives with: browsers send Excel's for `.csv` files on Windows. */
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];

/** Registers `POST /api/warehouse/import/:kind`. */
export function registerWarehouseImportRoutes(app: HttpApp, deps: WarehouseDeps): void {
  // The raw-bytes parser lives in its own scope, so no other route accepts CSV bodies.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      CSV_TYPES,
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/warehouse/import/:kind',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        // Refuse callers before reading their upload.
        onRequest: async (request) => requirePermission(actorOf(request), 'warehouse.stock'),
        schema: {
          tags: ['warehouse import'],
          summary:
            'Import locations, items or stock from a CSV file (body text/csv: UTF-8, UTF-8 with BOM or GB18030; ' +
            'English or Chinese headers); good rows are stored, bad rows reported with line and column',
          consumes: CSV_TYPES,
          params: z.object({ kind: ImportKind }),
          querystring: z.object({ warehouseId: z.uuid().optional() }),
          body: z
            .custom<Buffer>((value) => Buffer.isBuffer(value), 'a CSV file')
            .meta({ type: 'string', format: 'binary' }),
          response: { 200: WarehouseImportReport },
        },
      },
      async (request) =>
        importWarehouseCsv(deps, actorOf(request), request.params.kind, request.body, {
          warehouseId: request.query.warehouseId,
        }),
    );
  });
}
