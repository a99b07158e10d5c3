/** What every insights service needs from its surroundings. */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { CrmLink } from './identity/crm-link.port.js';

/** The insights services' dependencies; `crm` is wired by the composition root. */
export type InsightsDeps = { db: Db; clock: Clock; crm: CrmLink };
