/** HTTP routes of quotes: make the next version of a deal's quote, list, read, print as PDF. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { CreateQuoteInput, Quote, QuoteList } from './quote.contract.js';
import { createQuote, getQuote, listQuotes, renderQuote } from './quote.service.js';

const params = z.object({ id: z.uuid() });
const versionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000) });
const tags = ['deals'];

/** Registers the routes of quotes under `/api/deals/:id/quotes`. */
export function registerQuoteRoutes(app: HttpApp, deps: CrmDeps): void {
  app.post(
    '/api/deals/:id/quotes',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          "Make the next version of the deal's quote (报价单) from its current lines " +
          '(409 crm.quote.no_lines when it has none); a version is never changed',
        params,
        body: CreateQuoteInput.nullish(),
        response: { 201: Quote },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createQuote(deps, actorOf(request), request.params.id, request.body ?? {})),
  );
  app.get(
    '/api/deals/:id/quotes',
    {
      schema: {
        tags,
        summary: "The versions of a deal's quote, newest first",
        params,
        response: { 200: QuoteList },
      },
    },
    async (request) => listQuotes(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/deals/:id/quotes/:version',
    {
      schema: {
        tags,
        summary: "One version of a deal's quote",
        params: versionParams,
        response: { 200: Quote },
      },
    },
    async (request) => getQuote(deps, actorOf(request), request.params.id, request.params.version),
  );
  registerQuotePdfRoute(app, deps);
}

/** The PDF of one version, A4, in the quote's language. */
function registerQuotePdfRoute(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/deals/:id/quotes/:version/pdf',
    {
      schema: {
        tags,
        summary:
          "One version of a deal's quote as an A4 PDF in its language: seller, customer, lines, totals, " +
          'validity, note and the quote number as Code128',
        params: versionParams,
        produces: ['application/pdf'],
        response: {
          200: z.string().meta({ description: 'PDF (A4)', type: 'string', format: 'binary' }),
        },
      },
    },
    async (request, reply) => {
      const file = await renderQuote(deps, actorOf(request), request.params.id, request.params.version);
      void reply.header('content-type', 'application/pdf');
      void reply.header('content-disposition', `inline; filename="${file.filename}"`);
      return reply.send(file.body as unknown as string);
    },
  );
}
