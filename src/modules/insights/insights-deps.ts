/** What every insights service needs from its surroundings. */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { CrmLink } from './identity/crm-link.contract.js';
import type { IngestRuntime } from './ingest/ingest-runtime.service.js';

/**
 * The insights services' dependencies; `crm` and `ingest` (one runtime per database and process,
 * see `createIngestRuntime`) are wired by the composition root.
 */
export type InsightsDeps = { db: Db; clock: Clock; crm: CrmLink; ingest: IngestRuntime };
