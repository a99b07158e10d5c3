/** HTTP route of the offline touchpoint import. */
import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../../platform/auth/actor.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { InsightsDeps } from '../insights-deps.js';
import {
  OFFLINE_IMPORT_MAX_BYTES,
  OfflineImportQuery,
  OfflineImportReport,
} from './offline-import.contract.js';
import { importTooLarge } from './offline-import.errors.js';
import { importOfflineTouchpoints } from './offline-import.service.js';

/** Content types a CSV upload arrives with: browsers send Excel's for `.csv` files on Windows. */
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];

/** Past this, an oversize upload is not read to its end (the client sees a dropped connection). */
const DRAIN_LIMIT_BYTES = 4 * OFFLINE_IMPORT_MAX_BYTES;

/** Registers `POST /api/touchpoints/import`. */
export function registerOfflineImportRoutes(app: HttpApp, deps: InsightsDeps): void {
  // The CSV parser lives in its own scope, so no other route accepts CSV bodies.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    // A parser of its own rather than `parseAs: 'buffer'`, whose limit answers 413: too large is a 400 here.
    scope.addContentTypeParser(CSV_TYPES, (_request, payload, done) => {
      readCapped(payload, OFFLINE_IMPORT_MAX_BYTES).then(
        (body) => done(null, body),
        (error: Error) => done(error, undefined),
      );
    });
    scope.post(
      '/api/touchpoints/import',
      {
        // Refuse callers before reading up to 20 MB of their upload.
        onRequest: async (request) => requirePermission(actorOf(request), 'touchpoints.import'),
        schema: {
          tags: ['touchpoints'],
          summary:
            'Import offline touchpoints from a CSV file into an offline source (body text/csv: UTF-8, ' +
            'UTF-8 with BOM or GB18030, at most 20 MB); answers stored, duplicates and rejected rows',
          consumes: CSV_TYPES,
          querystring: OfflineImportQuery,
          body: z
            .custom<Buffer>((value) => Buffer.isBuffer(value), 'a CSV file')
            .meta({
              type: 'string',
              format: 'binary',
            }),
          response: { 200: OfflineImportReport },
        },
      },
      async (request) => importOfflineTouchpoints(deps, actorOf(request), request.query.source, request.body),
    );
  });
}

/**
 * The body, up to `maxBytes`; a larger one is read on (up to a drain limit, so the client gets the
 * 400 rather than a reset connection) but not kept.
 */
function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) chunks.push(chunk);
      else if (received > DRAIN_LIMIT_BYTES) {
        stream.destroy();
        reject(importTooLarge(maxBytes));
      }
    });
    stream.on('end', () =>
      received > maxBytes ? reject(importTooLarge(maxBytes)) : resolve(Buffer.concat(chunks)),
    );
    stream.on('error', reject);
  });
}
