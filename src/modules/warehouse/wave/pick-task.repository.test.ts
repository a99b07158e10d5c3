import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './pick-task.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-12-07T06:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('pick task queries', () => {
  it('match pick-task.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const warehouseId = newId();
    const waveId = newId();
    const taskId = newId();
    const userId = newId();
    const batch = {
      tenantId: t,
      waveId,
      number: 1,
      orderIds: [newId()],
      units: 2,
      oversize: false,
      length: 12,
      optimal: true,
      status: 'open',
      stops: [],
      sortPlan: null,
    };
    const task = {
      tenantId: t,
      id: taskId,
      warehouseId,
      waveId,
      waveNumber: 1,
      batchNumber: 1,
      number: 1,
      zone: 'A',
      status: 'open',
      assigneeUserId: null,
      urgent: false,
      units: 2,
      routeLength: 12,
      stops: [],
      createdAt: at,
      assignedAt: null,
      updatedAt: at,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertBatchesAndTasks', (db) => repo.insertBatchesAndTasks(db, [batch], [task])],
      ['listWaveBatches', (db) => repo.listWaveBatches(db, t, waveId)],
      ['findPickTask', (db) => repo.findPickTask(db, t, taskId)],
      [
        'listPickTasks (first page, every filter)',
        (db) =>
          repo.listPickTasks(
            db,
            t,
            { warehouseId, waveId, zone: 'A', status: 'open', assignee: userId },
            undefined,
            51,
          ),
      ],
      ['listPickTasks (after a cursor)', (db) => repo.listPickTasks(db, t, {}, { at, id: taskId }, 51)],
      ['nextOpenTask', (db) => repo.nextOpenTask(db, t, warehouseId, ['A', 'B'])],
      ['nextOpenTask (skipping)', (db) => repo.nextOpenTask(db, t, warehouseId, ['A'], [taskId])],
      ['assignPickTask', (db) => repo.assignPickTask(db, t, taskId, userId, at, ['open', 'assigned'])],
      ['replacePickerZones', (db) => repo.replacePickerZones(db, t, warehouseId, [{ userId, zone: 'A' }])],
      ['listPickerZones', (db) => repo.listPickerZones(db, t, warehouseId)],
      ['listPickerZones (one user)', (db) => repo.listPickerZones(db, t, warehouseId, userId)],
      ['cancelWaveBatches', (db) => repo.cancelWaveBatches(db, t, waveId, at)],
    ]);
    await expect(text).toMatchFileSnapshot('./pick-task.repository.sql');
  });
});
