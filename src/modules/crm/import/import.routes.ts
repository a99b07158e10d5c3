/** HTTP routes of CSV import and export. */
import { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { exportCustomers } from './export.service.js';
import { recordAudit } from '../../access/index.js';
import { auditContext } from '../../../platform/http/audit-context.js';
import { ExportQuery, ImportQuery, ImportReport } from './import.contract.js';
import { importCustomers } from './import.service.js';

/** The largest CSV file an import takes (about 300k rows of a typical export). */
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

/** The trailer of an export for a purpose: how many customers were left out for their consent. */
const LEFT_OUT_TRAILER = 'kehu-consent-left-out';

/** Content types a CSV upload arrives with: browsers send Excel's for `.csv` files on Windows. */
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];

/** Registers the routes of CSV import and export. */
export function registerImportRoutes(app: HttpApp, deps: CrmDeps): void {
  const tags = ['customers'];
  // The raw-bytes parser lives in its own scope, so no other route accepts CSV bodies.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      CSV_TYPES,
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/customers/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { idempotent: true },
        schema: {
          tags,
          summary:
            'Import customers from a CSV file (body text/csv: UTF-8 with or without BOM, or GB18030); ' +
            'answers every row: created, updated, duplicates, rejected',
          consumes: CSV_TYPES,
          querystring: ImportQuery,
          body: z
            .custom<Buffer>((value) => Buffer.isBuffer(value), 'a CSV file')
            .meta({
              type: 'string',
              format: 'binary',
            }),
          response: { 200: ImportReport },
        },
      },
      async (request) => importCustomers(deps, actorOf(request), request.body, request.query),
    );
  });
  registerExportRoute(app, deps);
}

/** `GET /api/customers/export.csv`. */
function registerExportRoute(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/customers/export.csv',
    {
      schema: {
        tags: ['customers'],
        summary:
          'Export the customers the caller may see, filtered like the list, as CSV in the columns the import reads; ' +
          'with `purpose`, customers who withdrew their consent to it are left out and the trailer ' +
          '`Kehu-Consent-Left-Out` counts them',
        querystring: ExportQuery,
        produces: ['text/csv'],
        response: { 200: z.string().meta({ description: 'CSV file' }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await exportCustomers(deps, actor, request.query);
      const details = { filters: request.query };
      await recordAudit(deps.db, actor, 'customers.exported', details, auditContext(deps, request));
      void reply.header('content-type', file.contentType);
      void reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      if (request.query.purpose) {
        // How many were left out is known once the last page is read: a trailer after the body.
        void reply.header('kehu-consent-purpose', request.query.purpose);
        void reply.trailer(LEFT_OUT_TRAILER, async () => String(file.leftOut()));
      }
      return reply.send(Readable.from(file.chunks) as unknown as string);
    },
  );
}
