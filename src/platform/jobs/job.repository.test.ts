import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { testEngine } from '../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../test/helpers/sql-capture.js';
import { DAY_MS, fixedClock } from '../clock.js';
import type { Database } from '../db/database.js';
import { newId } from '../ids.js';
import * as repo from './job.repository.js';
import { enqueueJob, queueMaintenanceJob } from './job.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const start = new Date('2026-03-02T08:00:00.000Z');

describe('queue upkeep', () => {
  it('fails jobs whose worker died on their last attempt and prunes old finished jobs', async () => {
    const clock = fixedClock(start);
    const name = `test.upkeep.${newId()}`;
    const db = database.db;
    const lost = await enqueueJob(db, clock, { name, maxAttempts: 1 });
    const claim = {
      workerId: 'gone',
      names: [name],
      now: start,
      leaseUntil: new Date(start.getTime() + 1000),
    };
    await repo.claimNextJob(db, claim);
    const done = await enqueueJob(db, clock, { name, singletonKey: `done-${lost}` });
    await repo.claimNextJob(db, { ...claim, workerId: 'alive' });
    await repo.finishJob(db, done!, 'alive', { status: 'succeeded', now: start });

    clock.set(new Date(start.getTime() + 2000));
    await queueMaintenanceJob({ db, clock }).run();
    const rows = await repo.listJobs(db, { tenantId: newId(), name, limit: 10 });
    expect(rows.map((r) => [r.id, r.status, r.lastError])).toEqual([
      [done, 'succeeded', null],
      [lost, 'failed', 'worker lost (lease expired)'],
    ]);

    clock.set(new Date(start.getTime() + DAY_MS + 1));
    await queueMaintenanceJob({ db, clock }).run();
    expect((await repo.listJobs(db, { tenantId: newId(), name, limit: 10 })).map((r) => r.id)).toEqual([
      lost,
    ]);
    clock.set(new Date(start.getTime() + 15 * DAY_MS));
    await queueMaintenanceJob({ db, clock }).run();
    expect(await repo.listJobs(db, { tenantId: newId(), name, limit: 10 })).toEqual([]);
  });
});

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('job repository queries', () => {
  it('match job.repository.sql', async () => {
    const id = newId();
    const now = start;
    const job = {
      id,
      name: 'snapshot',
      tenantId: null,
      payload: {},
      runAt: now,
      maxAttempts: 3,
      singletonKey: 'snapshot@2026-03-02T08:00:00.000Z',
      createdAt: now,
    };
    const claim = { workerId: 'w', names: ['snapshot'], now, leaseUntil: now };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertJob', (db) => repo.insertJob(db, { ...job, singletonKey: null })],
      ['insertPeriodJob', (db) => repo.insertPeriodJob(db, { ...job, id: newId() })],
      ['claimNextJob', (db) => repo.claimNextJob(db, claim)],
      ['extendJobLease', (db) => repo.extendJobLease(db, id, 'w', now)],
      [
        'finishJob (retry)',
        (db) => repo.finishJob(db, id, 'w', { status: 'failed', now, error: 'e', retryAt: now }),
      ],
      ['finishJob (succeeded)', (db) => repo.finishJob(db, id, 'w', { status: 'succeeded', now })],
      ['failAbandonedJobs', (db) => repo.failAbandonedJobs(db, now)],
      [
        'deleteFinishedJobs',
        (db) => repo.deleteFinishedJobs(db, { succeededBefore: now, failedBefore: now }),
      ],
      ['listJobs (first page)', (db) => repo.listJobs(db, { tenantId: id, limit: 51 })],
      [
        'listJobs (failed, by name, after)',
        (db) => repo.listJobs(db, { tenantId: id, status: 'failed', name: 'x', after: id, limit: 51 }),
      ],
      ['findJob', (db) => repo.findJob(db, id, id)],
      ['requeueFailedJob', (db) => repo.requeueFailedJob(db, id, now)],
    ]);
    await expect(text).toMatchFileSnapshot('./job.repository.sql');
  });
});
