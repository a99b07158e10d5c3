/** Every service-desk route, registered in one call by the composition root. */
import type { HttpApp } from '../../platform/http/server.js';
import { registerCalendarRoutes } from './calendar/calendar.routes.js';
import type { ServiceDeps } from './service-deps.js';
import { registerPolicyRoutes } from './sla/sla.routes.js';
import { registerSettingsEditRoutes } from './ticket/settings-edit.routes.js';
import { registerTicketRoutes } from './ticket/ticket.routes.js';

/** Registers business calendars, SLA policies and tickets. */
export function registerServiceRoutes(app: HttpApp, deps: ServiceDeps): void {
  registerCalendarRoutes(app, deps);
  registerPolicyRoutes(app, deps);
  registerSettingsEditRoutes(app, deps);
  registerTicketRoutes(app, deps);
}
