/** What every CRM service needs from its surroundings. */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';

/** The CRM services' dependencies. */
export type CrmDeps = { db: Db; clock: Clock };
