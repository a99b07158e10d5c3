/**
 * Insights: the customer data platform. Touchpoints arrive through a Segment-compatible API under
 * `/v1` (per-source write keys), from offline CSV lists and from other contexts' domain events; they
 * are stored once per message id in month-partitioned `events`, and resolved to persons (anonymous
 * ids, user ids and aliases become one person, linked to CRM contacts and accounts through the
 * `CrmLink` port). Coming next here: segments, funnels, metrics, campaigns.
 */
export type { InsightsDeps } from './insights-deps.js';
export type { CrmContactDraft, CrmContactMatch, CrmLink } from './identity/crm-link.port.js';
export { registerInsightsRoutes } from './insights.routes.js';
