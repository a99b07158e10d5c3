/** What every warehouse service needs from its surroundings. */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';

/** The warehouse services' dependencies. */
export type WarehouseDeps = { db: Db; clock: Clock };
