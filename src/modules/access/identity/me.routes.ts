/** The signed-in user's own record: `GET` and `PATCH /api/me`. */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { AccessDeps } from '../access-deps.js';
import { Me, UpdateMeInput } from './identity.contract.js';
import { describeMe, setLocale } from './me.service.js';

const tags = ['auth'];

/** Registers `GET /api/me` and `PATCH /api/me` (the interface language). */
export function registerMeRoutes(app: HttpApp, { db }: AccessDeps): void {
  app.get(
    '/api/me',
    { schema: { tags, summary: 'The signed-in user, tenant, role and permissions', response: { 200: Me } } },
    async (request) => describeMe(db, actorOf(request)),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Remember the interface language',
        body: UpdateMeInput,
        response: { 200: Me },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await setLocale(db, actor, request.body.locale);
      return describeMe(db, actor);
    },
  );
}
