import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './deal-report.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe.skipIf(testEngine() !== 'pglite')('deal report queries', () => {
  it('match deal-report.repository.sql', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const text = await snapshotRepository(database.pool, repo, [
      ['sumOpenDeals (scope own, one pipeline)', (db) => repo.sumOpenDeals(db, rep.actor, newId())],
      ['listStageDurations', (db) => repo.listStageDurations(db, admin.actor)],
      ['listWonCycles', (db) => repo.listWonCycles(db, admin.actor)],
      ['listStageWinRates', (db) => repo.listStageWinRates(db, admin.actor)],
    ]);
    await expect(text).toMatchFileSnapshot('./deal-report.repository.sql');
  });
});
