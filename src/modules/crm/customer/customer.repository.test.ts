import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { ListCustomersQuery } from './customer.contract.js';
import {
  countVisibleCustomersByKind,
  findVisibleCustomer,
  insertCustomers,
  listVisibleCustomers,
} from './customer.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('customer repository queries', () => {
  it('match customer.repository.sql', async () => {
    const { admin } = await makeTenant(database.db);
    const sql = captureSql(database.pool);
    const rep: Actor = { ...admin.actor, role: 'sales_rep', scope: 'team', teamIds: [newId()] };
    const parts: string[] = [];
    await insertCustomers(sql.db, admin.actor, [{ id: newId(), kind: 'consumer', name: 'x' }]);
    parts.push(sql.take('insertCustomers'));
    await findVisibleCustomer(sql.db, rep, newId());
    parts.push(sql.take('findVisibleCustomer (team scope)'));
    await listVisibleCustomers(
      sql.db,
      admin.actor,
      ListCustomersQuery.parse({ kind: 'business', q: '北京', after: newId() }),
    );
    parts.push(sql.take('listVisibleCustomers (all scope, every filter)'));
    await listVisibleCustomers(sql.db, { ...rep, scope: 'own' }, ListCustomersQuery.parse({}));
    parts.push(sql.take('listVisibleCustomers (own scope, no filter)'));
    await countVisibleCustomersByKind(sql.db, rep, { q: 'x' });
    parts.push(sql.take('countVisibleCustomersByKind (team scope, search)'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./customer.repository.sql');
  });
});
