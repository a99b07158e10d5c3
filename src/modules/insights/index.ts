/**
 * Insights: the customer data platform. Touchpoints arrive through a Segment-compatible API under
 * `/v1` (per-source write keys), from offline CSV lists and from other contexts' domain events; they
 * are stored once per message id in month-partitioned `events`, and resolved to persons (anonymous
 * ids, user ids and aliases become one person, linked to CRM contacts and accounts through the
 * `CrmLink` port). Coming next here: segments, funnels, metrics, campaigns.
 */
export type { InsightsDeps } from './insights-deps.js';
export type { CrmContactDraft, CrmContactMatch, CrmLink } from './identity/crm-link.contract.js';
export { registerInsightsRoutes } from './insights.routes.js';
export {
  createSource,
  ensureSystemSource,
  findSourceByWriteKey,
  getSourceByIdOrName,
  listSources,
} from './source/source.service.js';
export { CreateSourceInput, SourceKindInput } from './source/source.contract.js';
export type { Source } from './source/source.contract.js';
export { MESSAGE_ID_TTL_DAYS, retentionJob, runRetention } from './event/retention.service.js';
export { importOfflineTouchpoints } from './offline/offline-import.service.js';
export type { OfflineImportReport } from './offline/offline-import.contract.js';
export { seedDemoTouchpoints } from './demo/demo-touchpoints.js';
export { domainTouchpointJob, runDomainTouchpoints } from './domain/domain-touchpoint.service.js';
export { createIngestRuntime } from './ingest/ingest-runtime.service.js';
export type { IngestRuntime } from './ingest/ingest-runtime.service.js';
export { MonthPartitions } from './event/event.service.js';
export { listPersons } from './timeline/person-view.service.js';
export { consentFilter } from './consent/consent.service.js';
export type {
  ConsentFilter,
  ConsentFilterFactory,
  ConsentPurpose,
  ConsentRule,
} from './consent/consent.contract.js';
