import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { ListCustomersQuery } from './customer.contract.js';
import * as repo from './customer.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('customer repository queries', () => {
  it('match customer.repository.sql', async () => {
    const { admin } = await makeTenant(database.db);
    const rep: Actor = { ...admin.actor, role: 'sales_rep', scope: 'team', teamIds: [newId()] };
    const t = admin.actor.tenantId;
    const at = new Date('2026-01-01T00:00:00Z');
    const summary = { q: 'x', intentTier: ['A' as const] };
    const text = await snapshotRepository(database.pool, repo, [
      [
        'insertCustomers',
        (db) => repo.insertCustomers(db, admin.actor, [{ id: newId(), kind: 'consumer', name: 'x' }]),
      ],
      [
        'insertCustomerRows (seed rows as they are)',
        (db) => repo.insertCustomerRows(db, [{ tenantId: t, id: newId(), kind: 'consumer', name: 'y' }]),
      ],
      [
        'updateCustomerRow',
        (db) => repo.updateCustomerRow(db, admin.actor, newId(), { name: 'z', updatedAt: at }),
      ],
      ['findVisibleCustomer (team scope)', (db) => repo.findVisibleCustomer(db, rep, newId())],
      ['findTenantCustomer', (db) => repo.findTenantCustomer(db, rep, newId())],
      [
        'listVisibleCustomers (all scope, filters, newest first)',
        (db) =>
          repo.listVisibleCustomers(
            db,
            admin.actor,
            ListCustomersQuery.parse({ kind: 'business', q: '北京', intentTier: 'A,none', tag: 'vip' }),
            { id: newId() },
          ),
      ],
      [
        'listVisibleCustomers (owner and tier, by last follow-up, after a cursor)',
        (db) =>
          repo.listVisibleCustomers(
            db,
            admin.actor,
            ListCustomersQuery.parse({ ownerUserId: admin.id, intentTier: 'B', sort: 'lastFollowUp' }),
            { at, id: newId() },
          ),
      ],
      [
        'listVisibleCustomers (own scope: own and pool customers)',
        (db) =>
          repo.listVisibleCustomers(db, { ...rep, scope: 'own' }, ListCustomersQuery.parse({}), undefined),
      ],
      ['countVisibleByKind (team scope, search)', (db) => repo.countVisibleByKind(db, rep, summary)],
      [
        'countVisibleByIntentTier (team scope, the tier filter left out)',
        (db) => repo.countVisibleByIntentTier(db, rep, summary),
      ],
      ['findMergeOf', (db) => repo.findMergeOf(db, rep, newId())],
      [
        'markCustomerContacted (with facts)',
        (db) => repo.markCustomerContacted(db, t, newId(), at, { budget: 'confirmed', objection: null }, at),
      ],
      [
        'findCustomersByExternalKeys (external ids and USCCs)',
        (db) => repo.findCustomersByExternalKeys(db, t, ['ERP-1'], ['91350100M000100Y43']),
      ],
      ['countCustomersByPool', (db) => repo.countCustomersByPool(db, t)],
      ['listMergesFrom', (db) => repo.listMergesFrom(db, t, [newId()])],
      ['listCustomerFacts', (db) => repo.listCustomerFacts(db, t, [newId()])],
    ]);
    await expect(text).toMatchFileSnapshot('./customer.repository.sql');
  });
});
