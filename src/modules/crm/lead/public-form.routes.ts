/**
 * The public form endpoints: no credentials, the token in the path is the only key, and it opens
 * that one form. Rate-limited per client address against token guessing and floods.
 */
import { z } from 'zod';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import { AnswersInput, PublicForm } from './lead.contract.js';
import { getPublicForm, submitPublicAnswers } from './lead-share.service.js';

const tags = ['public forms'];
const params = z.object({ token: z.string().max(200) });
const rateLimit = { max: 60, timeWindow: '1 minute' };

/** Registers GET and POST of a public form. */
export function registerPublicFormRoutes(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/public/forms/:token',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary:
          'The form a public link opens, with the answers so far and its language (no login; 404 unknown, 410 expired)',
        params,
        response: { 200: PublicForm },
      },
    },
    async (request) => getPublicForm(deps, request.params.token),
  );
  app.post(
    '/api/public/forms/:token',
    {
      config: { rateLimit: { ...rateLimit, max: 20 } },
      schema: {
        tags,
        summary: 'Answer a shared form (no login); 409 once the lead is qualified, 410 once the link expired',
        params,
        body: AnswersInput,
        response: { 200: PublicForm },
      },
    },
    async (request) => submitPublicAnswers(deps, request.params.token, request.body.answers),
  );
}
