/** HTTP routes of the warehouse settings. */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { recordAudit } from '../../access/index.js';
import { auditContext } from '../../../platform/http/audit-context.js';
import { UpdateWarehouseSettingsInput, WarehouseSettings } from './warehouse-settings.contract.js';
import { readWarehouseSettings, updateWarehouseSettings } from './warehouse-settings.service.js';

/** Registers `/api/warehouse/settings`. */
export function registerWarehouseSettingsRoutes(app: HttpApp, deps: WarehouseDeps): void {
  const tags = ['warehouse settings'];
  app.get(
    '/api/warehouse/settings',
    {
      schema: {
        tags,
        summary: "The tenant's warehouse rules: stock age by value tier, return reason weights",
        response: { 200: WarehouseSettings },
      },
    },
    async (request) => readWarehouseSettings(deps, actorOf(request)),
  );
  app.patch(
    '/api/warehouse/settings',
    {
      schema: {
        tags,
        summary: 'Change the warehouse rules (warehouse managers and admins)',
        body: UpdateWarehouseSettingsInput,
        response: { 200: WarehouseSettings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const settings = await updateWarehouseSettings(deps, actor, request.body);
      const details = { fields: Object.keys(request.body) };
      await recordAudit(deps.db, actor, 'warehouse.settings.changed', details, auditContext(deps, request));
      return settings;
    },
  );
}
