/**
 * How Kehu's tables are placed on a Citus cluster (docs/scale-out.md). The small global tables are
 * reference tables, copied to every node so any shard can join them; every other table is sharded by
 * `tenant_id` and colocated with the others, so a statement that names one tenant runs on one node.
 * On PGlite and plain PostgreSQL the placement is only a rule the code follows: every statement on a
 * tenant table names its tenant as a constant.
 */

/** The global tables that Citus keeps as reference tables. */
export const referenceTables: readonly string[] = [
  'tenants',
  'users',
  'memberships',
  'sessions',
  'api_keys',
  'source_write_keys',
  'domain_event_cursors',
  'jobs',
  'limit_counters',
  'tenant_removals',
  'source_changes',
];

/** The column every other table is sharded by. */
export const distributionColumn = 'tenant_id';

/** True when `table` is sharded by tenant (every table that is not a reference table). */
export function isTenantTable(table: string): boolean {
  return !referenceTables.includes(table);
}
