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
  countVisibleByIntentTier,
  countVisibleByKind,
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
      ListCustomersQuery.parse({ kind: 'business', q: '北京', intentTier: 'A,none', tag: 'vip' }),
      { id: newId() },
    );
    parts.push(sql.take('listVisibleCustomers (all scope, filters, newest first)'));
    await listVisibleCustomers(
      sql.db,
      admin.actor,
      ListCustomersQuery.parse({ ownerUserId: admin.id, intentTier: 'B', sort: 'lastFollowUp' }),
      { at: new Date('2026-01-01T00:00:00Z'), id: newId() },
    );
    parts.push(sql.take('listVisibleCustomers (owner and tier, by last follow-up, after a cursor)'));
    await listVisibleCustomers(sql.db, { ...rep, scope: 'own' }, ListCustomersQuery.parse({}), undefined);
    parts.push(sql.take('listVisibleCustomers (own scope: own and pool customers)'));
    const summary = { q: 'x', intentTier: ['A' as const] };
    await countVisibleByKind(sql.db, rep, summary);
    parts.push(sql.take('countVisibleByKind (team scope, search)'));
    await countVisibleByIntentTier(sql.db, rep, summary);
    parts.push(sql.take('countVisibleByIntentTier (team scope, the tier filter left out)'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./customer.repository.sql');
  });
});
