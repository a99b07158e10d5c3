import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './lifecycle.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-12-07T08:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('lifecycle queries', () => {
  it('match lifecycle.repository.sql', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const t = tenant.id;
    const customerId = newId();
    const change = {
      tenantId: t,
      id: newId(),
      customerId,
      fromStage: null,
      toStage: 'first_contact',
      source: 'deal',
      dealId: newId(),
      actorUserId: admin.id,
      note: null,
      at,
    };
    const text = await snapshotRepository(database.pool, repo, [
      [
        'upsertLifecycle',
        (db) => repo.upsertLifecycle(db, { tenantId: t, customerId, stage: 'poc', changedAt: at }),
      ],
      ['listLifecycles', (db) => repo.listLifecycles(db, t, [customerId, newId()])],
      ['insertLifecycleChange', (db) => repo.insertLifecycleChange(db, change)],
      ['listLifecycleChanges', (db) => repo.listLifecycleChanges(db, t, customerId)],
      ['repointLifecycleChanges', (db) => repo.repointLifecycleChanges(db, t, newId(), [customerId])],
      ['deleteLifecycles', (db) => repo.deleteLifecycles(db, t, [customerId])],
    ]);
    await expect(text).toMatchFileSnapshot('./lifecycle.repository.sql');
  });
});
