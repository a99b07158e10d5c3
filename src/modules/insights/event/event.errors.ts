/** Errors of storing events that callers react to. */
import { isMissingPartition } from '../../../platform/db/errors.js';

/**
 * Tells whether `error` says an event's month has no partition of `events` (yet, or any more), on
 * plain PostgreSQL or from a Citus shard of `events`.
 */
export function isMissingEventPartition(error: unknown): boolean {
  return isMissingPartition(error, 'events');
}
