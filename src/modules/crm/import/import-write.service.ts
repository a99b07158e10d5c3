/**
 * Writes a planned batch in one transaction; when the database refuses it (an external id taken
 * meanwhile, an id that exists), writes it again row by row, each in its own transaction, so only the
 * offending rows are rejected and the others land.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { isIntegrityViolation, isUniqueViolation, sqlState } from '../../../platform/db/errors.js';
import { insertImportedCustomers } from '../customer/customer-batch.service.js';
import { saveCustomerChanges } from '../customer/customer-record.service.js';
import { recordImportedTierChanges } from '../customer/customer-tier.service.js';
import { logImportedPoolMoves } from '../customer/ownership.service.js';
import type { PlannedInsert } from './import-new-row.js';
import type { BatchPlan, PlannedUpdate } from './import-plan.js';
import type { RowIssue } from './import-rows.js';

/** The update of a row that names a customer deleted (merged) since the batch was planned. */
class CustomerGone extends Error {
  override readonly name = 'CustomerGone';
}

/** Writes the batch; answers the rows the database refused, by line. */
export async function writeBatch(db: Db, actor: Actor, plan: BatchPlan): Promise<Map<number, RowIssue>> {
  try {
    await db.transaction((tx) => writeRows(tx, actor, plan.inserts, plan.updates));
    return new Map();
  } catch (error) {
    if (!isRowError(error)) throw error;
  }
  const failed = new Map<number, RowIssue>();
  const one = async (line: number, inserts: PlannedInsert[], updates: PlannedUpdate[]) => {
    try {
      await db.transaction((tx) => writeRows(tx, actor, inserts, updates));
    } catch (error) {
      if (!isRowError(error)) throw error;
      failed.set(line, issueOf(error));
    }
  };
  for (const insert of plan.inserts) await one(insert.line, [insert], []);
  for (const update of plan.updates) await one(update.line, [], [update]);
  return failed;
}

async function writeRows(
  tx: Db,
  actor: Actor,
  inserts: PlannedInsert[],
  updates: PlannedUpdate[],
): Promise<void> {
  await insertImportedCustomers(
    tx,
    actor.tenantId,
    inserts.map((insert) => insert.row),
  );
  for (const update of updates) {
    if (!(await saveCustomerChanges(tx, actor, update.id, update.changes))) throw new CustomerGone(update.id);
  }
  await recordImportedTierChanges(tx, actor.tenantId, [
    ...inserts.flatMap((insert) => insert.tiers),
    ...updates.flatMap((update) => update.tiers),
  ]);
  await logImportedPoolMoves(
    tx,
    actor.tenantId,
    inserts.map((insert) => insert.move),
  );
}

/**
 * Errors one row can cause (integrity or data exceptions); anything else aborts the import. An
 * integrity violation counts in its Citus form too, which arrives as an internal error (XX000).
 */
function isRowError(error: unknown): boolean {
  if (error instanceof CustomerGone || isIntegrityViolation(error)) return true;
  return sqlState(error)?.startsWith('22') === true;
}

function issueOf(error: unknown): RowIssue {
  if (error instanceof CustomerGone)
    return { field: 'id', message: 'the customer was merged or removed meanwhile' };
  if (isUniqueViolation(error, 'customers_external_id_key')) {
    return { field: 'externalId', message: 'already used by another customer' };
  }
  if (isUniqueViolation(error, 'customers_tenant_id_id_pk'))
    return { field: 'id', message: 'a customer with this id exists already' };
  return { field: 'row', message: messageOf(error) };
}

/** The database's own words under drizzle's wrapper (which repeats the SQL), else the error's. */
function messageOf(error: unknown): string {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (typeof (e as { code?: unknown }).code === 'string') return e.message;
  }
  return String(error);
}
