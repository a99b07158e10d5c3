/**
 * Which failures of a batch's transaction are worth starting over: the batch lost a race with a
 * concurrent one, and a fresh attempt sees that batch's committed writes.
 */
import { isUniqueViolation } from '../../../platform/db/errors.js';
import { isTransientTransactionError } from '../../../platform/db/retry.js';
import { IdentityRace } from '../identity/person-resolution.service.js';

/**
 * True after a lost race: a deadlock or serialization failure, an identity claimed meanwhile, or a
 * unique violation (23505, or its Citus form) when two batches create the same CRM contact at once.
 */
export function isLostBatchRace(error: unknown): boolean {
  return error instanceof IdentityRace || isTransientTransactionError(error) || isUniqueViolation(error);
}
