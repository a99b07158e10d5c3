/** HTTP routes of personal-information requests and the suppression list (permission `privacy.manage`). */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { InsightsDeps } from '../insights-deps.js';
import {
  ConsentParams,
  ConsentState,
  ConsentSubjectParams,
  RecordConsentInput,
} from '../consent/consent.contract.js';
import { getConsents, recordConsent } from '../consent/consent.service.js';
import { SuppressionList } from '../suppression/suppression.contract.js';
import { listSuppressions } from '../suppression/suppression.service.js';
import { EraseResult, PersonExport, SubjectRef } from './privacy.contract.js';
import { erasePerson, exportPerson } from './privacy.service.js';

const tags = ['privacy'];

/** Registers person export and erase, and the suppression list. */
export function registerPrivacyRoutes(app: HttpApp, deps: InsightsDeps): void {
  registerPersonRequestRoutes(app, deps);
  registerConsentRoutes(app, deps);
  app.get(
    '/api/suppressions',
    {
      schema: {
        tags,
        summary: 'Identities of erased persons (hashes only) whose touchpoints are dropped, with drop counts',
        response: { 200: SuppressionList },
      },
    },
    async (request) => listSuppressions(deps.db, actorOf(request)),
  );
}

/** `/api/persons/{id}/export` and `/erase`: `{id}` is any id of a person, or a CRM contact id. */
function registerPersonRequestRoutes(app: HttpApp, deps: InsightsDeps): void {
  app.get(
    '/api/persons/:id/export',
    {
      schema: {
        tags,
        summary:
          'Everything held about a person (by id, userId, anonymousId, email) or a CRM contact (by id), as one JSON file',
        params: SubjectRef,
        response: { 200: PersonExport },
      },
    },
    async (request, reply) => {
      const file = await exportPerson(deps, actorOf(request), request.params.id, { address: request.ip });
      const name = `person-${file.subject.personIds[0] ?? file.subject.crmPersonIds[0] ?? 'export'}.json`;
      void reply.header('content-disposition', `attachment; filename="${name}"`);
      return file;
    },
  );
  app.post(
    '/api/persons/:id/erase',
    {
      schema: {
        tags,
        summary:
          "Erases a person's (or contact's) personal fields, keeps anonymised aggregates and business records, and suppresses its identities",
        params: SubjectRef,
        response: { 200: EraseResult },
      },
    },
    async (request) => erasePerson(deps, actorOf(request), request.params.id, { address: request.ip }),
  );
}

/** `/api/consents/{subjectId}`: a person's or contact's consents per purpose, and recording one. */
function registerConsentRoutes(app: HttpApp, deps: InsightsDeps): void {
  app.get(
    '/api/consents/:subjectId',
    {
      schema: {
        tags,
        summary:
          "A person's or CRM contact's consents in force per purpose (null: never asked), with the history",
        params: ConsentSubjectParams,
        response: { 200: ConsentState },
      },
    },
    async (request) => getConsents(deps, actorOf(request), request.params.subjectId),
  );
  app.put(
    '/api/consents/:subjectId/:purpose',
    {
      schema: {
        tags,
        summary:
          'Records a grant or withdrawal of one purpose (marketing, analytics), with its source and time',
        params: ConsentParams,
        body: RecordConsentInput,
        response: { 200: ConsentState },
      },
    },
    async (request) =>
      recordConsent(deps, actorOf(request), request.params, request.body, { address: request.ip }),
  );
}
