import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptCountGroups } from '../../../../test/helpers/customer-counts.js';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import {
  customerCountFoldHandler,
  FOLD_ON_READ_ROWS,
  FOLD_TENANT_JOB,
  foldAllCustomerCounts,
} from './customer-count.service.js';
import { summarizeCustomers } from './customer.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const pendingOf = async (tenantId: string) =>
  Number(
    (
      await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from customer_count_deltas where tenant_id = ${tenantId}`,
      )
    ).rows[0]!.n,
  );

const foldJobsOf = async (tenantId: string) =>
  (
    await database.db.execute<{ id: string }>(
      sql`select id from jobs where name = ${FOLD_TENANT_JOB} and tenant_id = ${tenantId}`,
    )
  ).rows.length;

describe('kept customer counts', () => {
  it('queue one fold of the tenant when a summary sums many pending deltas, and the fold keeps the answer', async () => {
    const deps = { db: database.db, clock: fixedClock('2026-05-01T10:00:00Z') };
    const { admin } = await makeTenant(database.db);
    const t = admin.actor.tenantId;
    await database.db.execute(sql`
      insert into customers (tenant_id, id, kind, name, intent_tier)
      select ${t}, gen_random_uuid(), (array['business', 'consumer', 'government'])[1 + i % 3], 'Bulk ' || i,
             (array['A', 'B', null])[1 + i % 3]
        from generate_series(1, ${FOLD_ON_READ_ROWS + 1}) i`);
    expect(await pendingOf(t)).toBe(FOLD_ON_READ_ROWS + 1);
    const before = await summarizeCustomers(deps, admin.actor, {});
    expect(before.total).toBe(FOLD_ON_READ_ROWS + 1);
    await summarizeCustomers(deps, admin.actor, { kind: 'consumer' });
    expect(await foldJobsOf(t)).toBe(1); // once a minute at most
    await customerCountFoldHandler({ db: database.db }).run({ tenantId: t });
    expect(await pendingOf(t)).toBe(0);
    expect(await summarizeCustomers(deps, admin.actor, {})).toEqual(before);
    const { kept, counted } = await keptCountGroups(database.db, t);
    expect(kept).toEqual(counted);
  });

  it('do not queue a fold for a few pending deltas; the periodic fold takes them', async () => {
    const deps = { db: database.db, clock: fixedClock('2026-05-01T10:00:00Z') };
    const { admin } = await makeTenant(database.db);
    const t = admin.actor.tenantId;
    await database.db.execute(
      sql`insert into customers (tenant_id, id, kind, name) values (${t}, gen_random_uuid(), 'consumer', 'One')`,
    );
    expect((await summarizeCustomers(deps, admin.actor, {})).total).toBe(1);
    expect(await foldJobsOf(t)).toBe(0);
    expect(await foldAllCustomerCounts(database.db)).toContain(t);
    expect(await pendingOf(t)).toBe(0);
    expect((await summarizeCustomers(deps, admin.actor, {})).total).toBe(1);
  });
});
