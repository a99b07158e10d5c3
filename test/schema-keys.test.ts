import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/platform/db/database.js';
import { referenceTables } from '../src/platform/db/distribution.js';
import { createTestDatabase } from './helpers/db.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('Citus-ready keys', () => {
  it('puts tenant_id first in every primary key, unique index and foreign key of tenant-owned tables', async () => {
    const { rows } = await database.db.execute<{
      table: string;
      name: string;
      kind: string;
      first: string;
    }>(sql`
      select c.relname as table, i.relname as name, case when x.indisprimary then 'primary' else 'unique' end as kind,
             a.attname as first
        from pg_index x
        join pg_class c on c.oid = x.indrelid
        join pg_class i on i.oid = x.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = x.indkey[0]
       where n.nspname = 'public' and (x.indisunique or x.indisprimary)
      union all
      select c.relname, co.conname, 'foreign', a.attname
        from pg_constraint co
        join pg_class c on c.oid = co.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = co.conkey[1]
       where n.nspname = 'public' and co.contype = 'f'`);
    const tenantOwned = rows.filter((r) => !referenceTables.includes(r.table));
    expect(tenantOwned.map((r) => r.table)).toContain('customers');
    const offenders = tenantOwned.filter(
      (r) => r.first !== 'tenant_id' && !(r.kind === 'foreign' && isReferenceFk(r.name)),
    );
    expect(offenders).toEqual([]);
  });
});

// A tenant-owned table may point at a reference table (e.g. team_members.user_id -> users).
function isReferenceFk(name: string): boolean {
  return referenceTables.some((t) => name.includes(`_${t}_`));
}
