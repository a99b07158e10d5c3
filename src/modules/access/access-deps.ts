/** What the access routes need from their surroundings. */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';

/** The access routes' dependencies; `secureCookies` marks the session cookie HTTPS-only. */
export type AccessDeps = { db: Db; clock: Clock; secureCookies: boolean };
