/**
 * Service desk (客服工单): business calendars (hours per weekday with breaks, a time zone, holidays and
 * make-up working days), SLA policies with first-response and resolution targets per priority in
 * business minutes, and tickets whose SLA clocks run on them (docs/service.md). This context owns the
 * service tables; it reads customers only through the CRM's index (their visibility), and publishes
 * `service.ticket.created` and `service.ticket.solved` through the domain-event outbox.
 * Coming next here: email in and out, the public form, assignment, personas, CSAT, breach events.
 */
export { registerServiceRoutes } from './service.routes.js';
export type { ServiceDeps } from './service-deps.js';
