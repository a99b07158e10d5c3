/** HTTP routes of the CRM settings. */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import { CrmSettings, UpdateCrmSettingsInput } from './crm-settings.contract.js';
import { readCrmSettings, updateCrmSettings } from './crm-settings.service.js';
import type { CrmDeps } from '../crm-deps.js';
import { recordAudit } from '../../access/index.js';
import { auditContext } from '../../../platform/http/audit-context.js';

/** Registers `/api/crm/settings`. */
export function registerCrmSettingsRoutes(app: HttpApp, deps: CrmDeps): void {
  const tags = ['crm settings'];
  app.get(
    '/api/crm/settings',
    { schema: { tags, summary: "The tenant's CRM rules", response: { 200: CrmSettings } } },
    async (request) => readCrmSettings(deps, actorOf(request)),
  );
  app.patch(
    '/api/crm/settings',
    {
      schema: {
        tags,
        summary: 'Replace sections of the CRM rules (admins)',
        body: UpdateCrmSettingsInput,
        response: { 200: CrmSettings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const settings = await updateCrmSettings(deps, actor, request.body);
      const details = { sections: Object.keys(request.body) };
      await recordAudit(deps.db, actor, 'crm.settings.changed', details, auditContext(deps, request));
      return settings;
    },
  );
}
