import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './customer-merge.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('customer merge queries', () => {
  it('match customer-merge.repository.sql', async () => {
    const { admin } = await makeTenant(database.db);
    const rep: Actor = { ...admin.actor, role: 'sales_rep', scope: 'own' };
    const t = admin.actor.tenantId;
    const [into, a, b] = [newId(), newId(), newId()];
    const text = await snapshotRepository(database.pool, repo, [
      ['findVisibleCustomers (own scope)', (db) => repo.findVisibleCustomers(db, rep, [a, b])],
      ['findMergedInto', (db) => repo.findMergedInto(db, rep, [a])],
      ['lockCustomers', (db) => repo.lockCustomers(db, t, [into, a, b])],
      ['repointChildren', (db) => repo.repointChildren(db, t, into, [a, b])],
      [
        'recordMerges',
        (db) =>
          repo.recordMerges(db, t, into, [{ fromId: a, snapshot: {}, mergedByUserId: null, mergedAt: at }]),
      ],
      ['deleteCustomers', (db) => repo.deleteCustomers(db, t, [a, b])],
    ]);
    await expect(text).toMatchFileSnapshot('./customer-merge.repository.sql');
  });
});
