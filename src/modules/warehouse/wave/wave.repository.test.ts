import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './wave.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-12-07T06:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('wave queries', () => {
  it('match wave.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const warehouseId = newId();
    const waveId = newId();
    const strategy = {
      tenantId: t,
      warehouseId,
      rules: [{ name: 'all' }],
      releasePartiallyAllocated: false,
      picking: { method: 'by_order' },
      updatedByUserId: null,
      updatedAt: at,
    };
    const wave = {
      tenantId: t,
      id: waveId,
      warehouseId,
      number: 1,
      rule: { name: 'all', limits: {} },
      status: 'released',
      orderCount: 1,
      lineCount: 1,
      unitCount: 2,
      weightKg: null,
      releasedByUserId: null,
      releasedAt: at,
      cancelledByUserId: null,
      cancelledAt: null,
      updatedAt: at,
    };
    const member = {
      tenantId: t,
      waveId,
      orderId: newId(),
      position: 1,
      externalRef: 'SO-1',
      priority: 'normal',
      pushedAt: at,
      active: true,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['findStrategy', (db) => repo.findStrategy(db, t, warehouseId)],
      ['findStrategy (lock)', (db) => repo.findStrategy(db, t, warehouseId, { lock: true })],
      ['saveStrategy', (db) => repo.saveStrategy(db, strategy)],
      ['deleteStrategy', (db) => repo.deleteStrategy(db, t, warehouseId)],
      ['listOrdersInWaves', (db) => repo.listOrdersInWaves(db, t, warehouseId)],
      ['nextWaveNumber', (db) => repo.nextWaveNumber(db, t, warehouseId)],
      ['insertWaves', (db) => repo.insertWaves(db, [wave], [member])],
      ['findWave', (db) => repo.findWave(db, t, waveId)],
      ['findWave (lock)', (db) => repo.findWave(db, t, waveId, { lock: true })],
      ['listWaveOrders', (db) => repo.listWaveOrders(db, t, waveId)],
      [
        'listWaves (first page, every filter)',
        (db) => repo.listWaves(db, t, { warehouseIds: [warehouseId], status: 'released' }, undefined, 51),
      ],
      ['listWaves (after a cursor)', (db) => repo.listWaves(db, t, {}, { at, id: waveId }, 51)],
      ['cancelWaveRows', (db) => repo.cancelWaveRows(db, t, waveId, { now: at, actorUserId: null })],
      ['updateWaveStatus', (db) => repo.updateWaveStatus(db, t, waveId, 'picking', at)],
    ]);
    await expect(text).toMatchFileSnapshot('./wave.repository.sql');
  });
});
