/** `POST /api/leads/import`: leads from a CSV file, with a report of every row. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { ImportReport, LeadImportQuery } from './import.contract.js';
import { importLeads } from './lead-import.service.js';

const LIMIT = 20 * 1024 * 1024;
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];

/** Registers the lead import in its own scope (the CSV body parser applies to it alone). */
export function registerLeadImportRoutes(app: HttpApp, deps: CrmDeps): void {
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/leads/import',
      {
        bodyLimit: LIMIT,
        config: { idempotent: true },
        schema: {
          tags: ['leads'],
          summary:
            'Import leads from a CSV file (kind, name, contactName, phone, email, region, source, sourceRef, formId, ' +
            'productId, language, note; Chinese headers too); answers every row like the customer import',
          consumes: CSV_TYPES,
          querystring: LeadImportQuery,
          body: z
            .custom<Buffer>((value) => Buffer.isBuffer(value), 'a CSV file')
            .meta({ type: 'string', format: 'binary' }),
          response: { 200: ImportReport },
        },
      },
      async (request) => importLeads(deps, actorOf(request), request.body, request.query),
    );
  });
}
