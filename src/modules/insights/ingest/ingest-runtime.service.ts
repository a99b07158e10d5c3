/**
 * The ingest's process state for one database, made once by the composition root and passed in with
 * the other deps: the month partitions known to exist, the identity cache, and the coalesced
 * last-seen writer. Tests make their own per database.
 */
import type { Db } from '../../../platform/db/database.js';
import { MonthPartitions } from '../event/event.service.js';
import { IdentityCache } from '../identity/identity.contract.js';
import { PersonTouches } from '../identity/person-touch.service.js';

/** The ingest's memory of one database in this process; `close()` it when the process stops. */
export type IngestRuntime = {
  readonly partitions: MonthPartitions;
  readonly identities: IdentityCache;
  readonly touches: PersonTouches;
  /** Writes the pending last-seen widening now. */
  flush(): Promise<void>;
  /** Stops the late-flush timer and writes what is pending; call once, at shutdown. */
  close(): Promise<void>;
};

/**
 * The runtime of `db` (the root handle, never a transaction's). Its last-seen writer keeps a timer
 * of its own: the touches it waits to write live in this process, so no other process could.
 */
export function createIngestRuntime(db: Db): IngestRuntime {
  const identities = new IdentityCache();
  // A flush that finds cached persons missing means the database was reset under us: forget them.
  const touches = new PersonTouches(db, () => identities.clear());
  return {
    partitions: new MonthPartitions(db),
    identities,
    touches,
    flush: () => touches.flush(),
    close: () => touches.close(),
  };
}
