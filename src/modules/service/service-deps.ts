/** What every service-desk service needs from its surroundings. */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';

/** The service desk's dependencies. */
export type ServiceDeps = { db: Db; clock: Clock };
