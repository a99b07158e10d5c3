import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { trainWinModel } from './win-probability.js';
import * as repo from './win-model.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-12-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('win-model queries', () => {
  it('match win-model.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const model = {
      tenantId: t,
      model: trainWinModel([], 0),
      closedDeals: 0,
      examples: 0,
      lastClosedAt: null,
      trainedAt: at,
      trainingMs: 1,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['listClosedStageEntries', (db) => repo.listClosedStageEntries(db, t)],
      ['saveWinModel', (db) => repo.saveWinModel(db, model)],
      ['findWinModel', (db) => repo.findWinModel(db, t)],
      ['listTenantsToRetrain (all tenants)', (db) => repo.listTenantsToRetrain(db)],
      ['listStageEntryTimes', (db) => repo.listStageEntryTimes(db, t, [newId(), newId()])],
    ]);
    await expect(text).toMatchFileSnapshot('./win-model.repository.sql');
  });
});
