/** HTTP routes of the warehouse settings. */
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
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
    async (request) => updateWarehouseSettings(deps, actorOf(request), request.body),
  );
}
