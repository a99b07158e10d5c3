import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './customer-batch.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('customer batch repository', () => {
  // The SQL is the same on both engines: snapshot it once, in the PGlite project.
  it.skipIf(testEngine() !== 'pglite')('queries match customer-batch.repository.sql', async () => {
    const { admin } = await makeTenant(database.db);
    const rep: Actor = { ...admin.actor, role: 'sales_rep', scope: 'own' };
    const t = admin.actor.tenantId;
    const now = new Date(0);
    const text = await snapshotRepository(database.pool, repo, [
      [
        'findCustomersByRef (own scope, ids and external ids)',
        (db) => repo.findCustomersByRef(db, rep, [newId()], ['ERP-1']),
      ],
      [
        'findImportMatches (every key)',
        (db) =>
          repo.findImportMatches(db, t, [
            { phoneKey: '+8613800138000', emailKey: 'a@b.cn' },
            { nameKey: '华为技术', uscc: 'X' },
          ]),
      ],
      ['findExistingIds', (db) => repo.findExistingIds(db, t, [newId()])],
      ['findMerges', (db) => repo.findMerges(db, t, [newId()])],
      [
        'insertImportedCustomers (the columns the rows set)',
        (db) =>
          repo.insertImportedCustomers(db, t, [
            { id: newId(), kind: 'consumer', name: 'x', tags: ['a'], createdAt: now },
          ]),
      ],
    ]);
    await expect(text).toMatchFileSnapshot('./customer-batch.repository.sql');
  });

  it('finds customers by id and external id with the actor scope, and writes JSON rows faithfully', async () => {
    const { admin } = await makeTenant(database.db);
    const rep: Actor = { ...admin.actor, userId: newId(), role: 'sales_rep', scope: 'own' };
    const t = admin.actor.tenantId;
    const [a, b] = [newId(), newId()];
    const at = new Date('2026-03-02T02:00:00.123Z');
    await repo.insertImportedCustomers(database.db, t, [
      {
        id: a,
        kind: 'business',
        name: '甲 "quoted" \\ name',
        tags: ['x,y', 'q"uote', '{brace}'],
        customFields: { level: '金牌', n: 3, ok: true },
        externalId: 'E-1',
        ownerUserId: rep.userId,
        lastFollowUpAt: at,
        createdAt: at,
        updatedAt: at,
      },
      { id: b, kind: 'consumer', name: '乙', createdAt: at, updatedAt: at, ownerUserId: admin.id },
    ]);
    const found = await repo.findCustomersByRef(database.db, rep, [a, b, newId()], ['E-1', 'nope']);
    const byId = Object.fromEntries(found.map((row) => [row.id, row]));
    expect(Object.keys(byId).sort()).toEqual([a, b].sort());
    expect(byId[a]).toMatchObject({
      tenantId: t,
      name: '甲 "quoted" \\ name',
      tags: ['x,y', 'q"uote', '{brace}'],
      customFields: { level: '金牌', n: 3, ok: true },
      lastFollowUpAt: at,
      budget: 'unknown',
      visible: true,
    });
    expect(byId[b]).toMatchObject({ visible: false, tags: [], customFields: {} });
    expect(await repo.findExistingIds(database.db, t, [b, newId()])).toEqual([b]);
  });
});
