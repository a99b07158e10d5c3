/** HTTP routes of the answers browser: a form's answers, their summary and the CSV export. */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { AnswerPage, AnswersQuery, AnswerSummary } from './lead-answers.contract.js';
import { browseAnswers, exportAnswers, summarizeAnswers } from './lead-answers.service.js';

const tags = ['lead-forms'];
const params = z.object({ id: z.uuid() });

/** Registers browse, summary and export of a form's answers. */
export function registerLeadAnswerRoutes(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/lead-forms/:id/answers',
    {
      schema: {
        tags,
        summary: "A form's answers, newest lead first; `field` keeps leads that answered it",
        params,
        querystring: AnswersQuery,
        response: { 200: AnswerPage },
      },
    },
    async (request) => browseAnswers(deps, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/lead-forms/:id/answers/summary',
    {
      schema: {
        tags,
        summary: 'Per field: how many leads answered, and how often each option was chosen',
        params,
        response: { 200: AnswerSummary },
      },
    },
    async (request) => summarizeAnswers(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/lead-forms/:id/answers.csv',
    {
      schema: {
        tags,
        summary: "A form's answers as CSV: one line per lead, one column per field of any version",
        params,
        produces: ['text/csv'],
        response: { 200: z.string().meta({ description: 'CSV file' }) },
      },
    },
    async (request, reply) => {
      const file = await exportAnswers(deps, actorOf(request), request.params.id);
      void reply.header('content-type', 'text/csv; charset=utf-8');
      void reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.send(Readable.from(file.chunks) as unknown as string);
    },
  );
}
