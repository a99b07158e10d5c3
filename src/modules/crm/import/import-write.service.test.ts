import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { createCustomer } from '../customer/customer.service.js';
import { customers } from '../customer/customer.table.js';
import { newCustomerRow } from './import-new-row.js';
import type { ImportRow } from './import-rows.js';
import { writeBatch } from './import-write.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-02T02:00:00Z');

const row = (line: number, name: string, extra: Partial<ImportRow> = {}): ImportRow => ({
  line,
  issues: [],
  kind: 'consumer',
  values: { name, ...extra.values },
  keys: {},
  ...extra,
});

// The planner rejects an id or external id it finds taken; these rows stand for ones another
// writer took between planning and writing, which only the database's refusal can catch.
describe('writing an import batch', () => {
  it('rejects, by line, a row whose id or external id was taken meanwhile, and writes the others', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const taken = await createCustomer({ db: database.db, clock }, admin.actor, {
      kind: 'consumer',
      name: '先到的客户',
      externalId: 'crm-7',
    });
    const holder = { ownerUserId: admin.id, teamId: null, poolId: null };
    const ctx = { actor: admin.actor, now: clock.now() };
    const inserts = [
      newCustomerRow(row(2, '同一个编号', { id: taken.id }), 'consumer', holder, ctx),
      newCustomerRow(
        row(3, '同一个外部编号', { values: { name: '同一个外部编号', externalId: 'crm-7' } }),
        'consumer',
        holder,
        ctx,
      ),
      newCustomerRow(row(4, '新客户', { id: newId() }), 'consumer', holder, ctx),
    ];

    const failed = await writeBatch(database.db, admin.actor, { inserts, updates: [], outcomes: [] });

    expect([...failed.entries()]).toEqual([
      [2, { field: 'id', message: 'a customer with this id exists already' }],
      [3, { field: 'externalId', message: 'already used by another customer' }],
    ]);
    const names = await database.db
      .select({ name: customers.name })
      .from(customers)
      .where(eq(customers.tenantId, tenant.id));
    expect(names.map((r) => r.name).sort()).toEqual(['先到的客户', '新客户'].sort());
  });
});
