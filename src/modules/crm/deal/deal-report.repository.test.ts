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

describe.skipIf(testEngine() !== 'pglite')('sales report queries', () => {
  it('match deal-report.repository.sql', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const every: repo.ReportFilter = {
      pipelineId: newId(),
      kind: 'business',
      ownerUserId: rep.id,
      teamId: newId(),
    };
    const text = await snapshotRepository(database.pool, repo, [
      [
        'sumOpenDeals (scope own, one pipeline)',
        (db) => repo.sumOpenDeals(db, rep.actor, { pipelineId: newId() }),
      ],
      ['sumOpenDeals (every filter, scope all)', (db) => repo.sumOpenDeals(db, admin.actor, every)],
      ['listStageDurations', (db) => repo.listStageDurations(db, admin.actor, {})],
      ['listStageDurations (every filter, scope own)', (db) => repo.listStageDurations(db, rep.actor, every)],
      ['listWonCycles', (db) => repo.listWonCycles(db, admin.actor, {})],
      [
        'listWonCycles (a kind, scope own)',
        (db) => repo.listWonCycles(db, rep.actor, { kind: 'government' }),
      ],
      ['listStageWinRates', (db) => repo.listStageWinRates(db, admin.actor, {})],
      [
        'listStageWinRates (a pipeline)',
        (db) => repo.listStageWinRates(db, admin.actor, { pipelineId: newId() }),
      ],
    ]);
    await expect(text).toMatchFileSnapshot('./deal-report.repository.sql');
  });
});
