import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './pipeline.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

describe.skipIf(testEngine() !== 'pglite')('pipeline queries', () => {
  it('match pipeline.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const pipelineId = newId();
    const stage = {
      tenantId: t,
      id: newId(),
      pipelineId,
      key: 'reach',
      name: 'Reach',
      position: 10,
      probability: 0.1,
      won: false,
      lost: false,
      guidance: '',
    };
    const text = await snapshotRepository(database.pool, repo, [
      [
        'insertPipelines',
        (db) =>
          repo.insertPipelines(
            db,
            [
              {
                tenantId: t,
                id: pipelineId,
                name: 'P',
                customerKind: 'business',
                isDefault: true,
                createdAt: at,
              },
            ],
            [stage],
          ),
      ],
      ['insertStage', (db) => repo.insertStage(db, { ...stage, id: newId(), key: 'other' })],
      ['listPipelineRows', (db) => repo.listPipelineRows(db, t)],
      ['listStageRows', (db) => repo.listStageRows(db, t, [pipelineId])],
      [
        'updateStageRow',
        (db) => repo.updateStageRow(db, t, pipelineId, stage.id, { name: 'Reach out', probability: 0.2 }),
      ],
      [
        'insertLostReasons',
        (db) =>
          repo.insertLostReasons(db, [
            { tenantId: t, id: newId(), label: 'Price', active: true, createdAt: at },
          ]),
      ],
      ['listLostReasonRows', (db) => repo.listLostReasonRows(db, t)],
    ]);
    await expect(text).toMatchFileSnapshot('./pipeline.repository.sql');
  });
});
