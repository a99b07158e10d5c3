/** Every access route under /api, registered in one call by the composition root. */
import type { HttpApp } from '../../platform/http/server.js';
import type { AccessDeps } from './access-deps.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { registerApiKeyRoutes } from './identity/api-key.routes.js';
import { registerInvitationRoutes } from './identity/invitation.routes.js';
import { registerMeRoutes } from './identity/me.routes.js';
import { registerMemberRoutes } from './identity/member.routes.js';
import { registerSessionRoutes } from './identity/session.routes.js';
import { registerTeamRoutes } from './identity/team.routes.js';

/** Registers sign-in and -out, the current user, users, invitations, teams, API keys and the audit log (in this order, as the API docs list them). */
export function registerAccessRoutes(app: HttpApp, deps: AccessDeps): void {
  registerSessionRoutes(app, deps);
  registerMeRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerInvitationRoutes(app, deps);
  registerTeamRoutes(app, deps);
  registerApiKeyRoutes(app, deps);
  registerAuditRoutes(app, deps);
}
